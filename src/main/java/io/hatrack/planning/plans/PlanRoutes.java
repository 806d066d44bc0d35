package io.hatrack.planning.plans;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.planning.teams.PlanningPeriod;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Release plans in the browser: the product's plans with a form to solve a new one (and what a plan
 * needs when something is missing), and a plan's page with the load of each team against its
 * capacity, the items per period, the items left out and why, the greedy comparison, and its
 * what-if scenarios side by side with a form to add one.
 */
public final class PlanRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/planning/plans";

  private final PlanService plans;
  private final ProductService products;
  private final Html html;

  public PlanRoutes(PlanService plans, ProductService products, Html html) {
    this.plans = plans;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, ctx -> list(ctx, null));
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/{plan}", ctx -> show(ctx, null));
    r.postPage(BASE + "/{plan}/scenarios", this::scenario);
    r.postPage(BASE + "/{plan}/accept", this::accept);
  }

  private static String base(ProductAccess p) {
    return "/w/" + p.workspace().workspace().slug() + "/" + p.product().slug() + "/planning/plans";
  }

  private List<Shell.Crumb> crumbs(ProductAccess p, Shell.Crumb... more) {
    List<Shell.Crumb> all = new ArrayList<>();
    all.add(new Shell.Crumb("Planning", null));
    all.add(new Shell.Crumb("Release plans", more.length == 0 ? null : base(p)));
    all.addAll(List.of(more));
    return all;
  }

  /** The next two quarters after today's, as the form's default. */
  static String defaultPeriods(LocalDate today) {
    PlanningPeriod next =
        PlanningPeriod.quarterOf(PlanningPeriod.quarterOf(today).end().plusDays(1));
    PlanningPeriod after = PlanningPeriod.quarterOf(next.end().plusDays(1));
    return next.id() + ", " + after.id();
  }

  private void list(Context ctx, Form form) {
    ProductAccess product = Requests.product(ctx, products);
    PlanService.Listing l = plans.list(Requests.user(ctx), Long.toString(product.id()));
    Form f =
        form != null
            ? form
            : Form.of(
                "periods",
                defaultPeriods(LocalDate.now(ZoneOffset.UTC)),
                "time_limit_seconds",
                "10",
                "discount",
                "0");
    Shell shell = html.shells().product(ctx, product, "planning", "Release plans", crumbs(product));
    html.page(
        ctx,
        "planning/plans/list.jte",
        shell,
        "listing",
        l,
        "form",
        f,
        "base",
        base(product),
        "teamsUrl",
        "/w/" + product.workspace().workspace().slug() + "/teams");
  }

  private static List<String> csv(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  private static PlanRequest request(Context ctx) {
    Double discount;
    Integer seconds;
    try {
      String d = ctx.formParam("discount");
      discount = d == null || d.isBlank() ? null : Double.parseDouble(d.strip()) / 100.0;
    } catch (NumberFormatException e) {
      throw Invalid.field("discount", "must be a number of per cent");
    }
    try {
      String s = ctx.formParam("time_limit_seconds");
      seconds = s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      throw Invalid.field("time_limit_seconds", "must be a whole number of seconds");
    }
    String model = ctx.formParam("model");
    return new PlanRequest(
        ctx.formParam("name"),
        csv(ctx.formParam("periods")),
        ctx.formParams("teams"),
        model == null || model.isBlank() ? null : model,
        ctx.formParams("types"),
        ctx.formParam("moscow_rule") != null,
        discount,
        seconds,
        byPeriod("deadlines", ctx.formParam("deadlines")),
        byPeriod("pins", ctx.formParam("pins")),
        csv(ctx.formParam("exclusions")));
  }

  /** "CHK-12=2027-Q1, CHK-15=2027-Q2" as item key to period; a pair without "=" names itself. */
  private static Map<String, String> byPeriod(String field, String text) {
    Map<String, String> byItem = new LinkedHashMap<>();
    for (String pair : csv(text)) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw Invalid.field(field, "\"" + pair + "\" is not KEY=PERIOD, e.g. CHK-12=2027-Q1");
      }
      byItem.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return byItem;
  }

  private void create(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    try {
      PlanService.Detail d =
          plans.create(Requests.user(ctx), Long.toString(product.id()), request(ctx));
      Flashes.success(
          ctx, "Solved the plan " + d.plan().name() + " in " + d.plan().solveMs() + " ms.");
      ctx.redirect(base(product) + "/" + d.plan().id());
    } catch (Invalid e) {
      ctx.status(422);
      list(ctx, Form.refused(ctx, e));
    }
  }

  private void show(Context ctx, Form scenarioForm) {
    ProductAccess product = Requests.product(ctx, products);
    PlanService.Detail d =
        plans.get(Requests.user(ctx), Long.toString(product.id()), Requests.idParam(ctx, "plan"));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "planning",
                d.plan().name(),
                crumbs(product, new Shell.Crumb(d.plan().name(), null)));
    Map<Long, String> teamSlugs = new LinkedHashMap<>();
    d.teams().forEach(t -> teamSlugs.put(t.id(), t.slug()));
    html.page(
        ctx,
        "planning/plans/show.jte",
        shell,
        "d",
        d,
        "form",
        scenarioForm == null ? Form.EMPTY : scenarioForm,
        "base",
        base(product),
        "teamsUrl",
        "/w/" + product.workspace().workspace().slug() + "/teams");
  }

  private void scenario(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    long planId = Requests.idParam(ctx, "plan");
    try {
      List<ScenarioChanges.CapacityChange> capacity = new ArrayList<>();
      String change = ctx.formParam("change");
      if (change != null && !change.isBlank()) {
        double value;
        try {
          value = Double.parseDouble(change.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
          throw Invalid.field("change", "must be a number (negative for less)");
        }
        String period = ctx.formParam("period");
        List<String> periods = new ArrayList<>();
        if ("*".equals(period)) {
          plans
              .get(Requests.user(ctx), Long.toString(product.id()), planId)
              .periods()
              .forEach(p -> periods.add(p.id()));
        } else {
          periods.add(period);
        }
        for (String p : periods) {
          capacity.add(new ScenarioChanges.CapacityChange(ctx.formParam("team"), p, value));
        }
      }
      Map<String, String> deadlines = new LinkedHashMap<>();
      String item = ctx.formParam("deadline_item");
      if (item != null && !item.isBlank()) {
        deadlines.put(item, ctx.formParam("deadline_period"));
      }
      List<String> drop = new ArrayList<>(ctx.formParams("drop"));
      drop.removeIf(String::isBlank);
      PlanService.Detail d =
          plans.scenario(
              Requests.user(ctx),
              Long.toString(product.id()),
              planId,
              new ScenarioChanges(ctx.formParam("name"), capacity, drop, deadlines));
      Flashes.success(ctx, "Solved the what-if " + d.plan().name() + ".");
      ctx.redirect(base(product) + "/" + planId + "#scenarios");
    } catch (Invalid e) {
      ctx.status(422);
      show(ctx, Form.refused(ctx, e));
    }
  }

  private void accept(Context ctx) {
    ProductAccess product = Requests.product(ctx, products).require(Role.EDITOR, "accept plans");
    PlanService.Detail d =
        plans.accept(
            Requests.user(ctx), Long.toString(product.id()), Requests.idParam(ctx, "plan"));
    Flashes.success(
        ctx,
        "Accepted "
            + d.plan().name()
            + ": "
            + d.items().stream().filter(PlanItemRow::planned).count()
            + " items are on the roadmap with their release.");
    ctx.redirect(base(product) + "/" + d.plan().id());
  }
}
