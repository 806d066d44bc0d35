package io.hatrack.planning.plans;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.planning.teams.PlanningPeriod;
import io.hatrack.planning.teams.Team;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Release plans and what-if scenarios of a product over the API. */
public final class PlanApi implements Routes {
  private static final String TAG = "Release plans";
  private static final String BASE = "/api/v1/products/{product}/plans";
  private static final String VALUES =
      " Values are the chosen scoring model's scores (the solver counts them × 100, rounded);"
          + " efforts and capacities are in each team's unit (the solver counts tenths).";

  private final PlanService plans;
  private final ObjectMapper json;

  public PlanApi(PlanService plans, ObjectMapper json) {
    this.plans = plans;
    this.json = json;
  }

  /** A period of a plan. */
  public record PeriodJson(String id, String label, LocalDate start, LocalDate end) {}

  /** A team's capacity and the load the plan puts on it in one period, in the team's unit. */
  public record LoadJson(String period, String team, String unit, double capacity, double load) {}

  /** A candidate item: its period (null when left out, with the reason) and greedy's period. */
  public record ItemJson(
      long itemId,
      String key,
      String title,
      String period,
      String greedyPeriod,
      double value,
      Map<String, Double> efforts,
      String reason) {}

  /** A scenario next to its base plan: value, gap, and items in and out compared with the base. */
  public record ScenarioJson(
      long id,
      String name,
      String status,
      double objective,
      double gapPercent,
      List<String> in,
      List<String> out,
      ScenarioChanges changes) {}

  /** A solved plan or scenario. */
  public record PlanJson(
      long id,
      Long parentId,
      String name,
      String status,
      String explanation,
      String model,
      double objective,
      double bound,
      double gapPercent,
      double greedyValue,
      double gainOverGreedyPercent,
      long solveMs,
      List<PeriodJson> periods,
      List<LoadJson> capacity,
      List<ItemJson> planned,
      List<ItemJson> leftOut,
      PlanRequest request,
      ScenarioChanges changes,
      List<ScenarioJson> scenarios,
      Instant acceptedAt,
      Instant createdAt,
      long version) {}

  /** A plan in a list. */
  public record PlanSummaryJson(
      long id,
      Long parentId,
      String name,
      String status,
      double objective,
      double gapPercent,
      double greedyValue,
      Instant acceptedAt,
      Instant createdAt) {}

  @Override
  public void register(Router r) {
    r.get(BASE, this::list)
        .summary("A product's release plans and scenarios, newest first")
        .tag(TAG)
        .returnsList(PlanSummaryJson.class);
    r.post(BASE, this::create)
        .summary("Solve and save a release plan (editors)")
        .description(
            "Plans the product's open items of the chosen types (default feature and epic) into"
                + " the periods under each team's capacity, dependencies (depends-on links),"
                + " deadlines, pins and exclusions, maximising total value; items without a score"
                + " or without effort are left out with that reason. Infeasible constraints answer"
                + " 400 naming them in words, and nothing is saved."
                + VALUES)
        .tag(TAG)
        .body(PlanRequest.class)
        .returns(201, PlanJson.class);
    r.get(BASE + "/{plan}", this::get)
        .summary("A plan or scenario with its assignments, left-out reasons and scenarios")
        .tag(TAG)
        .returns(200, PlanJson.class);
    r.post(BASE + "/{plan}/scenarios", this::scenario)
        .summary("Solve and save a what-if scenario of a plan (editors)")
        .description(
            "Changes: a team's capacity in a period up or down, items dropped, deadlines moved."
                + VALUES)
        .tag(TAG)
        .body(ScenarioChanges.class)
        .returns(201, PlanJson.class);
    r.post(BASE + "/{plan}/accept", this::accept)
        .summary("Accept a plan or scenario: put its items on the roadmap (editors)")
        .tag(TAG)
        .returns(200, PlanJson.class);
  }

  private void list(Context ctx) {
    PlanService.Listing l = plans.list(Requests.user(ctx), ctx.pathParam("product"));
    List<PlanSummaryJson> out =
        l.plans().stream()
            .map(
                p ->
                    new PlanSummaryJson(
                        p.id(),
                        p.parentId(),
                        p.name(),
                        p.status(),
                        p.objective() / 100.0,
                        p.gap(),
                        p.greedyValue() / 100.0,
                        p.acceptedAt(),
                        p.createdAt()))
            .toList();
    ctx.json(new ListJson<>(out, out.size(), null));
  }

  private void create(Context ctx) {
    PlanRequest in = Requests.body(ctx, json, PlanRequest.class);
    PlanService.Detail d = plans.create(Requests.user(ctx), ctx.pathParam("product"), in);
    ctx.header(
        "Location", "/api/v1/products/" + ctx.pathParam("product") + "/plans/" + d.plan().id());
    ctx.status(201).json(json(d));
  }

  private void get(Context ctx) {
    User user = Requests.user(ctx);
    ctx.json(json(plans.get(user, ctx.pathParam("product"), Requests.idParam(ctx, "plan"))));
  }

  private void scenario(Context ctx) {
    ScenarioChanges in = Requests.body(ctx, json, ScenarioChanges.class);
    PlanService.Detail d =
        plans.scenario(
            Requests.user(ctx), ctx.pathParam("product"), Requests.idParam(ctx, "plan"), in);
    ctx.header(
        "Location", "/api/v1/products/" + ctx.pathParam("product") + "/plans/" + d.plan().id());
    ctx.status(201).json(json(d));
  }

  private void accept(Context ctx) {
    ctx.json(
        json(
            plans.accept(
                Requests.user(ctx), ctx.pathParam("product"), Requests.idParam(ctx, "plan"))));
  }

  /** The JSON of a plan (the CLI prints the same). */
  public static PlanJson json(PlanService.Detail d) {
    Plan p = d.plan();
    Map<Long, String> slugs = new LinkedHashMap<>();
    d.teams().forEach(t -> slugs.put(t.id(), t.slug()));
    List<LoadJson> loads = new ArrayList<>();
    for (PlanningPeriod period : d.periods()) {
      for (Team t : d.teams()) {
        loads.add(
            new LoadJson(
                period.id(),
                t.slug(),
                t.unit(),
                d.capacity(period.id(), t.id()),
                d.load(period.id(), t.id())));
      }
    }
    List<ScenarioJson> scenarios =
        d.scenarios().stream()
            .map(
                s ->
                    new ScenarioJson(
                        s.plan().id(),
                        s.plan().name(),
                        s.plan().status(),
                        s.plan().objective() / 100.0,
                        s.plan().gap(),
                        s.in(),
                        s.out(),
                        s.plan().request().changes()))
            .toList();
    return new PlanJson(
        p.id(),
        p.parentId(),
        p.name(),
        p.status(),
        p.explained(),
        p.modelName(),
        p.objective() / 100.0,
        p.bound() / 100.0,
        p.gap(),
        p.greedyValue() / 100.0,
        p.gainPercent(),
        p.solveMs(),
        d.periods().stream()
            .map(x -> new PeriodJson(x.id(), x.label(), x.start(), x.end()))
            .toList(),
        loads,
        d.items().stream().filter(PlanItemRow::planned).map(i -> item(i, slugs)).toList(),
        d.leftOut().stream().map(i -> item(i, slugs)).toList(),
        p.request().request(),
        p.request().changes(),
        scenarios,
        p.acceptedAt(),
        p.createdAt(),
        p.version());
  }

  private static ItemJson item(PlanItemRow i, Map<Long, String> slugs) {
    Map<String, Double> efforts = new LinkedHashMap<>();
    i.effort().forEach((team, e) -> efforts.put(slugs.getOrDefault(team, Long.toString(team)), e));
    return new ItemJson(
        i.itemId(),
        i.key(),
        i.title(),
        i.period(),
        i.greedyPeriod(),
        i.value() / 100.0,
        efforts,
        i.reason());
  }
}
