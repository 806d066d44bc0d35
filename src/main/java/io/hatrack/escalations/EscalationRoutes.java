package io.hatrack.escalations;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanel;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Escalations in the browser: the product's dashboard (open by severity, breaching soon, breached,
 * metrics over a period), opening one, and an escalation's page with its SLA clocks, status moves,
 * timeline, notes and customer updates, and links to features and bugs.
 */
public final class EscalationRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/escalations";

  private final EscalationService escalations;
  private final EscalationDashboard dashboard;
  private final EscalationChoices choices;
  private final ProductService products;
  private final ItemPanels panels;
  private final Html html;

  public EscalationRoutes(
      EscalationService escalations,
      EscalationDashboard dashboard,
      EscalationChoices choices,
      ProductService products,
      ItemPanels panels) {
    this.escalations = escalations;
    this.dashboard = dashboard;
    this.choices = choices;
    this.products = products;
    this.panels = panels;
    this.html = panels.html();
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::board);
    r.getPage(BASE + "/new", ctx -> newForm(ctx, Form.EMPTY));
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/{id}", ctx -> show(ctx, null, Form.EMPTY));
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/status", this::status);
    r.postPage(BASE + "/{id}/timeline", this::post);
    r.postPage(BASE + "/{id}/links", this::link);
  }

  static String base(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/escalations";
  }

  private List<Shell.Crumb> crumbs(ProductAccess product, Shell.Crumb... more) {
    List<Shell.Crumb> all = new ArrayList<>();
    all.add(new Shell.Crumb("Escalations", more.length == 0 ? null : base(product)));
    all.addAll(List.of(more));
    return all;
  }

  private void board(Context ctx) {
    User user = Requests.user(ctx);
    ProductAccess product = Requests.product(ctx, products);
    EscalationDashboard.Board board = dashboard.board(user, Long.toString(product.id()));
    EscalationDashboard.Period period;
    Form form = Form.EMPTY;
    try {
      period = dashboard.period(ctx.queryParam("from"), ctx.queryParam("to"));
    } catch (Invalid e) {
      ctx.status(422);
      form = Form.refused(ctx, e);
      period = dashboard.period(null, null);
    }
    String ws = product.workspace().workspace().slug();
    EscalationDashboard.Metrics ofProduct =
        dashboard.metrics(user, ws, Long.toString(product.id()), period);
    EscalationDashboard.Metrics ofWorkspace = dashboard.metrics(user, ws, null, period);
    Shell shell =
        html.shells().product(ctx, product, "escalations", "Escalations", crumbs(product));
    html.page(
        ctx,
        "escalations/dashboard.jte",
        shell,
        "board",
        board,
        "product",
        ofProduct,
        "workspace",
        ofWorkspace,
        "form",
        form,
        "base",
        base(product));
  }

  private void newForm(Context ctx, Form form) {
    User user = Requests.user(ctx);
    ProductAccess product = Requests.product(ctx, products);
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "escalations",
                "New escalation",
                crumbs(product, new Shell.Crumb("New", null)));
    html.page(
        ctx,
        "escalations/new.jte",
        shell,
        "choices",
        choices.of(user, product),
        "form",
        form,
        "base",
        base(product));
  }

  private void create(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    try {
      Escalation x =
          escalations.create(
              Requests.user(ctx),
              Long.toString(product.id()),
              new EscalationDraft(
                  ctx.formParam("customer"),
                  ctx.formParam("title"),
                  ctx.formParam("description"),
                  ctx.formParam("severity"),
                  ctx.formParam("owner")));
      Flashes.success(ctx, "Opened " + x.key() + "; its SLA clocks are running.");
      ctx.redirect(base(product) + "/" + x.id());
    } catch (Invalid e) {
      ctx.status(422);
      newForm(ctx, Form.refused(ctx, e));
    }
  }

  private EscalationService.View view(Context ctx, ProductAccess product) {
    EscalationService.View v =
        escalations.get(Requests.user(ctx), Long.toString(product.id()), ctx.pathParam("id"));
    if (v.escalation().productId() != product.id()) {
      throw new NotFound("escalation");
    }
    return v;
  }

  private void show(Context ctx, String which, Form form) {
    User user = Requests.user(ctx);
    ProductAccess product = Requests.product(ctx, products);
    EscalationService.View v = view(ctx, product);
    ItemPanel panel = panels.build(user, Long.toString(v.escalation().id()));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "escalations",
                v.escalation().title(),
                crumbs(product, new Shell.Crumb(v.escalation().key(), null)));
    html.page(
        ctx,
        "escalations/show.jte",
        shell,
        "view",
        v,
        "panel",
        panel,
        "choices",
        choices.of(user, product),
        "which",
        which,
        "form",
        form,
        "base",
        base(product));
  }

  private void refused(Context ctx, String which, RuntimeException e) {
    if (e instanceof Invalid invalid) {
      ctx.status(422);
      show(ctx, which, Form.refused(ctx, invalid));
    } else {
      ctx.status(409);
      show(ctx, which, Form.refused(ctx, e.getMessage()));
    }
  }

  private static long version(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")).strip());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
  }

  private String back(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    return base(product) + "/" + ctx.pathParam("id");
  }

  private void update(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    EscalationService.View v = view(ctx, product);
    try {
      escalations.update(
          Requests.user(ctx),
          Long.toString(v.escalation().id()),
          version(ctx),
          new EscalationDraft(
              ctx.formParam("customer"),
              ctx.formParam("title"),
              ctx.formParam("description"),
              ctx.formParam("severity"),
              ctx.formParam("owner")));
      Flashes.success(ctx, "Saved the escalation.");
      ctx.redirect(back(ctx));
    } catch (Invalid | Conflict e) {
      refused(ctx, "edit", e);
    }
  }

  private void status(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    EscalationService.View v = view(ctx, product);
    try {
      Escalation x =
          escalations.changeStatus(
              Requests.user(ctx),
              Long.toString(v.escalation().id()),
              version(ctx),
              ctx.formParam("status"),
              ctx.formParam("note"));
      Flashes.success(ctx, x.key() + " is now " + x.status().label().toLowerCase() + ".");
      ctx.redirect(back(ctx));
    } catch (Invalid | Conflict e) {
      refused(ctx, "status", e);
    }
  }

  private void post(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    EscalationService.View v = view(ctx, product);
    try {
      TimelineEntry e =
          escalations.post(
              Requests.user(ctx),
              Long.toString(v.escalation().id()),
              ctx.formParam("kind"),
              ctx.formParam("text"));
      Flashes.success(
          ctx,
          e.kind() == TimelineEntry.Kind.CUSTOMER_UPDATE
              ? "Recorded the update to the customer."
              : "Added the note.");
      ctx.redirect(back(ctx));
    } catch (Invalid e) {
      refused(ctx, "timeline", e);
    }
  }

  private void link(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    EscalationService.View v = view(ctx, product);
    try {
      escalations.link(
          Requests.user(ctx), Long.toString(v.escalation().id()), ctx.formParam("target"));
      Flashes.success(ctx, "Linked.");
      ctx.redirect(back(ctx));
    } catch (Invalid | Conflict e) {
      refused(ctx, "link", e);
    }
  }
}
