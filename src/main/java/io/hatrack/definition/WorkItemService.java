package io.hatrack.definition;

import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.search.SearchIndex;
import io.hatrack.kernel.work.EntityStore;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Mentions;
import io.hatrack.kernel.work.Notifier;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.TagService;
import io.hatrack.kernel.work.WorkspaceService;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;

/**
 * Work items: creating, reading, changing, moving in the hierarchy, moving through the workflow,
 * deleting (children move up to the deleted item's parent) and restoring. Every change is checked
 * against the hierarchy rules, the workflow and the product's estimate unit, and recorded.
 */
public final class WorkItemService {
  /** The longest description accepted, in characters. */
  public static final int MAX_DESCRIPTION = 100_000;

  private static final int MAX_DEPTH = 32;

  private final Database db;
  private final WorkItemStore store;
  private final WorkflowService workflows;
  private final ProductService products;
  private final WorkspaceService workspaces;
  private final Kernel kernel;
  private final QueryCompiler queries;
  private final FieldValues fields;
  private final WorkItemBulk bulk;

  /**
   * The kernel services a work item needs: identity, notifications, the audit log, tags and the
   * search index (kept in the transaction of every change).
   */
  public record Kernel(
      ItemService items, Notifier notifier, AuditLog audit, TagService tags, SearchIndex search) {}

  public WorkItemService(
      Database db,
      WorkItemStore store,
      WorkflowService workflows,
      ProductService products,
      WorkspaceService workspaces,
      Kernel kernel,
      QueryCompiler queries,
      FieldValues fields) {
    this.db = db;
    this.queries = queries;
    this.fields = fields;
    this.store = store;
    this.workflows = workflows;
    this.products = products;
    this.workspaces = workspaces;
    this.kernel = kernel;
    this.bulk = new WorkItemBulk(store, workflows, kernel, fields);
  }

  /** Creates many work items at once, for importers. */
  public WorkItemBulk bulk() {
    return bulk;
  }

  /**
   * The custom fields of a product, which live in their own part of the hat: values written with an
   * item's create or change, in the same transaction, and formulas recomputed when the estimate or
   * type changes.
   */
  public interface FieldValues {
    void set(
        Handle h,
        User actor,
        ProductAccess product,
        long itemId,
        String itemType,
        Map<String, com.fasterxml.jackson.databind.JsonNode> values);

    void recompute(Handle h, long productId, long itemId, Double estimate);

    FieldValues NONE =
        new FieldValues() {
          @Override
          public void set(
              Handle h,
              User actor,
              ProductAccess product,
              long itemId,
              String itemType,
              Map<String, com.fasterxml.jackson.databind.JsonNode> values) {}

          @Override
          public void recompute(Handle h, long productId, long itemId, Double estimate) {}
        };
  }

  private final List<WorkItemStateListener> stateListeners = new CopyOnWriteArrayList<>();

  /** Adds a listener to state changes; a hat registers its own when it is wired. */
  public void onStateChange(WorkItemStateListener listener) {
    stateListeners.add(listener);
  }

  private void moved(Handle h, User actor, WorkItem before, WorkItem after) {
    for (WorkItemStateListener listener : stateListeners) {
      listener.moved(h, actor, before, after);
    }
  }

  /** A work item with the reader's access. */
  public record View(
      WorkItem item, ItemAccess access, Workflow workflow, WorkflowStore.Settings settings) {}

  public WorkItem create(User actor, String productRef, NewWorkItem in) {
    return create(actor, productRef, in, Map.of());
  }

  /** Creates a work item with values of the product's custom fields, all or nothing. */
  public WorkItem create(
      User actor,
      String productRef,
      NewWorkItem in,
      Map<String, com.fasterxml.jackson.databind.JsonNode> fieldValues) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "create work items");
          WorkItem created = create(h, actor, product, in);
          fields.set(h, actor, product, created.id(), created.type().id(), fieldValues);
          return store.byId(h, created.id()).orElseThrow();
        });
  }

  /** Creates a work item inside the caller's transaction (imports and the demo use this). */
  public WorkItem create(Handle h, User actor, ProductAccess product, NewWorkItem in) {
    WorkItemType type = WorkItemType.parse("type", in.type());
    String title = in.title() == null ? null : in.title().strip();
    String description = in.description() == null ? "" : in.description();
    validateTexts(
        title, description, in.storyRole(), in.storyGoal(), in.storyBenefit(), in.acceptance());
    Workflow workflow = workflows.workflow(h, product.id());
    WorkflowStore.Settings settings = workflows.settings(h, product.id());
    WorkflowState state =
        in.status() == null || in.status().isBlank()
            ? workflow.initial()
            : workflow.state("status", in.status());
    Estimate estimate = estimate(settings, in.estimate(), in.size());
    Long ownerId = owner(h, product, in.owner());
    WorkItem parent = parent(h, actor, product, in.parent());
    checkParent(type, parent);
    Item item = kernel.items().create(h, actor, product, WorkItemStore.KIND, title);
    store.insert(
        h,
        item.id(),
        new WorkItemStore.Row(
            product.id(),
            type,
            description,
            state.id(),
            ownerId,
            parent == null ? null : parent.id(),
            estimate.points(),
            estimate.size(),
            store.nextPosition(h, product.id(), state.id()),
            text(in.storyRole()),
            text(in.storyGoal()),
            text(in.storyBenefit()),
            text(in.acceptance())));
    if (in.tags() != null && !in.tags().isEmpty()) {
      kernel.tags().set(h, actor, item, in.tags());
    }
    WorkItem created = store.byId(h, item.id()).orElseThrow();
    kernel.search().put(h, WorkItemSearch.doc(created));
    if (state.id() != workflow.initial().id()) {
      moved(h, actor, null, created);
    }
    kernel
        .notifier()
        .mentioned(
            h,
            item,
            actor,
            Mentions.handles(description),
            actor.name() + " mentioned you in " + item.label());
    kernel
        .audit()
        .record(
            h,
            item.change(
                actor.id(),
                "work_item.created",
                "created the " + type.id() + " " + item.label(),
                null,
                fields(created)));
    return created;
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }

  private static void validateTexts(
      String title,
      String description,
      String role,
      String goal,
      String benefit,
      String acceptance) {
    new Validation()
        .text("title", title, 200)
        .optionalText("description", description, MAX_DESCRIPTION)
        .optionalText("story_role", role, 200)
        .optionalText("story_goal", goal, 1000)
        .optionalText("story_benefit", benefit, 1000)
        .optionalText("acceptance", acceptance, 50_000)
        .orThrow();
    io.hatrack.definition.story.AcceptanceCriteria.validate(acceptance);
  }

  /** An estimate in the product's unit. */
  private record Estimate(Double points, Size size) {}

  private static Estimate estimate(WorkflowStore.Settings settings, Double points, String size) {
    if (settings.estimateUnit() == EstimateUnit.SIZE) {
      if (points != null) {
        throw Invalid.field(
            "estimate", "this product estimates in t-shirt sizes; give a size such as M");
      }
      return new Estimate(null, size == null || size.isBlank() ? null : Size.parse("size", size));
    }
    if (size != null && !size.isBlank()) {
      throw Invalid.field(
          "size",
          "this product estimates in " + settings.estimateUnit().label() + "; give a number");
    }
    if (points != null && (points.isNaN() || points < 0 || points > 10_000)) {
      throw Invalid.field(
          "estimate", "must be a number from 0 to 10,000 " + settings.estimateUnit().label());
    }
    return new Estimate(points, null);
  }

  /**
   * The estimate after an update. One left alone stays as it is, even in a unit the product no
   * longer uses; a new one replaces the old, whose value in another unit is dropped.
   */
  private static Estimate estimate(
      WorkflowStore.Settings settings, WorkItem before, WorkItemChanges c) {
    if (!c.estimate().present() && !c.size().present()) {
      return new Estimate(before.estimate(), before.size());
    }
    boolean sized = settings.estimateUnit() == EstimateUnit.SIZE;
    Double points =
        c.estimate().present() ? c.estimate().value() : (sized ? null : before.estimate());
    String size =
        c.size().present()
            ? c.size().value()
            : (sized && before.size() != null ? before.size().id() : null);
    return estimate(settings, points, size);
  }

  private Long owner(Handle h, ProductAccess product, String ref) {
    if (ref == null || ref.isBlank() || ref.equalsIgnoreCase("none")) {
      return null;
    }
    return workspaces
        .memberByHandle(h, product.workspace().id(), ref)
        .map(User::id)
        .orElseThrow(
            () ->
                Invalid.field(
                    "owner",
                    "no member @" + ref.trim().replaceFirst("^@", "") + " in this workspace"));
  }

  private WorkItem parent(Handle h, User actor, ProductAccess product, String ref) {
    if (ref == null || ref.isBlank() || ref.equalsIgnoreCase("none")) {
      return null;
    }
    ItemAccess access;
    try {
      access = kernel.items().access(h, actor, ref.trim());
    } catch (NotFound e) {
      throw Invalid.field("parent", "no work item " + ref.trim() + " that you can see");
    }
    if (!access.item().kind().equals(WorkItemStore.KIND)
        || !Objects.equals(access.item().productId(), product.id())) {
      throw Invalid.field(
          "parent", ref.trim() + " is not a work item of " + product.product().name());
    }
    return store.byId(h, access.id()).orElseThrow();
  }

  private static void checkParent(WorkItemType type, WorkItem parent) {
    if (parent != null && !type.mayBeUnder(parent.type())) {
      throw Invalid.field(
          "parent",
          "a "
              + type.id()
              + " cannot sit under a "
              + parent.type().id()
              + " ("
              + (type.allowedParents().isEmpty()
                  ? "it is always at the top"
                  : "it may sit under: "
                      + String.join(
                          ", ", type.allowedParents().stream().map(WorkItemType::id).toList()))
              + ")");
    }
  }

  public View get(User actor, String ref) {
    return db.tx(h -> view(h, actor, ref));
  }

  private View view(Handle h, User actor, String ref) {
    ItemAccess access = workItemAccess(h, actor, ref);
    WorkItem item = store.byId(h, access.id()).orElseThrow();
    long productId = item.item().productId();
    return new View(
        item, access, workflows.workflow(h, productId), workflows.settings(h, productId));
  }

  private ItemAccess workItemAccess(Handle h, User actor, String ref) {
    ItemAccess access = kernel.items().access(h, actor, ref);
    if (!access.item().kind().equals(WorkItemStore.KIND)) {
      throw new NotFound("work item");
    }
    return access;
  }

  /**
   * Turns the text of a query box into SQL over one product's items, inside the caller's
   * transaction; throws {@link Invalid} (field {@code q}) pointing at what it cannot read.
   */
  @FunctionalInterface
  public interface QueryCompiler {
    WorkItemStore.SqlFilter compile(Handle h, ProductAccess product, User actor, String q);

    /** Matches the words of the query against titles, most recently updated first. */
    QueryCompiler TITLE_WORDS =
        (h, product, actor, q) -> {
          StringBuilder where = new StringBuilder();
          Map<String, Object> params = new LinkedHashMap<>();
          int n = 0;
          for (String word : q == null ? new String[0] : q.trim().split("\\s+")) {
            if (word.isEmpty()) {
              continue;
            }
            String name = "word" + n++;
            // '!' rather than a backslash: JDBI's parser reads '\' as an open quote, so a second
            // word's parameter would vanish into a string literal.
            where.append(" AND e.search_title LIKE :").append(name).append(" ESCAPE '!'");
            params.put(name, "%" + likeEscape(EntityStore.searchable(word)) + "%");
          }
          return new WorkItemStore.SqlFilter(
              where.toString(), params, WorkItemStore.SqlFilter.NONE.orderBy());
        };
  }

  /** Escapes LIKE's wildcards with '!', the escape character {@link #TITLE_WORDS} declares. */
  static String likeEscape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** One page of a product's items, with what a page showing them needs. */
  public record Listing(ProductAccess product, Workflow workflow, Slice<WorkItem> slice) {}

  /**
   * A page of a product's items: of one {@code type} (or all), matching the query {@code q}, from
   * {@code cursor} (null: the start).
   */
  public Listing list(
      User actor, String productRef, String type, String q, String cursor, int limit) {
    return list(actor, productRef, type, q, null, cursor, limit);
  }

  /** The columns a listing may be sorted by, and their SQL. */
  public static final Map<String, String> SORTS =
      Map.of(
          "key", "e.number",
          "title", "e.search_title",
          "type", "w.type",
          "status", "s.position",
          "owner", "o.handle",
          "estimate", "w.estimate",
          "rank", "w.position",
          "updated", "e.updated_at",
          "created", "e.created_at");

  /**
   * As {@link #list(User, String, String, String, String, int)}, sorted by {@code sort} (a column
   * of {@link #SORTS}, descending with a leading minus) instead of the query's own order.
   */
  public Listing list(
      User actor, String productRef, String type, String q, String sort, String cursor, int limit) {
    String order = null;
    if (sort != null && !sort.isBlank()) {
      boolean desc = sort.startsWith("-");
      String column = SORTS.get(desc ? sort.substring(1) : sort);
      if (column == null) {
        throw Invalid.field(
            "sort", "must be one of " + String.join(", ", new java.util.TreeSet<>(SORTS.keySet())));
      }
      String dir = desc ? " DESC" : " ASC";
      boolean nullable = column.startsWith("o.") || column.equals("w.estimate");
      order =
          column + dir + (nullable ? (desc ? " NULLS LAST" : " NULLS FIRST") : "") + ", e.id" + dir;
    }
    String orderBy = order;
    WorkItemType only = type == null || type.isBlank() ? null : WorkItemType.parse("type", type);
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    long at = cursor == null || cursor.isBlank() ? 0 : Cursor.decode(cursor, 1)[0];
    if (at < 0 || at > Integer.MAX_VALUE - limit - 1) {
      throw Invalid.field("cursor", "is not a cursor that this listing gave out");
    }
    int offset = (int) at;
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          WorkItemStore.SqlFilter filter = queries.compile(h, product, actor, q);
          if (orderBy != null) {
            filter = new WorkItemStore.SqlFilter(filter.where(), filter.params(), orderBy);
          }
          if (only != null) {
            Map<String, Object> params = new LinkedHashMap<>(filter.params());
            params.put("onlyType", only.id());
            filter =
                new WorkItemStore.SqlFilter(
                    filter.where() + " AND w.type = :onlyType", params, filter.orderBy());
          }
          long total = store.count(h, product.id(), filter);
          List<WorkItem> items =
              offset >= total
                  ? List.of()
                  : store.list(h, product.id(), filter, total, offset, limit + 1);
          String next = null;
          if (items.size() > limit) {
            items = items.subList(0, limit);
            next = Cursor.encode(offset + limit);
          }
          return new Listing(
              product, workflows.workflow(h, product.id()), new Slice<>(items, total, next));
        });
  }

  /**
   * The tags of a page of work items the caller has already read (and so may see), by item id,
   * inside the caller's read.
   */
  public Map<Long, List<String>> tags(Handle h, java.util.Collection<Long> itemIds) {
    return kernel.tags().forItems(h, itemIds);
  }

  /** Live items directly under an item, in rank order. */
  public List<WorkItem> children(User actor, String ref) {
    return db.read(h -> store.children(h, workItemAccess(h, actor, ref).id()));
  }

  /** The top-level items of a product, in rank order. */
  public List<WorkItem> roots(User actor, String productRef, int limit) {
    return db.read(h -> store.roots(h, products.access(h, actor, productRef).id(), limit));
  }

  /** Changes a work item if it is still at {@code expectedVersion}. */
  public WorkItem update(User actor, String ref, long expectedVersion, WorkItemChanges c) {
    return update(actor, ref, expectedVersion, c, Map.of());
  }

  /**
   * Changes a work item and values of its custom fields (absent fields kept, null clears) if it is
   * still at {@code expectedVersion}; all or nothing.
   */
  public WorkItem update(
      User actor,
      String ref,
      long expectedVersion,
      WorkItemChanges c,
      Map<String, com.fasterxml.jackson.databind.JsonNode> fieldValues) {
    return update(actor, ref, expectedVersion, c, fieldValues, null);
  }

  /**
   * As {@link #update(User, String, long, WorkItemChanges, Map)}, and sets exactly these tags
   * (null: the tags are kept), in the same transaction.
   */
  public WorkItem update(
      User actor,
      String ref,
      long expectedVersion,
      WorkItemChanges c,
      Map<String, com.fasterxml.jackson.databind.JsonNode> fieldValues,
      List<String> tags) {
    return db.tx(
        h -> {
          WorkItem changed = updateInside(h, actor, ref, expectedVersion, c, true);
          if (tags != null) {
            kernel.tags().set(h, actor, changed.item(), tags);
          }
          ProductAccess product =
              products.access(h, actor, Long.toString(changed.item().productId()));
          if (!fieldValues.isEmpty()) {
            fields.set(h, actor, product, changed.id(), changed.type().id(), fieldValues);
          } else {
            fields.recompute(h, product.id(), changed.id(), changed.estimate());
          }
          return changed;
        });
  }

  /**
   * Changes a work item inside the caller's transaction for an importer: as {@link #update}, at the
   * item's current version, but the status is taken as the other tool gives it, whatever moves this
   * product's workflow allows (the item moved through the other tool's workflow there). Tags are
   * set when not null.
   */
  public WorkItem importChanges(
      Handle h, User actor, long itemId, WorkItemChanges c, List<String> tags) {
    long version = workItemAccess(h, actor, Long.toString(itemId)).item().version();
    WorkItem changed = updateInside(h, actor, Long.toString(itemId), version, c, false);
    if (tags != null) {
      kernel.tags().set(h, actor, changed.item(), tags);
    }
    fields.recompute(h, changed.item().productId(), changed.id(), changed.estimate());
    return changed;
  }

  private WorkItem updateInside(
      Handle h,
      User actor,
      String ref,
      long expectedVersion,
      WorkItemChanges c,
      boolean checkMoves) {
    View view = view(h, actor, ref);
    view.access().require(Role.EDITOR, "edit work items");
    WorkItem before = view.item();
    ProductAccess product = products.access(h, actor, Long.toString(before.item().productId()));
    String title = c.title().present() ? text(c.title().value()) : before.title();
    WorkItemType type =
        c.type().present() ? WorkItemType.parse("type", c.type().value()) : before.type();
    String description = c.description().or(before.description());
    description = description == null ? "" : description;
    String role = c.storyRole().present() ? text(c.storyRole().value()) : before.storyRole();
    String goal = c.storyGoal().present() ? text(c.storyGoal().value()) : before.storyGoal();
    String benefit =
        c.storyBenefit().present() ? text(c.storyBenefit().value()) : before.storyBenefit();
    String acceptance =
        c.acceptance().present() ? text(c.acceptance().value()) : before.acceptance();
    validateTexts(title, description, role, goal, benefit, acceptance);
    WorkflowState state = before.state();
    if (c.status().present()) {
      state = view.workflow().state("status", c.status().value());
      if (checkMoves) {
        view.workflow().checkMove(before.state(), state);
      }
    }
    Estimate estimate = estimate(view.settings(), before, c);
    Long ownerId =
        c.owner().present()
            ? owner(h, product, c.owner().value())
            : (before.owner() == null ? null : before.owner().id());
    Long parentId = before.parent() == null ? null : before.parent().id();
    WorkItem parent = null;
    if (c.parent().present()) {
      parent = parent(h, actor, product, c.parent().value());
      checkNoCycle(h, before, parent);
      parentId = parent == null ? null : parent.id();
    } else if (parentId != null) {
      parent = store.byId(h, parentId).orElse(null);
    }
    // Only a new place or a new type is checked: a delete may have moved the item up under
    // a parent its type would not choose, and that must not block editing its other fields.
    if (c.parent().present() || type != before.type()) {
      checkParent(type, parent);
    }
    checkChildrenFit(h, before, type);
    double position =
        c.position().present() && c.position().value() != null
            ? c.position().value()
            : before.position();
    if (state.id() != before.state().id() && !c.position().present()) {
      position = store.nextPosition(h, product.id(), state.id());
    }
    kernel.items().bump(h, actor, before.item(), expectedVersion, title);
    store.update(
        h,
        before.id(),
        new WorkItemStore.Row(
            product.id(),
            type,
            description,
            state.id(),
            ownerId,
            parentId,
            estimate.points(),
            estimate.size(),
            position,
            role,
            goal,
            benefit,
            acceptance));
    WorkItem after = store.byId(h, before.id()).orElseThrow();
    kernel.search().put(h, WorkItemSearch.doc(after));
    if (after.state().id() != before.state().id()) {
      moved(h, actor, before, after);
    }
    record(h, actor, before, after, description);
    return after;
  }

  private void checkNoCycle(Handle h, WorkItem item, WorkItem newParent) {
    if (newParent == null) {
      return;
    }
    if (newParent.id() == item.id()) {
      throw Invalid.field("parent", "an item cannot be its own parent");
    }
    List<Long> above = store.ancestors(h, newParent.id(), MAX_DEPTH);
    if (above.contains(item.id())) {
      throw Invalid.field(
          "parent",
          newParent.key()
              + " sits under "
              + item.key()
              + ", so "
              + item.key()
              + " cannot move under it (that would be a loop)");
    }
  }

  private void checkChildrenFit(Handle h, WorkItem item, WorkItemType newType) {
    if (newType == item.type() || item.children() == 0) {
      return;
    }
    for (WorkItem child : store.children(h, item.id())) {
      if (!child.type().mayBeUnder(newType)) {
        throw Invalid.field(
            "type",
            "its child "
                + child.key()
                + " (a "
                + child.type().id()
                + ") cannot sit under a "
                + newType.id()
                + "; move it first");
      }
    }
  }

  private void record(Handle h, User actor, WorkItem before, WorkItem after, String description) {
    Map<String, Object> was = new LinkedHashMap<>();
    Map<String, Object> now = new LinkedHashMap<>();
    Map<String, Object> b = fields(before);
    Map<String, Object> a = fields(after);
    for (String key : a.keySet()) {
      if (!Objects.equals(b.get(key), a.get(key))) {
        was.put(key, b.get(key));
        now.put(key, a.get(key));
      }
    }
    if (now.isEmpty()) {
      return;
    }
    Item item = after.item();
    String summary =
        now.size() == 1 && now.containsKey("status")
            ? "moved " + item.label() + " to " + after.state().name()
            : now.size() == 1 && now.containsKey("parent")
                ? "moved "
                    + item.label()
                    + (after.parent() == null
                        ? " to the top level"
                        : " under " + after.parent().key())
                : "edited " + item.label();
    Set<String> added = Mentions.handles(description);
    added.removeAll(Mentions.handles(before.description()));
    Set<Long> told =
        new HashSet<>(
            kernel
                .notifier()
                .mentioned(
                    h, item, actor, added, actor.name() + " mentioned you in " + item.label()));
    kernel.notifier().watchers(h, item, actor, actor.name() + " " + summary, told);
    kernel
        .audit()
        .record(
            h,
            item.change(
                actor.id(),
                now.containsKey("status") ? "work_item.status_changed" : "work_item.updated",
                summary,
                was,
                now));
  }

  private static Map<String, Object> fields(WorkItem w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", w.title());
    m.put("type", w.type().id());
    m.put("status", w.state().name());
    m.put("owner", w.owner() == null ? null : w.owner().handle());
    m.put("parent", w.parent() == null ? null : w.parent().key());
    m.put("estimate", w.estimateText());
    m.put("description", w.description());
    m.put("story", w.storyRole() + " | " + w.storyGoal() + " | " + w.storyBenefit());
    m.put("acceptance", w.acceptance());
    return m;
  }

  /**
   * Deletes a work item (it can be restored); its children move up to its parent so that none is
   * left hanging.
   */
  public int delete(User actor, String ref, long expectedVersion) {
    return db.tx(
        h -> {
          View view = view(h, actor, ref);
          WorkItem item = view.item();
          kernel.items().delete(h, actor, view.access(), expectedVersion);
          kernel.search().remove(h, item.id());
          int moved =
              store.reparentChildren(
                  h, item.id(), item.parent() == null ? null : item.parent().id());
          kernel
              .audit()
              .record(
                  h,
                  item.item()
                      .change(
                          actor.id(),
                          "work_item.deleted",
                          "deleted "
                              + item.item().label()
                              + (moved > 0 ? " (" + moved + " item(s) moved up)" : ""),
                          Map.of("title", item.title()),
                          null));
          return moved;
        });
  }

  public WorkItem restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = kernel.items().accessIncludingDeleted(h, actor, ref);
          if (!access.item().kind().equals(WorkItemStore.KIND)) {
            throw new NotFound("work item");
          }
          Item item = kernel.items().restore(h, actor, access);
          kernel
              .audit()
              .record(
                  h,
                  item.change(
                      actor.id(),
                      "work_item.restored",
                      "restored " + item.label(),
                      null,
                      Map.of("title", item.title())));
          WorkItem restored = store.byId(h, item.id()).orElseThrow();
          kernel.search().put(h, WorkItemSearch.doc(restored));
          return restored;
        });
  }

  /** Rank a moved item between two neighbours (either may be null at the ends). */
  public static double between(Double before, Double after) {
    if (before == null && after == null) {
      return 1024;
    }
    if (before == null) {
      return after - 1024;
    }
    if (after == null) {
      return before + 1024;
    }
    return (before + after) / 2;
  }
}
