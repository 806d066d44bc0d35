package io.hatrack.discovery.surveys;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
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
import java.util.Objects;

/**
 * Surveys in the browser: the list, the builder (questions added, moved and removed by the server,
 * so no script is needed), the results page with the item side panel, opening and closing, and
 * deleting with undo.
 */
public final class SurveyRoutes implements Routes {
  static final String BASE = "/w/{ws}/{product}/discovery/surveys";

  private final SurveyService surveys;
  private final SurveyResponseService responses;
  private final ProductService products;
  private final ItemPanels panels;
  private final Html html;

  public SurveyRoutes(
      SurveyService surveys,
      SurveyResponseService responses,
      ProductService products,
      ItemPanels panels) {
    this.surveys = surveys;
    this.responses = responses;
    this.products = products;
    this.panels = panels;
    this.html = panels.html();
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::list);
    r.getPage(BASE + "/new", this::newForm);
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/{id}", this::show);
    r.getPage(BASE + "/{id}/edit", this::editForm);
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/status", this::status);
    r.postPage(BASE + "/{id}/delete", this::delete);
    r.postPage(BASE + "/{id}/restore", this::restore);
  }

  static String hat(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/discovery";
  }

  static String base(ProductAccess product) {
    return hat(product) + "/surveys";
  }

  static List<Shell.Crumb> crumbs(ProductAccess product, Shell.Crumb... more) {
    List<Shell.Crumb> all = new ArrayList<>();
    all.add(new Shell.Crumb("Discovery", hat(product)));
    all.add(new Shell.Crumb("Surveys", more.length == 0 ? null : base(product)));
    all.addAll(List.of(more));
    return all;
  }

  /** The survey of the URL, which must belong to the product of the URL. */
  static SurveyService.View survey(Context ctx, SurveyService surveys, ProductAccess product) {
    SurveyService.View view = surveys.get(Requests.user(ctx), ctx.pathParam("id"));
    if (!Objects.equals(view.survey().item().productId(), product.id())) {
      throw new NotFound("survey");
    }
    return view;
  }

  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  private void list(Context ctx) {
    ProductAccess product = product(ctx);
    long before = Requests.cursorId(ctx);
    Slice<SurveySummary> slice =
        surveys.list(Requests.user(ctx), Long.toString(product.id()), before, 50);
    Shell shell = html.shells().product(ctx, product, "discovery", "Surveys", crumbs(product));
    html.page(
        ctx,
        "discovery/surveys/list.jte",
        shell,
        "product",
        product,
        "slice",
        slice,
        "base",
        base(product),
        "firstPage",
        before == 0);
  }

  private void newForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "create surveys");
    renderBuilder(ctx, product, null, SurveyForm.blank(), null);
  }

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    SurveyForm form = SurveyForm.from(ctx);
    if (rearranged(ctx, product, null, form)) {
      return;
    }
    try {
      Survey survey = surveys.create(Requests.user(ctx), Long.toString(product.id()), form.draft());
      Flashes.success(
          ctx, "Created " + survey.key() + ". Open it and share its link to collect answers.");
      ctx.redirect(base(product) + "/" + survey.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderBuilder(ctx, product, null, form.refused(e), null);
    }
  }

  /**
   * Handles the builder's "add", "move" and "remove" buttons: the same form comes back with the
   * rows changed, nothing saved. True when the request was one of those.
   */
  private boolean rearranged(Context ctx, ProductAccess product, Survey survey, SurveyForm form) {
    String action = ctx.formParam("_action");
    if (action == null || action.isBlank() || action.equals("save")) {
      return false;
    }
    SurveyForm changed = null;
    int colon = action.indexOf(':');
    String verb = colon < 0 ? action : action.substring(0, colon);
    String arg = colon < 0 ? "" : action.substring(colon + 1);
    switch (verb) {
      case "add" -> changed = QuestionType.parse(arg).map(form::withAdded).orElse(form);
      case "remove" -> changed = form.withRemoved(number(arg));
      case "up" -> changed = form.withMoved(number(arg), -1);
      case "down" -> changed = form.withMoved(number(arg), 1);
      default -> {
        return false;
      }
    }
    renderBuilder(ctx, product, survey, changed, null);
    return true;
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void show(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    SurveyService.View view = survey(ctx, surveys, product);
    Survey survey = view.survey();
    SurveyResults results = responses.results(user, Long.toString(survey.id()));
    ItemPanel panel = panels.build(user, Long.toString(survey.id()));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                survey.title(),
                crumbs(product, new Shell.Crumb(survey.key(), null)));
    html.page(
        ctx,
        "discovery/surveys/show.jte",
        shell,
        "view",
        view,
        "results",
        results,
        "panel",
        panel,
        "base",
        base(product));
  }

  private void editForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "change surveys");
    Survey survey = survey(ctx, surveys, product).survey();
    renderBuilder(ctx, product, survey, SurveyForm.of(survey), null);
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    Survey survey = survey(ctx, surveys, product).survey();
    SurveyForm form = SurveyForm.from(ctx);
    if (rearranged(ctx, product, survey, form)) {
      return;
    }
    long version;
    try {
      version = Long.parseLong(form.value("version"));
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
    try {
      surveys.update(Requests.user(ctx), Long.toString(survey.id()), version, form.draft());
      Flashes.success(ctx, "Saved.");
      ctx.redirect(base(product) + "/" + survey.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderBuilder(ctx, product, survey, form.refused(e), null);
    } catch (Conflict e) {
      ctx.status(409);
      Survey theirs = surveys.get(Requests.user(ctx), Long.toString(survey.id())).survey();
      renderBuilder(ctx, product, survey, form.withMessage(e.getMessage()), theirs);
    }
  }

  private void renderBuilder(
      Context ctx, ProductAccess product, Survey survey, SurveyForm form, Survey theirs) {
    String title = survey == null ? "New survey" : "Edit " + survey.title();
    List<Shell.Crumb> crumbs =
        survey == null
            ? crumbs(product, new Shell.Crumb("New", null))
            : crumbs(
                product,
                new Shell.Crumb(survey.key(), base(product) + "/" + survey.id()),
                new Shell.Crumb("Edit", null));
    Shell shell = html.shells().product(ctx, product, "discovery", title, crumbs);
    html.page(
        ctx,
        "discovery/surveys/edit.jte",
        shell,
        "survey",
        survey,
        "form",
        form,
        "theirs",
        theirs,
        "types",
        List.of(QuestionType.values()),
        "base",
        base(product));
  }

  private void status(Context ctx) {
    ProductAccess product = product(ctx);
    Survey survey = survey(ctx, surveys, product).survey();
    SurveyStatus to = SurveyStatus.parse("status", Requests.form(ctx, "status"));
    long version;
    try {
      version = Long.parseLong(String.valueOf(Requests.form(ctx, "version")));
    } catch (NumberFormatException e) {
      version = survey.version();
    }
    String at = base(product) + "/" + survey.id();
    try {
      surveys.setStatus(Requests.user(ctx), Long.toString(survey.id()), version, to);
      Flashes.success(
          ctx,
          switch (to) {
            case OPEN -> "The survey is open: its links take answers.";
            case CLOSED -> "The survey is closed: its links take no more answers.";
            case DRAFT -> "The survey is a draft again.";
          });
    } catch (Invalid | Conflict e) {
      Flashes.error(ctx, e instanceof Invalid i ? "Not opened: " + i.getMessage() : e.getMessage());
    }
    ctx.redirect(at);
  }

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    Survey survey = survey(ctx, surveys, product).survey();
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")));
    } catch (NumberFormatException e) {
      version = survey.version();
    }
    surveys.delete(Requests.user(ctx), Long.toString(survey.id()), version);
    Flashes.withAction(
        ctx,
        "Deleted the survey \u201c" + survey.title() + "\u201d; its links stopped working.",
        "Undo",
        base(product) + "/" + survey.id() + "/restore");
    ctx.redirect(base(product));
  }

  private void restore(Context ctx) {
    ProductAccess product = product(ctx);
    Survey survey = surveys.restore(Requests.user(ctx), ctx.pathParam("id"));
    Flashes.success(ctx, "Restored the survey \u201c" + survey.title() + "\u201d.");
    ctx.redirect(base(product) + "/" + survey.id());
  }
}
