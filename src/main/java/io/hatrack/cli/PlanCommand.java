package io.hatrack.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.planning.plans.PlanApi;
import io.hatrack.planning.plans.PlanItemRow;
import io.hatrack.planning.plans.PlanRequest;
import io.hatrack.planning.plans.PlanService;
import io.hatrack.planning.teams.PlanningPeriod;
import io.hatrack.planning.teams.Team;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hatrack plan --product KEY --periods 2027-Q1,2027-Q2 [--teams a,b] [--model NAME] [--pin
 * KEY=PERIOD] [--json]}: solves and saves a release plan, in the name of the first owner of the
 * product's workspace, and prints it; exits with 1 when the constraints cannot hold together.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Solve a release plan of a product's open features and epics under its teams' capacity,"
          + " save it, and print it as a table (or JSON)."
    })
public final class PlanCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;

  @Option(
      names = "--product",
      required = true,
      paramLabel = "KEY",
      description = "The product's key (CHK) or slug.")
  String product;

  @Option(
      names = "--periods",
      required = true,
      split = ",",
      paramLabel = "PERIOD",
      description = "Quarters (2027-Q1) or months (2027-03), in order, separated by commas.")
  List<String> periods;

  @Option(
      names = "--teams",
      split = ",",
      paramLabel = "SLUG",
      description = "Teams to plan for (default: all the workspace's teams).")
  List<String> teams;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      description = "The scoring model whose scores are the values (default: the product's).")
  String model;

  @Option(
      names = "--pin",
      split = ",",
      paramLabel = "KEY=PERIOD",
      description = "Items that must go in a period, e.g. CHK-12=2027-Q1.")
  java.util.Map<String, String> pins;

  @Option(names = "--name", description = "The plan's name.")
  String name;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      description = "The solver's time limit (default 10).")
  Integer seconds;

  @Option(names = "--json", description = "Print the plan as JSON (the API's shape).")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String url = storage.databaseUrl();
    if (url.equals(AppConfig.defaultDatabaseUrl(storage.dataDir()))
        && !Files.exists(storage.dataDir().resolve("hatrack.db"))) {
      throw new CommandFailure("no Hatrack database in " + storage.dataDir().toAbsolutePath());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AppConfig config = AppConfig.defaults(storage.dataDir(), url, "127.0.0.1", 0);
    try (App app = new App(config)) {
      Acting acting = acting(app);
      PlanService plans = app.planning().releasePlanning().plans();
      PlanService.Detail d =
          plans.create(
              acting.owner(),
              acting.product(),
              PlanRequest.of(name, periods)
                  .withTeams(teams)
                  .withModel(model)
                  .withOptions(null, null, seconds)
                  .withConstraints(null, pins, null));
      if (json) {
        out.println(
            app.json()
                .copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(PlanApi.json(d)));
      } else {
        table(out, d);
      }
      return 0;
    } catch (Invalid e) {
      boolean conflicts = e.errors().stream().anyMatch(f -> f.field().equals("constraints"));
      if (conflicts) {
        err.println("hatrack: no plan can satisfy these constraints:");
      }
      for (FieldError fe : e.errors()) {
        err.println(
            conflicts && fe.field().equals("constraints")
                ? "  - " + fe.reason()
                : "hatrack: --" + fe.field().replace('_', '-') + " " + fe.reason());
      }
      return 1;
    } catch (NotFound e) {
      err.println("hatrack: " + e.getMessage());
      return 1;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CommandFailure("cannot write the plan as JSON: " + e.getMessage());
    }
  }

  private record Acting(User owner, String product) {}

  private Acting acting(App app) {
    return app.database()
        .read(
            h -> {
              List<Product> found =
                  app.products().findAsAdministrator(h, product == null ? "" : product.strip());
              if (found.size() != 1) {
                throw Invalid.field(
                    "product",
                    found.isEmpty()
                        ? "no product with the key or slug " + product
                        : "several products have the key " + product + "; use the slug");
              }
              Product p = found.get(0);
              User owner =
                  app.discovery()
                      .customers()
                      .firstOwner(h, p.workspaceId())
                      .flatMap(id -> app.workspaces().memberById(h, p.workspaceId(), id))
                      .orElseThrow(() -> new NotFound("owner of the product's workspace"));
              return new Acting(owner, Long.toString(p.id()));
            });
  }

  private static void table(PrintWriter out, PlanService.Detail d) {
    var p = d.plan();
    out.printf(
        Locale.ROOT,
        "%s (#%d): %s, value %s, bound %s, gap %.1f %%, solved in %,d ms%n",
        p.name(),
        p.id(),
        p.status(),
        PlanItemRow.points(p.objective()),
        PlanItemRow.points(p.bound()),
        p.gap(),
        p.solveMs());
    out.printf(
        Locale.ROOT,
        "Greedy would give %s, the optimiser gives %s (%+.1f %%).%n",
        PlanItemRow.points(p.greedyValue()),
        PlanItemRow.points(p.objective()),
        p.gainPercent());
    for (PlanningPeriod period : d.periods()) {
      out.println();
      out.println(period.label() + " (" + period.start() + " to " + period.end() + ")");
      for (Team t : d.teams()) {
        out.printf(
            Locale.ROOT,
            "  %-20s %8.1f of %8.1f %s%n",
            t.name(),
            d.load(period.id(), t.id()),
            d.capacity(period.id(), t.id()),
            t.unitLabel());
      }
      for (PlanItemRow i : d.planned(period.id())) {
        out.printf(Locale.ROOT, "  %-10s %10s  %s%n", i.key(), i.valueText(), i.title());
      }
    }
    if (!d.leftOut().isEmpty()) {
      out.println();
      out.println("Left out");
      for (PlanItemRow i : d.leftOut()) {
        out.printf(Locale.ROOT, "  %-10s %s  %s%n", i.key(), i.title(), i.reason());
      }
    }
  }
}
