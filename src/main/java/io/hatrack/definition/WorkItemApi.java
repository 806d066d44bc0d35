package io.hatrack.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.DefinitionJson.SettingsInput;
import io.hatrack.definition.DefinitionJson.SettingsJson;
import io.hatrack.definition.DefinitionJson.WorkItemInput;
import io.hatrack.definition.DefinitionJson.WorkItemJson;
import io.hatrack.definition.DefinitionJson.WorkItemPatch;
import io.hatrack.definition.DefinitionJson.WorkflowInput;
import io.hatrack.definition.DefinitionJson.WorkflowJson;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.ItemRepresentations;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.util.List;

/**
 * Work items over the API: listing with the query language, creating, reading (also through the
 * kernel's uniform {@code /api/v1/items/{item}}), changing, moving, deleting and restoring, and a
 * product's workflow and estimate settings.
 */
public final class WorkItemApi implements Routes {
  private static final String TAG = "Work items";

  private final WorkItemService items;
  private final WorkflowService workflows;
  private final ObjectMapper json;
  private final io.hatrack.definition.fields.CustomFieldService fields;
  private final io.hatrack.kernel.db.Database db;

  public WorkItemApi(
      io.hatrack.kernel.db.Database db,
      WorkItemService items,
      WorkflowService workflows,
      io.hatrack.definition.fields.CustomFieldService fields,
      ItemRepresentations representations,
      ObjectMapper json) {
    this.fields = fields;
    this.db = db;
    this.items = items;
    this.workflows = workflows;
    this.json = json;
    representations.register(
        WorkItemStore.KIND,
        (user, access) -> withFields(json(items.get(user, Long.toString(access.id())))));
  }

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/items", this::list)
        .summary("A product's work items, filtered by type and by a query")
        .description(
            "q takes the query language, e.g. type:feature status:\"in review\" owner:@ana"
                + " tag:mobile estimate>3; an error names the offending part.")
        .tag(TAG)
        .query("type", "objective, initiative, epic, feature, story, bug or task")
        .query("q", "a query in the filter language")
        .query("sort", "key, title, type, status, owner, estimate, rank, updated or created; -desc")
        .paged()
        .returnsList(WorkItemJson.class);
    r.post("/api/v1/products/{product}/items", this::create)
        .summary("Create a work item (editors); type and title are required")
        .tag(TAG)
        .body(WorkItemInput.class)
        .returns(201, WorkItemJson.class);
    r.patch("/api/v1/items/{item}", this::update)
        .summary("Change a work item (editors): absent fields are kept, null clears")
        .description(
            "Moving an item (parent) takes its children along; a status must be reachable from"
                + " the current one in the product's workflow.")
        .tag(TAG)
        .body(WorkItemPatch.class)
        .ifMatch()
        .etag()
        .returns(200, WorkItemJson.class);
    r.delete("/api/v1/items/{item}", this::delete)
        .summary("Delete a work item (editors); its children move up; it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post("/api/v1/items/{item}/restore", this::restore)
        .summary("Restore a deleted work item (editors)")
        .tag(TAG)
        .returns(200, WorkItemJson.class);
    r.get("/api/v1/items/{item}/children", this::children)
        .summary("The work items directly under an item, in rank order")
        .tag(TAG)
        .returnsList(WorkItemJson.class);
    r.get("/api/v1/products/{product}/workflow", this::workflow)
        .summary("A product's workflow: its states in order and the moves each allows")
        .tag(TAG)
        .returns(200, WorkflowJson.class);
    r.put("/api/v1/products/{product}/workflow", this::replaceWorkflow)
        .summary("Replace a product's workflow (admins); states with an id are kept")
        .tag(TAG)
        .body(WorkflowInput.class)
        .returns(200, WorkflowJson.class);
    r.get("/api/v1/products/{product}/definition-settings", this::settings)
        .summary("How a product estimates work: points, t-shirt size or person-days")
        .tag(TAG)
        .etag()
        .returns(200, SettingsJson.class);
    r.patch("/api/v1/products/{product}/definition-settings", this::updateSettings)
        .summary("Change how a product estimates work (admins)")
        .tag(TAG)
        .body(SettingsInput.class)
        .ifMatch()
        .etag()
        .returns(200, SettingsJson.class);
  }

  private static WorkItemJson json(WorkItemService.View view) {
    return WorkItemJson.of(view.item(), view.workflow());
  }

  private WorkItemJson withFields(WorkItemJson item) {
    return withFields(List.of(item)).get(0);
  }

  /**
   * The items with the values of their custom fields and their tags (read for the page at once).
   */
  private List<WorkItemJson> withFields(List<WorkItemJson> list) {
    List<Long> ids = list.stream().map(WorkItemJson::id).toList();
    var read = db.read(h -> java.util.Map.entry(fields.values(h, ids), items.tags(h, ids)));
    var values = read.getKey();
    var tags = read.getValue();
    return list.stream()
        .map(
            j -> {
              java.util.Map<String, JsonNode> byKey = new java.util.LinkedHashMap<>();
              values
                  .getOrDefault(j.id(), java.util.Map.of())
                  .forEach((key, v) -> byKey.put(key, v.json()));
              return j.with(byKey, tags.getOrDefault(j.id(), List.of()));
            })
        .toList();
  }

  private void list(Context ctx) {
    var listing =
        items.list(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.queryParam("type"),
            ctx.queryParam("q"),
            ctx.queryParam("sort"),
            ctx.queryParam("cursor"),
            Requests.limit(ctx, 50));
    ctx.json(
        new ListJson<>(
            withFields(
                listing.slice().items().stream()
                    .map(w -> WorkItemJson.of(w, listing.workflow()))
                    .toList()),
            listing.slice().total(),
            listing.slice().nextCursor()));
  }

  private void create(Context ctx) {
    WorkItemInput input = Requests.body(ctx, json, WorkItemInput.class);
    User user = Requests.user(ctx);
    WorkItem created =
        items.create(
            user,
            ctx.pathParam("product"),
            input.toNew(),
            input.fields() == null ? java.util.Map.of() : input.fields());
    Requests.etag(ctx, created.version());
    ctx.header("Location", "/api/v1/items/" + created.key());
    ctx.status(201).json(withFields(json(items.get(user, Long.toString(created.id())))));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    JsonNode body = Requests.body(ctx, json, JsonNode.class);
    User user = Requests.user(ctx);
    WorkItem changed =
        items.update(
            user,
            ctx.pathParam("item"),
            expected,
            DefinitionJson.changes(body),
            DefinitionJson.fieldValues(body));
    Requests.etag(ctx, changed.version());
    ctx.json(withFields(json(items.get(user, Long.toString(changed.id())))));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    items.delete(Requests.user(ctx), ctx.pathParam("item"), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    User user = Requests.user(ctx);
    WorkItem restored = items.restore(user, ctx.pathParam("item"));
    Requests.etag(ctx, restored.version());
    ctx.json(withFields(json(items.get(user, Long.toString(restored.id())))));
  }

  private void children(Context ctx) {
    User user = Requests.user(ctx);
    WorkItemService.View parent = items.get(user, ctx.pathParam("item"));
    List<WorkItemJson> children =
        withFields(
            items.children(user, Long.toString(parent.item().id())).stream()
                .map(w -> WorkItemJson.of(w, parent.workflow()))
                .toList());
    ctx.json(new ListJson<>(children, children.size(), null));
  }

  private void workflow(Context ctx) {
    ctx.json(WorkflowJson.of(workflows.workflow(Requests.user(ctx), ctx.pathParam("product"))));
  }

  private void replaceWorkflow(Context ctx) {
    WorkflowInput input = Requests.body(ctx, json, WorkflowInput.class);
    List<WorkflowService.StateInput> states =
        input.states() == null
            ? List.of()
            : input.states().stream()
                .map(
                    s ->
                        new WorkflowService.StateInput(s.id(), s.name(), s.category(), s.movesTo()))
                .toList();
    ctx.json(
        WorkflowJson.of(workflows.replace(Requests.user(ctx), ctx.pathParam("product"), states)));
  }

  private void settings(Context ctx) {
    WorkflowStore.Settings settings =
        workflows.settings(Requests.user(ctx), ctx.pathParam("product"));
    Requests.etag(ctx, settings.version());
    ctx.json(SettingsJson.of(settings));
  }

  private void updateSettings(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    SettingsInput input = Requests.body(ctx, json, SettingsInput.class);
    WorkflowStore.Settings settings =
        workflows.updateSettings(
            Requests.user(ctx),
            ctx.pathParam("product"),
            expected,
            input.estimateUnit(),
            input.storySizeLimit());
    Requests.etag(ctx, settings.version());
    ctx.json(SettingsJson.of(settings));
  }
}
