package io.hatrack.delivery.sprints;

import io.hatrack.definition.WorkItemService;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.List;

/**
 * Sprints in the browser: a team's sprints with velocity and a forecast, a sprint's page (planning
 * view with drag and drop and plain buttons, load against capacity, start, close, scope changes,
 * burndown and burnup), and the delivery hat's landing page of a product.
 */
public final class SprintRoutes implements Routes {
  /** How many backlog items the planning view lists. */
  static final int BACKLOG_LIMIT = 200;

  private final SprintService sprints;
  private final SprintReports reports;
  private final WorkItemService workItems;
  private final ProductService products;
  private final Html html;

  public SprintRoutes(
      SprintService sprints,
      SprintReports reports,
      WorkItemService workItems,
      ProductService products,
      Html html) {
    this.sprints = sprints;
    this.reports = reports;
    this.workItems = workItems;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    String base = "/w/{ws}/teams/{team}/sprints";
    r.getPage(base, ctx -> list(ctx, Form.EMPTY));
    r.postPage(base, this::create);
    r.getPage("/w/{ws}/teams/{team}/velocity", this::velocityPage);
    r.getPage(base + "/{sprint}", ctx -> show(ctx, Form.EMPTY));
    r.postPage(base + "/{sprint}", this::update);
    r.postPage(base + "/{sprint}/delete", this::delete);
    r.postPage(base + "/{sprint}/items", this::addItem);
    r.postPage(base + "/{sprint}/items/{item}/remove", this::removeItem);
    r.postPage(base + "/{sprint}/items/{item}/done", this::markDone);
    r.postPage(base + "/{sprint}/start", this::start);
    r.postPage(base + "/{sprint}/close", this::close);
    r.getPage("/w/{ws}/{product}/delivery", this::landing);
  }

  private static String teamPath(Context ctx) {
    return "/w/" + ctx.pathParam("ws") + "/teams/" + ctx.pathParam("team");
  }

  private static String sprintPath(Context ctx) {
    return teamPath(ctx) + "/sprints/" + ctx.pathParam("sprint");
  }

  private Shell shell(Context ctx, SprintService.Scope scope, String title, Shell.Crumb... more) {
    String slug = scope.ws().workspace().slug();
    List<Shell.Crumb> crumbs = new java.util.ArrayList<>();
    crumbs.add(new Shell.Crumb(scope.ws().workspace().name(), "/w/" + slug));
    crumbs.add(new Shell.Crumb("Teams", "/w/" + slug + "/teams"));
    crumbs.add(
        new Shell.Crumb(scope.team().name(), "/w/" + slug + "/teams/" + scope.team().slug()));
    crumbs.addAll(List.of(more));
    return html.shells().workspace(ctx, scope.ws(), "teams", title, crumbs);
  }

  private void list(Context ctx, Form form) {
    User user = Requests.user(ctx);
    SprintService.Listing l = sprints.list(user, ctx.pathParam("ws"), ctx.pathParam("team"));
    SprintReports.VelocityView v = velocity(ctx, user);
    Shell shell =
        shell(
            ctx,
            l.scope(),
            "Sprints of " + l.scope().team().name(),
            new Shell.Crumb("Sprints", null));
    html.page(
        ctx,
        "delivery/sprints/list.jte",
        shell,
        "listing",
        l,
        "velocity",
        v,
        "chart",
        SprintCharts.velocity(v),
        "form",
        form,
        "base",
        teamPath(ctx));
  }

  private SprintReports.VelocityView velocity(Context ctx, User user) {
    try {
      return reports.velocity(
          user,
          ctx.pathParam("ws"),
          ctx.pathParam("team"),
          null,
          ctx.queryParam("remaining"),
          ctx.queryParam("epic"));
    } catch (Invalid e) {
      Flashes.error(ctx, "No forecast: " + e.errors().get(0) + ".");
      return reports.velocity(user, ctx.pathParam("ws"), ctx.pathParam("team"), null, null, null);
    }
  }

  private void velocityPage(Context ctx) {
    String q = ctx.queryString();
    ctx.redirect(teamPath(ctx) + "/sprints" + (q == null ? "" : "?" + q) + "#velocity");
  }

  private void create(Context ctx) {
    try {
      Sprint s =
          sprints.create(
              Requests.user(ctx),
              ctx.pathParam("ws"),
              ctx.pathParam("team"),
              new SprintDraft(
                  ctx.formParam("name"),
                  ctx.formParam("goal"),
                  ctx.formParam("start"),
                  ctx.formParam("end")));
      Flashes.success(ctx, "Planned " + s.name() + ". Now put items in it.");
      ctx.redirect(teamPath(ctx) + "/sprints/" + s.number());
    } catch (Invalid e) {
      ctx.status(422);
      list(ctx, Form.refused(ctx, e));
    }
  }

  private void show(Context ctx, Form form) {
    User user = Requests.user(ctx);
    SprintReports.Board b =
        reports.board(user, ctx.pathParam("ws"), ctx.pathParam("team"), ctx.pathParam("sprint"));
    SprintService.View v = b.view();
    List<Product> all = products.list(v.scope().ws());
    SprintReports.Backlog backlog = null;
    if (!v.sprint().closed() && !all.isEmpty()) {
      String chosen = ctx.queryParam("product");
      Product p =
          all.stream()
              .filter(
                  x -> x.slug().equals(chosen) || x.key().equalsIgnoreCase(String.valueOf(chosen)))
              .findFirst()
              .orElse(all.get(0));
      backlog = reports.backlog(user, Long.toString(p.id()), BACKLOG_LIMIT);
    }
    Shell shell =
        shell(
            ctx,
            v.scope(),
            v.sprint().name() + " · " + v.scope().team().name(),
            new Shell.Crumb("Sprints", teamPath(ctx) + "/sprints"),
            new Shell.Crumb(v.sprint().name(), null));
    html.page(
        ctx,
        "delivery/sprints/show.jte",
        shell,
        "view",
        v,
        "burndown",
        b.burndown(),
        "chart",
        SprintCharts.burndown(v, b.burndown()),
        "backlog",
        backlog,
        "products",
        all,
        "form",
        form,
        "base",
        sprintPath(ctx),
        "teamBase",
        teamPath(ctx),
        "today",
        sprints.today());
  }

  private void refused(Context ctx, Exception e) {
    if (e instanceof Invalid invalid) {
      ctx.status(422);
      show(ctx, Form.refused(ctx, invalid));
    } else {
      ctx.status(409);
      show(ctx, Form.refused(ctx, e.getMessage()));
    }
  }

  private void update(Context ctx) {
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")).strip());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
    try {
      sprints.update(
          Requests.user(ctx),
          ctx.pathParam("ws"),
          ctx.pathParam("team"),
          ctx.pathParam("sprint"),
          version,
          new SprintDraft(
              ctx.formParam("name"),
              ctx.formParam("goal"),
              ctx.formParam("start"),
              ctx.formParam("end")));
      Flashes.success(ctx, "Saved the sprint.");
      ctx.redirect(sprintPath(ctx));
    } catch (Invalid | Conflict e) {
      refused(ctx, e);
    }
  }

  private void delete(Context ctx) {
    SprintService.View v =
        sprints.get(
            Requests.user(ctx),
            ctx.pathParam("ws"),
            ctx.pathParam("team"),
            ctx.pathParam("sprint"));
    try {
      sprints.delete(
          Requests.user(ctx),
          ctx.pathParam("ws"),
          ctx.pathParam("team"),
          ctx.pathParam("sprint"),
          v.sprint().version());
      Flashes.success(ctx, "Deleted " + v.sprint().name() + "; its items are back in the backlog.");
      ctx.redirect(teamPath(ctx) + "/sprints");
    } catch (Invalid e) {
      refused(ctx, e);
    }
  }

  private String back(Context ctx) {
    String product = ctx.formParam("product");
    return sprintPath(ctx) + (product == null || product.isBlank() ? "" : "?product=" + product);
  }

  private void addItem(Context ctx) {
    try {
      sprints.addItem(
          Requests.user(ctx),
          ctx.pathParam("ws"),
          ctx.pathParam("team"),
          ctx.pathParam("sprint"),
          ctx.formParam("item"));
      if (Requests.isHtmx(ctx) || "fetch".equals(ctx.header("X-Requested-With"))) {
        ctx.status(204);
        return;
      }
      Flashes.success(ctx, "Put " + ctx.formParam("item") + " in the sprint.");
      ctx.redirect(back(ctx));
    } catch (Invalid e) {
      if ("fetch".equals(ctx.header("X-Requested-With"))) {
        ctx.status(422).result(e.errors().get(0).reason());
        return;
      }
      refused(ctx, e);
    }
  }

  private void removeItem(Context ctx) {
    try {
      sprints.removeItem(
          Requests.user(ctx),
          ctx.pathParam("ws"),
          ctx.pathParam("team"),
          ctx.pathParam("sprint"),
          ctx.pathParam("item"));
      if ("fetch".equals(ctx.header("X-Requested-With"))) {
        ctx.status(204);
        return;
      }
      Flashes.success(ctx, "Took the item out of the sprint.");
      ctx.redirect(back(ctx));
    } catch (Invalid e) {
      if ("fetch".equals(ctx.header("X-Requested-With"))) {
        ctx.status(422).result(e.errors().get(0).reason());
        return;
      }
      refused(ctx, e);
    }
  }

  /** Moves an item of the sprint along its workflow to its first reachable done state. */
  private void markDone(Context ctx) {
    try {
      var item = Finishing.finish(workItems, Requests.user(ctx), ctx.pathParam("item"));
      Flashes.success(ctx, "Moved " + item.key() + " to " + item.state().name() + ".");
      ctx.redirect(sprintPath(ctx));
    } catch (Invalid | Conflict e) {
      refused(ctx, e);
    }
  }

  private void start(Context ctx) {
    try {
      SprintService.View v =
          sprints.start(
              Requests.user(ctx),
              ctx.pathParam("ws"),
              ctx.pathParam("team"),
              ctx.pathParam("sprint"));
      Flashes.success(ctx, "Started " + v.sprint().name() + "; its commitment is frozen.");
      ctx.redirect(sprintPath(ctx));
    } catch (Invalid e) {
      refused(ctx, e);
    }
  }

  private void close(Context ctx) {
    try {
      SprintService.Closing c =
          sprints.close(
              Requests.user(ctx),
              ctx.pathParam("ws"),
              ctx.pathParam("team"),
              ctx.pathParam("sprint"),
              SprintService.Unfinished.parse(ctx.formParam("unfinished")));
      Flashes.success(
          ctx,
          "Closed "
              + c.closed().sprint().name()
              + (c.next() == null ? "." : "; unfinished items moved to " + c.next().name() + "."));
      ctx.redirect(sprintPath(ctx));
    } catch (Invalid e) {
      refused(ctx, e);
    }
  }

  private void landing(Context ctx) {
    User user = Requests.user(ctx);
    ProductAccess product = Requests.product(ctx, products);
    SprintReports.Overview o = reports.overview(user, Long.toString(product.id()));
    Shell shell =
        html.shells()
            .product(
                ctx, product, "delivery", "Delivery", List.of(new Shell.Crumb("Delivery", null)));
    html.page(
        ctx,
        "delivery/sprints/landing.jte",
        shell,
        "overview",
        o,
        "ws",
        "/w/" + product.workspace().workspace().slug());
  }
}
