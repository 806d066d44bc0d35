package io.hatrack.planning.roi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ROI pages of a product: the list, the editor (lines added and removed by the server, with
 * htmx swapping the form in place), a model's results with its charts, and the comparison of
 * several models side by side.
 */
public final class RoiRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/planning/roi";

  private final RoiService roi;
  private final ProductService products;
  private final CustomerService customers;
  private final Html html;
  private final ObjectMapper json;

  public RoiRoutes(
      RoiService roi,
      ProductService products,
      CustomerService customers,
      Html html,
      ObjectMapper json) {
    this.roi = roi;
    this.products = products;
    this.customers = customers;
    this.html = html;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::list);
    r.getPage(BASE + "/new", this::newForm);
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/compare", this::compare);
    r.getPage(BASE + "/{id}", this::show);
    r.getPage(BASE + "/{id}/edit", this::editForm);
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/delete", this::delete);
    r.postPage(BASE + "/{id}/simulate", this::simulate);
    r.postPage(BASE + "/{id}/use-as-value", this::useAsValue);
  }

  private static String base(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/planning/roi";
  }

  private Shell shell(Context ctx, ProductAccess product, String title, Shell.Crumb... more) {
    List<Shell.Crumb> crumbs = new ArrayList<>();
    crumbs.add(new Shell.Crumb("Planning", null));
    crumbs.add(new Shell.Crumb("ROI models", more.length == 0 ? null : base(product)));
    crumbs.addAll(List.of(more));
    return html.shells().product(ctx, product, "planning", title, crumbs);
  }

  private RoiFormat format(Context ctx, ProductAccess product) {
    return new RoiFormat(
        customers.settings(Requests.user(ctx), product.workspace().workspace().slug()).currency());
  }

  private String product(Context ctx) {
    return Long.toString(Requests.product(ctx, products).id());
  }

  private void list(Context ctx) {
    RoiService.Listing listing = roi.list(Requests.user(ctx), product(ctx));
    ProductAccess product = listing.product();
    html.page(
        ctx,
        "planning/roi/list.jte",
        shell(ctx, product, "ROI models"),
        "product",
        product,
        "models",
        listing.models(),
        "fmt",
        format(ctx, product),
        "base",
        base(product));
  }

  private void newForm(Context ctx) {
    ProductAccess product =
        Requests.product(ctx, products).require(Role.EDITOR, "create ROI models");
    editor(ctx, product, null, RoiForm.blank(ctx.queryParam("item")), null);
  }

  private void editor(
      Context ctx, ProductAccess product, RoiModel model, RoiForm form, String conflict) {
    String title = model == null ? "New ROI model" : "Edit " + model.name();
    Shell shell =
        model == null
            ? shell(ctx, product, title, new Shell.Crumb("New", null))
            : shell(
                ctx,
                product,
                title,
                new Shell.Crumb(model.name(), base(product) + "/" + model.id()),
                new Shell.Crumb("Edit", null));
    html.page(
        ctx,
        "planning/roi/edit.jte",
        shell,
        "model",
        model,
        "form",
        form,
        "items",
        roi.linkableItems(Requests.user(ctx), Long.toString(product.id())),
        "conflict",
        conflict,
        "fmt",
        format(ctx, product),
        "base",
        base(product));
  }

  /** The form's "add a line" and "remove" buttons: the form comes back changed, nothing saved. */
  private boolean rearranged(Context ctx, ProductAccess product, RoiModel model, RoiForm form) {
    String action = ctx.formParam("_action");
    if (action == null || action.isBlank() || action.equals("save")) {
      return false;
    }
    if (action.equals("add-line")) {
      editor(ctx, product, model, form.withRowAdded(), null);
      return true;
    }
    if (action.startsWith("remove-line:")) {
      int row;
      try {
        row = Integer.parseInt(action.substring("remove-line:".length()));
      } catch (NumberFormatException e) {
        row = -1;
      }
      editor(ctx, product, model, form.withRowRemoved(row), null);
      return true;
    }
    return false;
  }

  private void create(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    RoiForm form = RoiForm.from(ctx);
    if (rearranged(ctx, product, null, form)) {
      return;
    }
    try {
      RoiModel m = roi.create(Requests.user(ctx), Long.toString(product.id()), form.draft());
      Flashes.success(ctx, "Created the ROI model \u201c" + m.name() + "\u201d.");
      ctx.redirect(base(product) + "/" + m.id());
    } catch (Invalid e) {
      ctx.status(422);
      editor(ctx, product, null, form.refused(e), null);
    }
  }

  private RoiService.View view(Context ctx, ProductAccess product) {
    return roi.get(Requests.user(ctx), Long.toString(product.id()), Requests.idParam(ctx, "id"));
  }

  private void show(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    RoiService.View v = view(ctx, product);
    RoiFormat fmt = format(ctx, product);
    html.page(
        ctx,
        "planning/roi/show.jte",
        shell(ctx, product, v.model().name(), new Shell.Crumb(v.model().name(), null)),
        "v",
        v,
        "fmt",
        fmt,
        "cumulative",
        cumulativeChart(v, fmt),
        "histogram",
        v.simulation().map(s -> histogramChart(s.simulation(), fmt)).orElse(null),
        "base",
        base(product));
  }

  private void editForm(Context ctx) {
    ProductAccess product =
        Requests.product(ctx, products).require(Role.EDITOR, "change ROI models");
    RoiModel m = view(ctx, product).model();
    editor(ctx, product, m, RoiForm.of(m), null);
  }

  private void update(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    RoiModel m = view(ctx, product).model();
    RoiForm form = RoiForm.from(ctx);
    if (rearranged(ctx, product, m, form)) {
      return;
    }
    long version;
    try {
      version = Long.parseLong(form.value("version"));
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
    try {
      roi.update(Requests.user(ctx), Long.toString(product.id()), m.id(), version, form.draft());
      Flashes.success(ctx, "Saved.");
      ctx.redirect(base(product) + "/" + m.id());
    } catch (Invalid e) {
      ctx.status(422);
      editor(ctx, product, m, form.refused(e), null);
    } catch (Conflict e) {
      ctx.status(409);
      editor(
          ctx,
          product,
          m,
          form,
          "Someone else saved this model while you were editing it; it is now at version "
              + m.version()
              + ". Your changes are kept below.");
    }
  }

  private void delete(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    RoiModel m = view(ctx, product).model();
    long version;
    try {
      version = Long.parseLong(Requests.form(ctx, "version"));
    } catch (NumberFormatException | NullPointerException e) {
      version = m.version();
    }
    roi.delete(Requests.user(ctx), Long.toString(product.id()), m.id(), version);
    Flashes.success(ctx, "Deleted the ROI model \u201c" + m.name() + "\u201d.");
    ctx.redirect(base(product));
  }

  private void simulate(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    long id = Requests.idParam(ctx, "id");
    try {
      Integer draws = whole(Requests.form(ctx, "draws"), "draws");
      Long seed =
          whole(Requests.form(ctx, "seed"), "seed") == null
              ? null
              : Long.valueOf(Requests.form(ctx, "seed").strip());
      RoiService.View v =
          roi.simulate(Requests.user(ctx), Long.toString(product.id()), id, draws, seed);
      MonteCarlo.Simulation s = v.simulation().orElseThrow().simulation();
      Flashes.success(
          ctx,
          "Simulated "
              + io.hatrack.kernel.web.Fmt.number(s.draws())
              + " draws: P50 "
              + format(ctx, product).money(s.p50())
              + ".");
    } catch (Invalid e) {
      Flashes.error(ctx, "Not simulated: " + e.getMessage() + ".");
    }
    ctx.redirect(base(product) + "/" + id + "#simulation");
  }

  private static Integer whole(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      throw Invalid.field(field, "must be a whole number");
    }
  }

  private void useAsValue(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    long id = Requests.idParam(ctx, "id");
    try {
      RoiService.ValueUse use = roi.useAsValue(Requests.user(ctx), Long.toString(product.id()), id);
      Flashes.success(
          ctx,
          "Set Value of "
              + use.itemKey()
              + " to "
              + format(ctx, product).money(use.amount())
              + (use.basis().equals("p50") ? " (the simulated P50 of the NPV)." : " (the NPV)."));
    } catch (Invalid e) {
      Flashes.error(ctx, "Not used as value: " + e.getMessage() + ".");
    }
    ctx.redirect(base(product) + "/" + id);
  }

  private void compare(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    List<String> picked = ctx.queryParams("ids");
    List<Long> ids = new ArrayList<>();
    for (String p : picked) {
      ids.addAll(RoiApi.ids(p));
    }
    RoiService.Listing listing = roi.compare(Requests.user(ctx), Long.toString(product.id()), ids);
    RoiFormat fmt = format(ctx, product);
    html.page(
        ctx,
        "planning/roi/compare.jte",
        shell(ctx, product, "Compare ROI models", new Shell.Crumb("Compare", null)),
        "models",
        listing.models(),
        "fmt",
        fmt,
        "chart",
        compareChart(listing.models(), fmt),
        "base",
        base(product));
  }

  // ---- Chart data (read by planning-roi.js) ----------------------------------------------------

  private String cumulativeChart(RoiService.View v, RoiFormat fmt) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", "cumulative");
    c.put("title", "Cumulative cash flow, " + fmt.code());
    c.put("unit", v.model().inputs().periodicity().unit());
    c.put("currency", fmt.code());
    c.put("periods", v.result().rows().stream().map(RoiResult.Row::period).toList());
    c.put("cumulative", v.result().rows().stream().map(r -> Math.round(r.cumulative())).toList());
    c.put(
        "discounted",
        v.result().rows().stream().map(r -> Math.round(r.cumulativeDiscounted())).toList());
    return write(c);
  }

  private String histogramChart(MonteCarlo.Simulation s, RoiFormat fmt) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", "histogram");
    c.put("title", "NPV over " + io.hatrack.kernel.web.Fmt.number(s.draws()) + " draws");
    c.put("currency", fmt.code());
    c.put(
        "bins",
        s.histogram().stream()
            .map(b -> List.of(Math.round(b.from()), Math.round(b.to()), (long) b.count()))
            .toList());
    c.put("p10", Math.round(s.p10()));
    c.put("p50", Math.round(s.p50()));
    c.put("p90", Math.round(s.p90()));
    return write(c);
  }

  private String compareChart(List<RoiService.View> views, RoiFormat fmt) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", "compare");
    c.put("title", "NPV by option, " + fmt.code());
    c.put("currency", fmt.code());
    c.put("names", views.stream().map(v -> v.model().name()).toList());
    c.put("npv", views.stream().map(v -> Math.round(v.result().npv())).toList());
    c.put("p10", views.stream().map(v -> sim(v, MonteCarlo.Simulation::p10)).toList());
    c.put("p50", views.stream().map(v -> sim(v, MonteCarlo.Simulation::p50)).toList());
    c.put("p90", views.stream().map(v -> sim(v, MonteCarlo.Simulation::p90)).toList());
    return write(c);
  }

  private static Long sim(
      RoiService.View v, java.util.function.ToDoubleFunction<MonteCarlo.Simulation> pick) {
    return v.simulation().map(s -> Math.round(pick.applyAsDouble(s.simulation()))).orElse(null);
  }

  private String write(Object data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
