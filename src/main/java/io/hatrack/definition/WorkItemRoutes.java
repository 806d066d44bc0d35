package io.hatrack.definition;

import io.hatrack.definition.fields.CustomFieldService;
import io.hatrack.definition.fields.FieldValueForm;
import io.hatrack.definition.query.SavedViewService;
import io.hatrack.definition.query.ShownView;
import io.hatrack.definition.query.ViewChoices;
import io.hatrack.definition.query.ViewLayout;
import io.hatrack.definition.query.WorkItemQuery;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
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
import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The work items of a product in the browser: the list with the query box, saved views, their
 * columns, sortable headers and inline edits; the tree; the item page and its form; and the hat's
 * settings (estimate unit, workflow). The board is {@link BoardRoutes}, saving views {@code
 * ViewRoutes}.
 */
public final class WorkItemRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/definition";

  private final WorkItemService items;
  private final WorkflowService workflows;
  private final ProductService products;
  private final WorkspaceService workspaces;
  private final ItemPanels panels;
  private final Html html;
  private final Parts parts;
  private final FieldValueForm fieldForm;

  /**
   * The other parts of the hat that the pages show: custom fields and story checks on the item
   * page, saved views and the cells of their columns on the list.
   */
  public record Parts(
      io.hatrack.kernel.db.Database db,
      io.hatrack.definition.fields.CustomFieldService fields,
      io.hatrack.definition.story.StoryService stories,
      SavedViewService views,
      ListCells cells) {}

  public WorkItemRoutes(
      WorkItemService items,
      WorkflowService workflows,
      ProductService products,
      WorkspaceService workspaces,
      ItemPanels panels,
      Parts parts) {
    this.parts = parts;
    this.fieldForm = new FieldValueForm(parts.db(), parts.fields());
    this.items = items;
    this.workflows = workflows;
    this.products = products;
    this.workspaces = workspaces;
    this.panels = panels;
    this.html = panels.html();
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, ctx -> ctx.redirect(base(product(ctx)) + "/items"));
    r.getPage(BASE + "/items", this::list);
    r.getPage(BASE + "/items/new", this::newForm);
    r.postPage(BASE + "/items", this::create);
    r.getPage(BASE + "/items/{item}", this::show);
    r.getPage(BASE + "/items/{item}/edit", this::editForm);
    r.postPage(BASE + "/items/{item}", this::update);
    r.postPage(BASE + "/items/{item}/inline", this::inline);
    r.postPage(BASE + "/items/{item}/delete", this::delete);
    r.postPage(BASE + "/items/{item}/restore", this::restore);
    r.getPage(BASE + "/tree", this::tree);
    r.getPage(BASE + "/tree/{item}", this::treeChildren);
    r.getPage(BASE + "/settings", this::settings);
    r.postPage(BASE + "/settings/estimates", this::saveEstimates);
    r.postPage(BASE + "/settings/workflow", this::saveWorkflow);
  }

  /** The product of the URL, which must belong to the workspace of the URL. */
  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  /** The hat's address in a product: {@code /w/{ws}/{product}/definition}. */
  public static String base(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/definition";
  }

  private Shell shell(Context ctx, ProductAccess product, String title, Shell.Crumb... crumbs) {
    List<Shell.Crumb> all = new ArrayList<>();
    all.add(new Shell.Crumb("Definition", base(product) + "/items"));
    all.addAll(List.of(crumbs));
    return html.shells().product(ctx, product, "definition", title, all);
  }

  private WorkItemService.View view(Context ctx, ProductAccess product) {
    WorkItemService.View view = items.get(Requests.user(ctx), ctx.pathParam("item"));
    Long productId = view.item().item().productId();
    if (productId == null || productId != product.id()) {
      throw new NotFound("work item");
    }
    return view;
  }

  // ---- List ---------------------------------------------------------------------------------

  /**
   * The list: {@code view} picks a saved list view (its query and columns), {@code q} replaces its
   * query, {@code type} and {@code sort} narrow and order it.
   */
  private void list(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    String productRef = Long.toString(product.id());
    ViewChoices choices =
        parts.views().choices(user, productRef, ViewLayout.LIST, ctx.queryParam("view"));
    ShownView shown = choices.shown(ctx.queryParam("q"), null);
    String q = shown.query();
    String type = ctx.queryParamAsClass("type", String.class).getOrDefault("");
    String sort = ctx.queryParamAsClass("sort", String.class).getOrDefault("");
    String cursor = ctx.queryParam("cursor");
    WorkItemService.Listing listing = null;
    String queryError = null;
    try {
      listing = items.list(user, productRef, type, q, sort, cursor, 50);
    } catch (Invalid e) {
      ctx.status(422);
      queryError = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).reason();
    }
    html.page(
        ctx,
        "definition/items.jte",
        shell(ctx, product, "Work items"),
        "product",
        product,
        "base",
        base(product),
        "listing",
        listing,
        "q",
        q,
        "type",
        type,
        "sort",
        sort,
        "queryError",
        queryError,
        "members",
        members(ctx, product),
        "units",
        workflows.settings(user, productRef).estimateUnit(),
        "firstPage",
        cursor == null || cursor.isBlank(),
        "choices",
        choices,
        "shown",
        shown,
        "cells",
        listing == null
            ? ListCells.Page.NONE
            : parts.cells().read(listing.slice().items(), shown.columnIds()),
        "here",
        "view=" + encode(shown.viewParam()) + "&q=" + encode(q) + "&type=" + encode(type));
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  private List<Member> members(Context ctx, ProductAccess product) {
    return workspaces.members(
        Requests.user(ctx), Long.toString(product.workspace().workspace().id()));
  }

  // ---- Create and edit ----------------------------------------------------------------------

  private void newForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "create work items");
    String type = ctx.queryParamAsClass("type", String.class).getOrDefault("feature");
    String parent = ctx.queryParamAsClass("parent", String.class).getOrDefault("");
    renderForm(ctx, product, null, Form.of("type", type, "parent", parent), null);
  }

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    WorkflowStore.Settings settings =
        workflows.settings(Requests.user(ctx), Long.toString(product.id()));
    String estimate = Requests.form(ctx, "estimate");
    boolean sized = settings.estimateUnit() == EstimateUnit.SIZE;
    User user = Requests.user(ctx);
    try {
      WorkItem created =
          items.create(
              user,
              Long.toString(product.id()),
              new NewWorkItem(
                  Requests.form(ctx, "type"),
                  ctx.formParam("title"),
                  ctx.formParam("description"),
                  blankToNull(Requests.form(ctx, "parent")),
                  blankToNull(Requests.form(ctx, "owner")),
                  sized ? null : number("estimate", estimate),
                  sized ? blankToNull(estimate) : null,
                  blankToNull(Requests.form(ctx, "status")),
                  Requests.form(ctx, "story_role"),
                  Requests.form(ctx, "story_goal"),
                  Requests.form(ctx, "story_benefit"),
                  ctx.formParam("acceptance"),
                  TagsField.parse(ctx.formParam(TagsField.NAME))),
              fieldForm.values(
                  user, product.id(), Requests.form(ctx, "type"), null, ctx.formParamMap()));
      Flashes.success(ctx, created.key() + " created.");
      ctx.redirect(base(product) + "/items/" + created.key());
    } catch (Invalid e) {
      ctx.status(422);
      renderForm(ctx, product, null, Form.refused(ctx, e), null);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Double number(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.parseDouble(value.trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw Invalid.field(field, "must be a number");
    }
  }

  private void editForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "edit work items");
    WorkItemService.View view = view(ctx, product);
    List<String> tags = panels.collaboration().tags().list(Requests.user(ctx), view.item().key());
    renderForm(ctx, product, view, formOf(view.item(), tags), null);
  }

  private static Form formOf(WorkItem w, List<String> tags) {
    return Form.of(
        "type",
        w.type().id(),
        "title",
        w.title(),
        "description",
        w.description(),
        "parent",
        w.parent() == null ? "" : w.parent().key(),
        "owner",
        w.owner() == null ? "" : w.owner().handle(),
        "estimate",
        w.estimateText(),
        "status",
        w.state().name(),
        "story_role",
        w.storyRole(),
        "story_goal",
        w.storyGoal(),
        "story_benefit",
        w.storyBenefit(),
        "acceptance",
        w.acceptance(),
        TagsField.NAME,
        TagsField.text(tags),
        "version",
        Long.toString(w.version()));
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    WorkItemService.View view = view(ctx, product);
    long version = version(ctx);
    boolean sized = view.settings().estimateUnit() == EstimateUnit.SIZE;
    String estimate = Requests.form(ctx, "estimate");
    User user = Requests.user(ctx);
    try {
      String tagsText = ctx.formParam(TagsField.NAME);
      List<String> tags = tagsText == null ? null : TagsField.parse(tagsText);
      WorkItemChanges changes =
          new WorkItemChanges(
              Patch.of(ctx.formParam("title")),
              Patch.of(Requests.form(ctx, "type")),
              Patch.of(ctx.formParam("description")),
              Patch.of(Requests.form(ctx, "status")),
              Patch.of(blankToNull(Requests.form(ctx, "owner"))),
              Patch.of(blankToNull(Requests.form(ctx, "parent"))),
              sized ? Patch.of(null) : Patch.of(number("estimate", estimate)),
              sized ? Patch.of(blankToNull(estimate)) : Patch.of(null),
              Patch.keep(),
              Patch.of(Requests.form(ctx, "story_role")),
              Patch.of(Requests.form(ctx, "story_goal")),
              Patch.of(Requests.form(ctx, "story_benefit")),
              ctx.formParam("acceptance") == null
                  ? Patch.keep()
                  : Patch.of(ctx.formParam("acceptance")));
      WorkItem changed =
          items.update(
              user,
              Long.toString(view.item().id()),
              version,
              changes,
              fieldForm.values(
                  user, product.id(), Requests.form(ctx, "type"), ref(view), ctx.formParamMap()),
              tags);
      Flashes.success(ctx, "Saved.");
      ctx.redirect(base(product) + "/items/" + changed.key());
    } catch (Invalid e) {
      ctx.status(422);
      renderForm(ctx, product, view, Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(409);
      WorkItemService.View theirs = items.get(Requests.user(ctx), Long.toString(view.item().id()));
      renderForm(ctx, product, view, Form.refused(ctx, e.getMessage()), theirs.item());
    }
  }

  private static CustomFieldService.ItemRef ref(WorkItemService.View view) {
    WorkItem w = view.item();
    return new CustomFieldService.ItemRef(w.id(), w.key(), w.type());
  }

  private static long version(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
  }

  private void renderForm(
      Context ctx, ProductAccess product, WorkItemService.View view, Form form, WorkItem theirs) {
    User user = Requests.user(ctx);
    WorkflowStore.Settings settings = workflows.settings(user, Long.toString(product.id()));
    Workflow workflow = workflows.workflow(user, Long.toString(product.id()));
    String title = view == null ? "New work item" : "Edit " + view.item().key();
    FieldValueForm.Section fields =
        fieldForm.section(
            user,
            product.id(),
            form.value("type"),
            view == null ? WorkItemType.FEATURE : view.item().type(),
            view == null ? null : ref(view),
            ctx.method() == HandlerType.POST ? ctx.formParamMap() : null,
            form.errors());
    Shell shell =
        view == null
            ? shell(ctx, product, title, new Shell.Crumb("New", null))
            : shell(
                ctx,
                product,
                title,
                new Shell.Crumb(view.item().key(), base(product) + "/items/" + view.item().key()),
                new Shell.Crumb("Edit", null));
    html.page(
        ctx,
        "definition/item-form.jte",
        shell,
        "product",
        product,
        "base",
        base(product),
        "item",
        view == null ? null : view.item(),
        "form",
        form,
        "settings",
        settings,
        "statuses",
        view == null ? workflow.states() : reachable(view.workflow(), view.item().state()),
        "members",
        members(ctx, product),
        "fields",
        fields,
        "theirs",
        theirs);
  }

  /** The current state and the states the workflow lets an item move to from it. */
  static List<WorkflowState> reachable(Workflow workflow, WorkflowState from) {
    List<WorkflowState> states = new ArrayList<>();
    states.add(from);
    states.addAll(workflow.next(from));
    return states;
  }

  // ---- The item page ------------------------------------------------------------------------

  private void show(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    WorkItemService.View view = view(ctx, product);
    WorkItem item = view.item();
    ItemPanel panel = panels.build(user, Long.toString(item.id()));
    String description =
        html.markdown(item.description(), html.markdownContext(product.workspace()));
    FieldValueForm.Section fields =
        fieldForm.section(user, product.id(), null, item.type(), ref(view), null, List.of());
    var findings =
        item.type() == WorkItemType.STORY
            ? parts.stories().quality(user, Long.toString(item.id())).findings()
            : List.<io.hatrack.definition.story.StoryQuality.Finding>of();
    html.page(
        ctx,
        "definition/item.jte",
        shell(
            ctx,
            product,
            item.key() + " " + item.title(),
            new Shell.Crumb("Items", base(product) + "/items"),
            new Shell.Crumb(item.key(), null)),
        "view",
        view,
        "descriptionHtml",
        description,
        "children",
        items.children(user, Long.toString(item.id())),
        "fields",
        fields,
        "members",
        panel.canEdit() ? members(ctx, product) : List.<Member>of(),
        "findings",
        findings,
        "panel",
        panel,
        "base",
        base(product));
  }

  // ---- Inline edits and moves ---------------------------------------------------------------

  /**
   * One field changed in place (list cells, the item page's status): answers the list row again for
   * htmx, or a plain message with 400/409 that the page shows as a toast.
   */
  private void inline(Context ctx) {
    ProductAccess product = product(ctx);
    WorkItemService.View view = view(ctx, product);
    long version = version(ctx);
    String field = String.valueOf(ctx.formParam("field"));
    String value = blankToNull(Requests.form(ctx, "value"));
    WorkItemChanges none = WorkItemChanges.none();
    boolean sized = view.settings().estimateUnit() == EstimateUnit.SIZE;
    WorkItemChanges changes =
        switch (field) {
          case "status" -> none.withStatus(value);
          case "title" -> copy(none, Map.of("title", Patch.of(value)));
          case "owner" -> copy(none, Map.of("owner", Patch.of(value)));
          case "estimate" ->
              sized
                  ? copy(none, Map.of("size", Patch.of(value)))
                  : copy(none, Map.of("estimate", Patch.of(number("estimate", value))));
          default -> throw Invalid.field("field", "cannot be edited in place");
        };
    try {
      WorkItem changed =
          items.update(Requests.user(ctx), Long.toString(view.item().id()), version, changes);
      if ("page".equals(ctx.formParam("from"))) {
        Flashes.success(ctx, "Saved.");
        ctx.redirect(base(product) + "/items/" + changed.key());
        return;
      }
      WorkItemService.View after = items.get(Requests.user(ctx), Long.toString(changed.id()));
      List<String> columns = columns(ctx);
      ListCells.Page cells = parts.cells().read(List.of(after.item()), columns);
      html.fragment(
          ctx,
          "definition/item-row.jte",
          "w",
          after.item(),
          "workflow",
          after.workflow(),
          "base",
          base(product),
          "members",
          members(ctx, product),
          "units",
          after.settings().estimateUnit(),
          "shell",
          html.shells().fragment(ctx),
          "canEdit",
          product.role().atLeast(Role.EDITOR),
          "columns",
          columns,
          "values",
          cells.values(after.item().id()),
          "tags",
          cells.tags(after.item().id()));
    } catch (Invalid e) {
      answerRefusal(ctx, product, view, 422, e.errors().isEmpty() ? e.getMessage() : describe(e));
    } catch (Conflict e) {
      answerRefusal(ctx, product, view, 409, e.getMessage());
    }
  }

  /** The columns of the list a row was edited in (its forms carry them), else the default. */
  private static List<String> columns(Context ctx) {
    String given = ctx.formParam("columns") == null ? "" : ctx.formParam("columns");
    List<String> columns =
        java.util.Arrays.stream(given.split(","))
            .map(String::strip)
            .filter(c -> c.matches("[a-z][a-z0-9_]{0,39}"))
            .distinct()
            .limit(SavedViewService.MAX_COLUMNS)
            .toList();
    return columns.isEmpty() ? WorkItemQuery.DEFAULT_COLUMNS : columns;
  }

  private void answerRefusal(
      Context ctx, ProductAccess product, WorkItemService.View view, int status, String message) {
    if ("page".equals(ctx.formParam("from"))) {
      Flashes.error(ctx, message);
      ctx.redirect(base(product) + "/items/" + view.item().key());
      return;
    }
    ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
  }

  private static String describe(Invalid e) {
    StringBuilder text = new StringBuilder();
    e.errors()
        .forEach(
            err -> {
              if (text.length() > 0) {
                text.append("; ");
              }
              text.append(err.field()).append(' ').append(err.reason());
            });
    return text.toString();
  }

  private static WorkItemChanges copy(WorkItemChanges c, Map<String, Patch<?>> set) {
    @SuppressWarnings("unchecked")
    Patch<String> title = (Patch<String>) set.getOrDefault("title", c.title());
    @SuppressWarnings("unchecked")
    Patch<String> owner = (Patch<String>) set.getOrDefault("owner", c.owner());
    @SuppressWarnings("unchecked")
    Patch<Double> estimate = (Patch<Double>) set.getOrDefault("estimate", c.estimate());
    @SuppressWarnings("unchecked")
    Patch<String> size = (Patch<String>) set.getOrDefault("size", c.size());
    return new WorkItemChanges(
        title,
        c.type(),
        c.description(),
        c.status(),
        owner,
        c.parent(),
        estimate,
        size,
        c.position(),
        c.storyRole(),
        c.storyGoal(),
        c.storyBenefit(),
        c.acceptance());
  }

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    WorkItemService.View view = view(ctx, product);
    try {
      int moved = items.delete(Requests.user(ctx), Long.toString(view.item().id()), version(ctx));
      Flashes.withAction(
          ctx,
          view.item().key()
              + " deleted"
              + (moved > 0 ? "; its " + moved + " child item(s) moved up a level." : "."),
          "Undo",
          base(product) + "/items/" + view.item().key() + "/restore");
      ctx.redirect(base(product) + "/items");
    } catch (Conflict e) {
      Flashes.error(ctx, e.getMessage());
      ctx.redirect(base(product) + "/items/" + view.item().key());
    }
  }

  private void restore(Context ctx) {
    ProductAccess product = product(ctx);
    WorkItem restored = items.restore(Requests.user(ctx), ctx.pathParam("item"));
    Flashes.success(ctx, restored.key() + " is back.");
    ctx.redirect(base(product) + "/items/" + restored.key());
  }

  // ---- Tree -----------------------------------------------------------------------

  private void tree(Context ctx) {
    ProductAccess product = product(ctx);
    html.page(
        ctx,
        "definition/tree.jte",
        shell(ctx, product, "Tree", new Shell.Crumb("Tree", null)),
        "product",
        product,
        "base",
        base(product),
        "roots",
        items.roots(Requests.user(ctx), Long.toString(product.id()), 500));
  }

  private void treeChildren(Context ctx) {
    ProductAccess product = product(ctx);
    WorkItemService.View view = view(ctx, product);
    html.fragment(
        ctx,
        "definition/tree-children.jte",
        "children",
        items.children(Requests.user(ctx), Long.toString(view.item().id())),
        "base",
        base(product));
  }

  // ---- Settings -----------------------------------------------------------------------------

  private void settings(Context ctx) {
    ProductAccess product = product(ctx);
    renderSettings(ctx, product, Form.EMPTY, Form.EMPTY);
  }

  private void renderSettings(
      Context ctx, ProductAccess product, Form estimates, Form workflowForm) {
    User user = Requests.user(ctx);
    html.page(
        ctx,
        "definition/settings.jte",
        shell(ctx, product, "Definition settings", new Shell.Crumb("Settings", null)),
        "product",
        product,
        "base",
        base(product),
        "settings",
        workflows.settings(user, Long.toString(product.id())),
        "workflow",
        workflows.workflow(user, Long.toString(product.id())),
        "estimates",
        estimates,
        "workflowForm",
        workflowForm);
  }

  private void saveEstimates(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      String limit = Requests.form(ctx, "story_size_limit");
      workflows.updateSettings(
          Requests.user(ctx),
          Long.toString(product.id()),
          version(ctx),
          Requests.form(ctx, "estimate_unit"),
          number("story_size_limit", limit));
      Flashes.success(ctx, "Estimate settings saved.");
      ctx.redirect(base(product) + "/settings");
    } catch (Invalid e) {
      ctx.status(422);
      renderSettings(ctx, product, Form.refused(ctx, e), Form.EMPTY);
    } catch (Conflict e) {
      ctx.status(409);
      renderSettings(ctx, product, Form.refused(ctx, e.getMessage()), Form.EMPTY);
    }
  }

  /**
   * The workflow form: rows {@code name_i}, {@code category_i}, {@code id_i} (kept states) and
   * checkboxes {@code moves_i} whose values are the indexes of the rows a state may move to; a row
   * with a blank name is left out (a new state is added by filling the blank row).
   */
  private void saveWorkflow(Context ctx) {
    ProductAccess product = product(ctx);
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String name = ctx.formParam("name_" + i);
      if (name == null) {
        break;
      }
      rows.add(
          new String[] {name.trim(), ctx.formParam("category_" + i), ctx.formParam("id_" + i)});
    }
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i)[0].isEmpty()) {
        kept.add(i);
      }
    }
    List<WorkflowService.StateInput> states = new ArrayList<>();
    for (int i : kept) {
      String[] row = rows.get(i);
      List<String> moves = new ArrayList<>();
      for (String target : ctx.formParams("moves_" + i)) {
        try {
          int j = Integer.parseInt(target);
          if (j != i && j >= 0 && j < rows.size() && !rows.get(j)[0].isEmpty()) {
            moves.add(rows.get(j)[0]);
          }
        } catch (NumberFormatException e) {
          throw Invalid.field("moves_" + i, "is not a state of the form");
        }
      }
      Long id = row[2] == null || row[2].isBlank() ? null : Long.parseLong(row[2].trim());
      states.add(new WorkflowService.StateInput(id, row[0], row[1], moves));
    }
    try {
      workflows.replace(Requests.user(ctx), Long.toString(product.id()), states);
      Flashes.success(ctx, "Workflow saved.");
      ctx.redirect(base(product) + "/settings");
    } catch (Invalid e) {
      ctx.status(422);
      renderSettings(ctx, product, Form.EMPTY, Form.refused(ctx, e));
    }
  }
}
