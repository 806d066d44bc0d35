package io.hatrack.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.decisions.DecisionLog;
import io.hatrack.definition.decisions.DecisionService;
import io.hatrack.definition.docs.Documents;
import io.hatrack.definition.fields.CustomFieldApi;
import io.hatrack.definition.fields.CustomFieldRoutes;
import io.hatrack.definition.fields.CustomFieldService;
import io.hatrack.definition.fields.CustomFieldStore;
import io.hatrack.definition.fields.CustomFieldsDemo;
import io.hatrack.definition.fields.FieldValueForm;
import io.hatrack.definition.fields.FieldValueRoutes;
import io.hatrack.definition.prototypes.PrototypeApi;
import io.hatrack.definition.prototypes.PrototypePlayPages;
import io.hatrack.definition.prototypes.PrototypeRoutes;
import io.hatrack.definition.prototypes.PrototypeService;
import io.hatrack.definition.prototypes.PrototypeStore;
import io.hatrack.definition.prototypes.PrototypesDemo;
import io.hatrack.definition.query.FieldCatalogStore;
import io.hatrack.definition.query.QueryStore;
import io.hatrack.definition.query.SavedViewService;
import io.hatrack.definition.query.SavedViewStore;
import io.hatrack.definition.query.ViewApi;
import io.hatrack.definition.query.ViewRoutes;
import io.hatrack.definition.query.ViewsDemo;
import io.hatrack.definition.query.WorkItemQuery;
import io.hatrack.definition.story.StoriesDemo;
import io.hatrack.definition.story.StoryApi;
import io.hatrack.definition.story.StoryRoutes;
import io.hatrack.definition.story.StoryService;
import io.hatrack.definition.story.StoryStore;
import io.hatrack.definition.wireframes.PrototypeScreens;
import io.hatrack.definition.wireframes.Wireframes;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.search.SearchService;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.ItemRepresentations;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemKind;
import io.hatrack.kernel.work.ItemKinds;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Notifier;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The definition hat put together: its stores, services, routes and demo part. {@code App}
 * constructs one and asks it for its routes and demo seed, so the hat's wiring stays in the hat.
 */
public final class DefinitionHat {

  /** What the hat takes from the kernel. */
  public record Kernel(
      Database db,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      Collaboration collaboration,
      Notifier notifier,
      AuditLog audit,
      SearchService search,
      Clock clock) {}

  private final Kernel kernel;
  private final WorkflowService workflows;
  private final WorkItemService workItems;
  private final DecisionLog decisions;
  private final CustomFieldService fields;
  private final StoryService stories;
  private final PrototypeService prototypes;
  private final Documents documents;
  private final WorkItemQuery queries;
  private final SavedViewService views;
  private final Wireframes wireframes;

  public DefinitionHat(Kernel k, ItemKinds kinds) {
    this.kernel = k;
    kinds.register(new ItemKind(WorkItemStore.KIND, "Work item", "definition/items"));
    this.workflows = new WorkflowService(k.db(), new WorkflowStore(), k.products(), k.audit());
    this.queries =
        new WorkItemQuery(
            workflows, k.workspaces(), new FieldCatalogStore(), new QueryStore(), k.clock());
    this.fields =
        new CustomFieldService(
            k.db(), new CustomFieldStore(), k.products(), k.workspaces(), k.audit());
    WorkItemStore workItemStore = new WorkItemStore();
    k.search().register(new WorkItemSearch(workItemStore));
    this.workItems =
        new WorkItemService(
            k.db(),
            workItemStore,
            workflows,
            k.products(),
            k.workspaces(),
            new WorkItemService.Kernel(
                k.items(), k.notifier(), k.audit(), k.collaboration().tags(), k.search().index()),
            (h, product, actor, q) -> queries.compile(h, product, actor, q).filter(),
            new WorkItemService.FieldValues() {
              @Override
              public void set(
                  org.jdbi.v3.core.Handle h,
                  io.hatrack.kernel.auth.User actor,
                  io.hatrack.kernel.work.ProductAccess product,
                  long itemId,
                  String itemType,
                  java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> values) {
                fields.setValues(h, actor, product, itemId, itemType, values);
              }

              @Override
              public void recompute(
                  org.jdbi.v3.core.Handle h, long productId, long itemId, Double estimate) {
                fields.recompute(h, productId, itemId, estimate);
              }
            });
    kinds.register(new ItemKind(DecisionService.KIND, "Decision", "definition/decisions"));
    this.decisions =
        new DecisionLog(k.db(), k.products(), k.workspaces(), k.items(), k.notifier(), k.audit());
    this.stories =
        new StoryService(
            k.db(), new StoryStore(), workItems, k.products(), k.collaboration().links());
    this.wireframes =
        new Wireframes(
            new Wireframes.Kernel(
                k.db(),
                k.products(),
                k.items(),
                k.collaboration(),
                k.notifier(),
                k.audit(),
                k.clock()),
            kinds);
    kinds.register(new ItemKind(PrototypeStore.KIND, "Prototype", "definition/prototypes"));
    this.prototypes =
        new PrototypeService(
            k.db(),
            new PrototypeStore(),
            k.products(),
            k.items(),
            new PrototypeScreens(wireframes.wireframes(), wireframes.attachments()),
            k.audit(),
            k.clock());
    kinds.register(Documents.KIND);
    this.documents =
        new Documents(
            new Documents.Kernel(
                k.db(),
                k.products(),
                k.workspaces(),
                k.items(),
                k.collaboration(),
                k.notifier(),
                k.audit(),
                k.clock()));
    this.views =
        new SavedViewService(
            k.db(), new SavedViewStore(), k.products(), queries, k.audit(), k.clock());
  }

  /** The hat's API and pages; registers how its items answer the uniform item endpoint. */
  public List<Routes> routes(
      Html html, ItemPanels panels, ItemRepresentations representations, ObjectMapper json) {
    List<Routes> routes = new ArrayList<>();
    routes.add(new WorkItemApi(kernel.db(), workItems, workflows, fields, representations, json));
    routes.add(
        new WorkItemRoutes(
            workItems,
            workflows,
            kernel.products(),
            kernel.workspaces(),
            panels,
            new WorkItemRoutes.Parts(
                kernel.db(),
                fields,
                stories,
                views,
                new ListCells(kernel.db(), fields, kernel.collaboration().tags()))));
    routes.add(
        new BoardRoutes(
            new WorkItemBoard(kernel.db(), workItems, workflows, fields),
            workItems,
            views,
            kernel.products(),
            html));
    routes.addAll(decisions.routes(html, panels, representations, json));
    routes.add(new CustomFieldApi(fields, json));
    routes.add(new CustomFieldRoutes(fields, kernel.products(), html));
    routes.add(
        new FieldValueRoutes(
            new FieldValueForm(kernel.db(), fields),
            workItems,
            kernel.products(),
            kernel.workspaces(),
            html));
    routes.add(new StoryApi(stories, json));
    routes.add(new StoryRoutes(stories, kernel.products(), html));
    PrototypeApi prototypeApi = new PrototypeApi(prototypes, json);
    representations.register(PrototypeStore.KIND, prototypeApi::itemJson);
    routes.add(prototypeApi);
    routes.add(new PrototypeRoutes(prototypes, kernel.products(), panels));
    routes.add(new PrototypePlayPages(prototypes, kernel.products(), html));
    routes.addAll(documents.routes(html, panels, representations, json));
    routes.add(new ViewApi(views, json));
    routes.add(new ViewRoutes(views, kernel.products(), html));
    routes.addAll(wireframes.routes(html, panels, representations, json));
    return routes;
  }

  /** The hat's part of the demo story. */
  public List<DemoSeed> demo() {
    List<DemoSeed> seeds = new ArrayList<>();
    seeds.add(new DefinitionDemo(workItems, workflows, kernel.collaboration()));
    seeds.add(new StoriesDemo(stories, workItems, kernel.collaboration()));
    seeds.add(decisions.demo(kernel.collaboration()));
    seeds.add(new CustomFieldsDemo(kernel.db(), fields, kernel.products()));
    // The prototype links to the feature it shows, so it comes after the work items.
    seeds.add(new PrototypesDemo(prototypes, kernel.items(), kernel.collaboration()));
    seeds.add(documents.demo());
    seeds.add(new ViewsDemo(kernel.db(), views, kernel.products(), new QueryStore()));
    seeds.add(wireframes.demo());
    return seeds;
  }

  public WorkflowService workflows() {
    return workflows;
  }

  public WorkItemService workItems() {
    return workItems;
  }

  public DecisionService decisions() {
    return decisions.service();
  }

  /** Custom fields per product: definitions, values on work items, formulas. */
  public CustomFieldService fields() {
    return fields;
  }

  /** User stories: acceptance criteria, the quality check, Gherkin export. */
  public StoryService stories() {
    return stories;
  }

  /** Click-through prototypes of screens and hotspots, with share links. */
  public PrototypeService prototypes() {
    return prototypes;
  }

  /** Requirement documents from templates, with versions, diffs and approvals. */
  public Documents documents() {
    return documents;
  }

  /** The work-item query language: compiles the query box and saved views into SQL. */
  public WorkItemQuery queries() {
    return queries;
  }

  /** Saved views of work items, shared in a product. */
  public SavedViewService views() {
    return views;
  }

  /** Wireframes in PlantUML Salt, and images attached to any item. */
  public Wireframes wireframes() {
    return wireframes;
  }

  Kernel kernel() {
    return kernel;
  }
}
