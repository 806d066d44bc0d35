package io.hatrack.definition.decisions;

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
import io.hatrack.kernel.web.Markdown;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * The decision log in the browser: the log, recording and editing a decision (options as repeatable
 * fieldsets, added and removed by the server so that no script is needed), the decision's page with
 * the item side panel, and deleting with undo.
 */
public final class DecisionRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/definition/decisions";

  private final DecisionService decisions;
  private final ProductService products;
  private final WorkspaceService workspaces;
  private final ItemPanels panels;
  private final Html html;

  public DecisionRoutes(
      DecisionService decisions,
      ProductService products,
      WorkspaceService workspaces,
      ItemPanels panels) {
    this.decisions = decisions;
    this.products = products;
    this.workspaces = workspaces;
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
    r.postPage(BASE + "/{id}/delete", this::delete);
    r.postPage(BASE + "/{id}/restore", this::restore);
  }

  /** The decision's Markdown rendered to safe HTML, for its page. */
  public record Rendered(
      String context, String outcome, String consequences, List<String> optionDescriptions) {}

  /** The product of the URL, which must belong to the workspace of the URL. */
  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  /** The definition hat's address in the product, e.g. {@code /w/northwind/checkout/definition}. */
  private static String hat(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/definition";
  }

  private static String base(ProductAccess product) {
    return hat(product) + "/decisions";
  }

  private List<Shell.Crumb> crumbs(ProductAccess product, Shell.Crumb... more) {
    List<Shell.Crumb> all = new java.util.ArrayList<>();
    all.add(new Shell.Crumb("Definition", hat(product)));
    all.add(new Shell.Crumb("Decisions", more.length == 0 ? null : base(product)));
    all.addAll(List.of(more));
    return all;
  }

  private void list(Context ctx) {
    ProductAccess product = product(ctx);
    String status = ctx.queryParam("status");
    if (status != null && status.isBlank()) {
      status = null;
    }
    String cursor = ctx.queryParam("cursor");
    Slice<DecisionSummary> slice =
        decisions.list(Requests.user(ctx), Long.toString(product.id()), status, cursor, 50);
    Shell shell = html.shells().product(ctx, product, "definition", "Decisions", crumbs(product));
    html.page(
        ctx,
        "definition/decisions/list.jte",
        shell,
        "product",
        product,
        "slice",
        slice,
        "status",
        status,
        "hat",
        hat(product),
        "base",
        base(product),
        "firstPage",
        cursor == null || cursor.isBlank());
  }

  private void newForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "record decisions");
    String supersedes = ctx.queryParam("supersedes");
    DecisionSummaryRef old = null;
    if (supersedes != null && !supersedes.isBlank()) {
      old = predecessor(ctx, product, supersedes);
    }
    renderEditor(ctx, product, null, DecisionForm.blank(old == null ? null : old.key()), null);
  }

  /** The decision a new one is to supersede, for the note above the form. */
  private record DecisionSummaryRef(String key, String title) {}

  private DecisionSummaryRef predecessor(Context ctx, ProductAccess product, String ref) {
    try {
      Decision old = decisions.get(Requests.user(ctx), ref.trim()).decision();
      if (Objects.equals(old.item().productId(), product.id())) {
        return new DecisionSummaryRef(old.key(), old.title());
      }
    } catch (NotFound | Invalid e) {
      // Not a decision the reader can see here: the form simply does not offer to supersede it.
    }
    return null;
  }

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    DecisionForm form = DecisionForm.from(ctx);
    if (rearranged(ctx, product, null, form)) {
      return;
    }
    try {
      Decision decision =
          decisions.create(Requests.user(ctx), Long.toString(product.id()), form.draft());
      Flashes.success(ctx, "Recorded " + decision.key() + ".");
      ctx.redirect(base(product) + "/" + decision.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, null, form.refused(e), null);
    }
  }

  /**
   * Handles the form's "add an option" and "remove" buttons: the same form comes back with one row
   * more or less, nothing saved. True when the request was one of those.
   */
  private boolean rearranged(
      Context ctx, ProductAccess product, Decision decision, DecisionForm form) {
    String action = ctx.formParam("_action");
    if (action == null || action.isBlank() || action.equals("save")) {
      return false;
    }
    if (action.equals("add-option")) {
      renderEditor(ctx, product, decision, form.withRowAdded(), null);
      return true;
    }
    if (action.startsWith("remove-option:")) {
      int row;
      try {
        row = Integer.parseInt(action.substring("remove-option:".length()));
      } catch (NumberFormatException e) {
        row = -1;
      }
      renderEditor(ctx, product, decision, form.withRowRemoved(row), null);
      return true;
    }
    return false;
  }

  private Decision decision(Context ctx, ProductAccess product) {
    Decision decision = decisions.get(Requests.user(ctx), ctx.pathParam("id")).decision();
    if (!Objects.equals(decision.item().productId(), product.id())) {
      throw new NotFound("decision");
    }
    return decision;
  }

  private void show(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    Decision decision = decision(ctx, product);
    ItemPanel panel = panels.build(user, Long.toString(decision.id()));
    Markdown.Context context = html.markdownContext(product.workspace());
    Rendered rendered =
        new Rendered(
            html.markdown(decision.context(), context),
            html.markdown(decision.outcome(), context),
            html.markdown(decision.consequences(), context),
            decision.options().stream().map(o -> html.markdown(o.description(), context)).toList());
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "definition",
                decision.title(),
                crumbs(product, new Shell.Crumb(decision.key(), null)));
    html.page(
        ctx,
        "definition/decisions/show.jte",
        shell,
        "decision",
        decision,
        "rendered",
        rendered,
        "panel",
        panel,
        "hat",
        hat(product),
        "base",
        base(product));
  }

  private void editForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "change decisions");
    Decision decision = decision(ctx, product);
    renderEditor(ctx, product, decision, DecisionForm.of(decision), null);
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    Decision decision = decision(ctx, product);
    DecisionForm form = DecisionForm.from(ctx);
    if (rearranged(ctx, product, decision, form)) {
      return;
    }
    long version;
    try {
      version = Long.parseLong(form.value("version"));
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
    try {
      decisions.update(
          Requests.user(ctx),
          Long.toString(decision.id()),
          version,
          DecisionChanges.replacingWith(form.draft()));
      Flashes.success(ctx, "Saved.");
      ctx.redirect(base(product) + "/" + decision.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, decision, form.refused(e), null);
    } catch (Conflict e) {
      ctx.status(409);
      Decision theirs = decisions.get(Requests.user(ctx), Long.toString(decision.id())).decision();
      renderEditor(ctx, product, decision, form.withMessage(e.getMessage()), theirs);
    }
  }

  private void renderEditor(
      Context ctx, ProductAccess product, Decision decision, DecisionForm form, Decision theirs) {
    String title = decision == null ? "Record a decision" : "Edit " + decision.title();
    List<Shell.Crumb> crumbs =
        decision == null
            ? crumbs(product, new Shell.Crumb("New", null))
            : crumbs(
                product,
                new Shell.Crumb(decision.key(), base(product) + "/" + decision.id()),
                new Shell.Crumb("Edit", null));
    Shell shell = html.shells().product(ctx, product, "definition", title, crumbs);
    List<Member> members = workspaces.members(product.workspace());
    String supersedes = form.value("supersedes");
    DecisionSummaryRef old =
        decision == null && !supersedes.isBlank() ? predecessor(ctx, product, supersedes) : null;
    html.page(
        ctx,
        "definition/decisions/edit.jte",
        shell,
        "decision",
        decision,
        "form",
        form,
        "theirs",
        theirs,
        "members",
        members,
        "supersedesTitle",
        old == null ? null : old.key() + " \u201c" + old.title() + "\u201d",
        "hat",
        hat(product),
        "base",
        base(product),
        "workspace",
        product.workspace().workspace().slug());
  }

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    Decision decision = decision(ctx, product);
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")));
    } catch (NumberFormatException e) {
      version = decision.version();
    }
    decisions.delete(Requests.user(ctx), Long.toString(decision.id()), version);
    Flashes.withAction(
        ctx,
        "Deleted the decision \u201c" + decision.title() + "\u201d.",
        "Undo",
        base(product) + "/" + decision.id() + "/restore");
    ctx.redirect(base(product));
  }

  private void restore(Context ctx) {
    ProductAccess product = product(ctx);
    Decision decision = decisions.restore(Requests.user(ctx), ctx.pathParam("id"));
    Flashes.success(ctx, "Restored the decision \u201c" + decision.title() + "\u201d.");
    ctx.redirect(base(product) + "/" + decision.id());
  }
}
