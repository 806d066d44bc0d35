package io.hatrack.planning.backlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planning hat's pages for scoring: the overview, the ranked backlog (sort by a model or drag
 * to rank), the sensitivity view, the scoring model settings, and the scores section of a work
 * item's side panel.
 */
public final class BacklogRoutes implements Routes {
  private static final String HAT = "/w/{ws}/{product}/planning";

  private final ScoringService scoring;
  private final BacklogService backlog;
  private final ProductService products;
  private final Html html;
  private final ObjectMapper json;

  public BacklogRoutes(
      ScoringService scoring,
      BacklogService backlog,
      ProductService products,
      Html html,
      ObjectMapper json) {
    this.scoring = scoring;
    this.backlog = backlog;
    this.products = products;
    this.html = html;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.getPage(HAT, this::overview);
    r.getPage(HAT + "/backlog", this::backlogPage);
    r.postPage(HAT + "/backlog/fill", this::fillAll);
    r.postPage(HAT + "/backlog/{item}/move", this::move);
    r.getPage(HAT + "/backlog/sensitivity", this::sensitivity);
    r.getPage(HAT + "/models", this::models);
    r.postPage(HAT + "/models", this::create);
    r.getPage(HAT + "/models/{model}", this::editForm);
    r.postPage(HAT + "/models/{model}", this::update);
    r.postPage(HAT + "/models/{model}/delete", this::delete);
    r.getPage("/items/{item}/scores", this::panel);
    r.postPage("/items/{item}/scores/fill", this::fillItem);
    r.postPage("/items/{item}/scores/{model}", this::saveScore);
  }

  private static String hat(ProductAccess p) {
    return "/w/" + p.workspace().workspace().slug() + "/" + p.product().slug() + "/planning";
  }

  private Shell shell(Context ctx, ProductAccess p, String title, Shell.Crumb... more) {
    List<Shell.Crumb> crumbs = new java.util.ArrayList<>();
    crumbs.add(new Shell.Crumb("Planning", more.length == 0 ? null : hat(p)));
    crumbs.addAll(List.of(more));
    return html.shells().product(ctx, p, "planning", title, crumbs);
  }

  private void overview(Context ctx) {
    ProductAccess p = Requests.product(ctx, products);
    html.page(
        ctx,
        "planning/backlog/overview.jte",
        shell(ctx, p, "Planning"),
        "product",
        p,
        "hat",
        hat(p),
        "models",
        scoring.models(Requests.user(ctx), Long.toString(p.id())));
  }

  private void backlogPage(Context ctx) {
    ProductAccess p = Requests.product(ctx, products);
    String model = ctx.queryParam("model");
    ScoreStore.Filter filter =
        new ScoreStore.Filter(
            blank(ctx.queryParam("type")),
            blank(ctx.queryParam("state")),
            blank(ctx.queryParam("tag")));
    BacklogService.Backlog b =
        backlog.backlog(
            Requests.user(ctx),
            Long.toString(p.id()),
            model,
            filter,
            ctx.queryParam("cursor"),
            Requests.limit(ctx, 50));
    html.page(
        ctx,
        "planning/backlog/backlog.jte",
        shell(ctx, p, "Backlog", new Shell.Crumb("Backlog", null)),
        "b",
        b,
        "hat",
        hat(p));
  }

  private void fillAll(Context ctx) {
    ProductAccess p = Requests.product(ctx, products);
    ScoringService.Filled f = scoring.fillAll(Requests.user(ctx), Long.toString(p.id()));
    Flashes.success(
        ctx,
        "Filled inputs from evidence: "
            + f.scores()
            + " score(s) of "
            + f.items()
            + " item(s) changed.");
    ctx.redirect(hat(p) + "/backlog");
  }

  /** A row dropped in the backlog: 204 with the item's new version, or 422/409 with the reason. */
  private void move(Context ctx) {
    ProductAccess p = Requests.product(ctx, products);
    try {
      long version = Long.parseLong(String.valueOf(Requests.form(ctx, "version")).trim());
      WorkItem moved =
          backlog.move(
              Requests.user(ctx),
              Long.toString(p.id()),
              ctx.pathParam("item"),
              version,
              blank(Requests.form(ctx, "before")),
              blank(Requests.form(ctx, "after")));
      ctx.header("X-Item-Version", Long.toString(moved.version()));
      ctx.status(204);
    } catch (NumberFormatException e) {
      refuse(ctx, 422, "The page is out of date; reload it and try again.");
    } catch (Invalid e) {
      refuse(ctx, 422, e.getMessage());
    } catch (Conflict e) {
      refuse(ctx, 409, e.getMessage() + " Reload the page to see the latest order.");
    }
  }

  private static void refuse(Context ctx, int status, String message) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
  }

  private void sensitivity(Context ctx) {
    ProductAccess p = Requests.product(ctx, products);
    User user = Requests.user(ctx);
    List<Model> models = scoring.models(user, Long.toString(p.id()));
    String model = blank(ctx.queryParam("model"));
    String input = blank(ctx.queryParam("input"));
    BacklogService.SensitivityView view = null;
    String problem = null;
    if (!models.isEmpty() && input != null) {
      try {
        view = backlog.sensitivity(user, Long.toString(p.id()), model, input);
      } catch (Invalid e) {
        ctx.status(422);
        problem = e.getMessage();
      }
    }
    html.page(
        ctx,
        "planning/backlog/sensitivity.jte",
        shell(
            ctx,
            p,
            "Sensitivity",
            new Shell.Crumb("Backlog", hat(p) + "/backlog"),
            new Shell.Crumb("Sensitivity", null)),
        "models",
        models,
        "model",
        model == null ? "" : model,
        "input",
        input == null ? "" : input,
        "view",
        view,
        "problem",
        problem,
        "hat",
        hat(p));
  }

  // ---- Model settings --------------------------------------------------------------------------

  private void models(Context ctx) {
    renderModels(ctx, Requests.product(ctx, products), Form.of("kind", "rice"));
  }

  private void renderModels(Context ctx, ProductAccess p, Form form) {
    html.page(
        ctx,
        "planning/backlog/models.jte",
        shell(ctx, p, "Scoring models", new Shell.Crumb("Scoring models", null)),
        "product",
        p,
        "models",
        scoring.models(Requests.user(ctx), Long.toString(p.id())),
        "form",
        form,
        "hat",
        hat(p));
  }

  private ModelDraft draft(Context ctx) {
    return new ModelDraft(
        ctx.formParam("name"),
        ctx.formParam("kind"),
        config(ctx.formParam("config")),
        ctx.formParam("is_default") != null);
  }

  private ModelConfig config(String text) {
    if (text == null || text.isBlank()) {
      return ModelConfig.empty();
    }
    try {
      return json.readValue(text, ModelConfig.class);
    } catch (JsonProcessingException e) {
      throw Invalid.field("config", "is not valid settings JSON: " + e.getOriginalMessage());
    }
  }

  private void create(Context ctx) {
    ProductAccess p = Requests.product(ctx, products);
    try {
      Model m = scoring.create(Requests.user(ctx), Long.toString(p.id()), draft(ctx));
      Flashes.success(ctx, "Created the scoring model " + m.name() + ".");
      ctx.redirect(hat(p) + "/models");
    } catch (Invalid e) {
      ctx.status(422);
      renderModels(ctx, p, Form.refused(ctx, e));
    }
  }

  private void editForm(Context ctx) {
    ProductAccess p = Requests.product(ctx, products).require(Role.EDITOR, "change scoring models");
    Model m = scoring.model(Requests.user(ctx), Long.toString(p.id()), ctx.pathParam("model"));
    renderEdit(
        ctx,
        p,
        m,
        Form.of(
            "name",
            m.name(),
            "config",
            prettyConfig(m.config()),
            "version",
            Long.toString(m.version()),
            "is_default",
            m.isDefault() ? "on" : ""));
  }

  private String prettyConfig(ModelConfig c) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(c);
    } catch (JsonProcessingException e) {
      return "{}";
    }
  }

  private void renderEdit(Context ctx, ProductAccess p, Model m, Form form) {
    html.page(
        ctx,
        "planning/backlog/model-edit.jte",
        shell(
            ctx,
            p,
            "Edit " + m.name(),
            new Shell.Crumb("Scoring models", hat(p) + "/models"),
            new Shell.Crumb(m.name(), null)),
        "model",
        m,
        "form",
        form,
        "hat",
        hat(p));
  }

  private void update(Context ctx) {
    ProductAccess p = Requests.product(ctx, products);
    Model m = scoring.model(Requests.user(ctx), Long.toString(p.id()), ctx.pathParam("model"));
    try {
      long version = Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
      ModelDraft d = draft(ctx);
      scoring.update(
          Requests.user(ctx),
          Long.toString(p.id()),
          Long.toString(m.id()),
          version,
          new ModelDraft(d.name(), null, d.config(), d.isDefault()));
      Flashes.success(ctx, "Saved " + d.name() + "; its scores were recomputed.");
      ctx.redirect(hat(p) + "/models");
    } catch (NumberFormatException e) {
      ctx.status(422);
      renderEdit(ctx, p, m, Form.refused(ctx, "The form is out of date; reload it."));
    } catch (Invalid e) {
      ctx.status(422);
      renderEdit(ctx, p, m, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      renderEdit(ctx, p, m, Form.refused(ctx, e.getMessage() + " Reload to see their settings."));
    }
  }

  private void delete(Context ctx) {
    ProductAccess p = Requests.product(ctx, products);
    Model m = scoring.model(Requests.user(ctx), Long.toString(p.id()), ctx.pathParam("model"));
    scoring.delete(Requests.user(ctx), Long.toString(p.id()), Long.toString(m.id()), m.version());
    Flashes.success(ctx, "Deleted the scoring model " + m.name() + " and its scores.");
    ctx.redirect(hat(p) + "/models");
  }

  // ---- The item's side panel -------------------------------------------------------------------

  private void panel(Context ctx) {
    renderPanel(ctx, Map.of(), null);
  }

  private void renderPanel(Context ctx, Map<Long, Form> forms, String message) {
    ScoringService.ItemScores s = scoring.scores(Requests.user(ctx), ctx.pathParam("item"));
    html.fragment(
        ctx,
        "planning/backlog/panel.jte",
        "scores",
        s,
        "forms",
        forms,
        "message",
        message,
        "editor",
        s.access().role().atLeast(Role.EDITOR));
  }

  private void saveScore(Context ctx) {
    User user = Requests.user(ctx);
    String item = ctx.pathParam("item");
    ScoringService.Scored scored =
        scoring.scores(user, item).scores().stream()
            .filter(x -> Long.toString(x.model().id()).equals(ctx.pathParam("model")))
            .findFirst()
            .orElseThrow(() -> new io.hatrack.kernel.NotFound("scoring model"));
    Model m = scored.model();
    Map<String, ScoreInput> stored = scored.stored().map(ItemScore::inputs).orElse(Map.of());
    Map<String, ScoreInput> inputs = new LinkedHashMap<>();
    for (String name : m.inputNames()) {
      String value = blank(ctx.formParam("in_" + name));
      if (value != null) {
        ScoreInput was = stored.get(name);
        // A value the PM changed is theirs now; an untouched one keeps its source and note.
        inputs.put(name, was != null && value.equals(was.value()) ? was : ScoreInput.manual(value));
      }
    }
    Long version = null;
    String v = blank(ctx.formParam("version"));
    if (v != null) {
      version = Long.parseLong(v);
    }
    try {
      scoring.put(user, item, Long.toString(m.id()), version, inputs);
      renderPanel(ctx, Map.of(), "Saved the " + m.name() + " score.");
    } catch (Invalid e) {
      refusedFragment(ctx, 422);
      renderPanel(ctx, Map.of(m.id(), Form.refused(ctx, e)), null);
    } catch (Conflict e) {
      refusedFragment(ctx, 409);
      renderPanel(
          ctx,
          Map.of(m.id(), Form.refused(ctx, e.getMessage() + " The current inputs are shown.")),
          null);
    }
  }

  /**
   * htmx swaps only successful answers, so a refused panel form answers 200 to htmx (the panel
   * shows the messages) and its real status to anything else.
   */
  private static void refusedFragment(Context ctx, int status) {
    ctx.status(Requests.isHtmx(ctx) ? 200 : status);
  }

  private void fillItem(Context ctx) {
    ScoringService.Filled f = scoring.fill(Requests.user(ctx), ctx.pathParam("item"));
    renderPanel(
        ctx,
        Map.of(),
        f.scores() == 0
            ? "No new evidence: the scores are unchanged."
            : "Filled from evidence: " + f.scores() + " score(s) changed.");
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
