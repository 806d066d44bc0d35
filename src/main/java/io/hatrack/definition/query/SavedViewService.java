package io.hatrack.definition.query;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Saved views: named queries with a layout, grouping and columns, shared in a product. Every member
 * reads them; editors create, change and delete them. A view's query must compile for the product
 * (so a saved view never holds a mistake), its grouping must be {@code status} or a select field,
 * and its columns must be known column ids.
 */
public final class SavedViewService {
  /** The longest name accepted, in characters. */
  public static final int MAX_NAME = 80;

  /** The most columns a view may list. */
  public static final int MAX_COLUMNS = 30;

  private final Database db;
  private final SavedViewStore store;
  private final ProductService products;
  private final WorkItemQuery queries;
  private final AuditLog audit;
  private final Clock clock;

  public SavedViewService(
      Database db,
      SavedViewStore store,
      ProductService products,
      WorkItemQuery queries,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.queries = queries;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What a person gives for a view. On create, null means the default (layout {@code list}, an
   * empty query, no grouping, the default columns); on update, null keeps the current value.
   */
  public record ViewInput(
      String name, String layout, String query, String groupBy, List<String> columns) {}

  /** A product's views, by name. */
  public List<SavedView> list(User actor, String productRef) {
    return db.read(h -> store.list(h, products.access(h, actor, productRef).id()));
  }

  /** A product's views by name, inside the caller's transaction (for pages). */
  public List<SavedView> list(Handle h, ProductAccess product) {
    return store.list(h, product.id());
  }

  /**
   * What a list or board page of the product offers: its views of {@code layout} (and the picked
   * one, whatever its layout), the view {@code viewRef} names (blank: none; an id that is not a
   * view of the product gives none and {@code missing}), the columns and the groupings.
   */
  public ViewChoices choices(User actor, String productRef, ViewLayout layout, String viewRef) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<SavedView> all = store.list(h, product.id());
          Optional<SavedView> picked = Optional.empty();
          String ref = viewRef == null ? "" : viewRef.strip();
          if (!ref.isEmpty()) {
            picked = all.stream().filter(v -> Long.toString(v.id()).equals(ref)).findFirst();
          }
          long pickedId = picked.map(SavedView::id).orElse(-1L);
          List<SavedView> offered =
              all.stream().filter(v -> v.layout() == layout || v.id() == pickedId).toList();
          List<ViewChoices.Column> columns = new ArrayList<>();
          WorkItemQuery.COLUMNS.forEach(id -> columns.add(ViewChoices.Column.builtIn(id)));
          queries
              .fields(h, product.id())
              .forEach(f -> columns.add(new ViewChoices.Column(f.key(), f.name(), true)));
          List<ViewChoices.Grouping> groupings = groupings(h, product);
          return new ViewChoices(
              offered, picked, !ref.isEmpty() && picked.isEmpty(), columns, groupings);
        });
  }

  /** What a board of the product can group by: status, then its single-select fields. */
  public List<ViewChoices.Grouping> groupings(Handle h, ProductAccess product) {
    List<ViewChoices.Grouping> groupings = new ArrayList<>();
    groupings.add(new ViewChoices.Grouping(ViewChoices.STATUS, "Status", List.of()));
    for (FieldCatalog.CustomField f : queries.fields(h, product.id())) {
      if (f.type() == FieldCatalog.Type.SELECT) {
        groupings.add(new ViewChoices.Grouping(f.key(), f.name(), f.options()));
      }
    }
    return groupings;
  }

  /**
   * Compiles {@code q} for the product as {@code actor} would run it: the compiled query, or the
   * {@link QueryError} to underline. For the query box's live check.
   */
  public WorkItemQuery.Outcome checkQuery(User actor, String productRef, String q) {
    return db.read(h -> queries.attempt(h, products.access(h, actor, productRef), actor, q));
  }

  public SavedView get(User actor, String productRef, long viewId) {
    return db.read(h -> view(h, products.access(h, actor, productRef), viewId));
  }

  /** A view of the product inside the caller's transaction; {@link NotFound} when there is none. */
  public SavedView get(Handle h, ProductAccess product, long viewId) {
    return view(h, product, viewId);
  }

  private SavedView view(Handle h, ProductAccess product, long viewId) {
    return store.byId(h, product.id(), viewId).orElseThrow(() -> new NotFound("view"));
  }

  public SavedView create(User actor, String productRef, ViewInput in) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "save views");
          return create(h, actor, product, in);
        });
  }

  /** Creates a view inside the caller's transaction (the demo uses this). */
  public SavedView create(Handle h, User actor, ProductAccess product, ViewInput in) {
    SavedViewStore.Row row =
        validate(
            h,
            actor,
            product,
            new SavedViewStore.Row(
                in.name() == null ? null : in.name().strip(),
                in.layout() == null ? ViewLayout.LIST : ViewLayout.parse("layout", in.layout()),
                in.query() == null ? "" : in.query().strip(),
                in.groupBy() == null ? "" : in.groupBy().strip(),
                in.columns() == null ? List.of() : in.columns()),
            null);
    long id = store.insert(h, product.id(), row, actor.id(), clock.instant());
    SavedView created = store.byId(h, product.id(), id).orElseThrow();
    audit.record(
        h,
        new Change(
            product.workspace().id(),
            product.id(),
            null,
            actor.id(),
            "view.created",
            "saved the view \u201c" + created.name() + "\u201d",
            null,
            fields(created),
            true));
    return created;
  }

  /** Changes a view if it is still at {@code expectedVersion}; null fields are kept. */
  public SavedView update(
      User actor, String productRef, long viewId, long expectedVersion, ViewInput in) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "change saved views");
          SavedView before = view(h, product, viewId);
          SavedViewStore.Row row =
              validate(
                  h,
                  actor,
                  product,
                  new SavedViewStore.Row(
                      in.name() == null ? before.name() : in.name().strip(),
                      in.layout() == null
                          ? before.layout()
                          : ViewLayout.parse("layout", in.layout()),
                      in.query() == null ? before.query() : in.query().strip(),
                      in.groupBy() == null ? before.groupBy() : in.groupBy().strip(),
                      in.columns() == null ? before.columns() : in.columns()),
                  before);
          if (!store.update(h, viewId, expectedVersion, row, clock.instant())) {
            throw Conflict.staleVersion("The view", expectedVersion, before.version());
          }
          SavedView after = store.byId(h, product.id(), viewId).orElseThrow();
          Map<String, Object> was = new LinkedHashMap<>();
          Map<String, Object> now = new LinkedHashMap<>();
          Map<String, Object> b = fields(before);
          fields(after)
              .forEach(
                  (k, v) -> {
                    if (!v.equals(b.get(k))) {
                      was.put(k, b.get(k));
                      now.put(k, v);
                    }
                  });
          if (!now.isEmpty()) {
            audit.record(
                h,
                new Change(
                    product.workspace().id(),
                    product.id(),
                    null,
                    actor.id(),
                    "view.updated",
                    "changed the view \u201c" + after.name() + "\u201d",
                    was,
                    now,
                    true));
          }
          return after;
        });
  }

  /** Deletes a view if it is still at {@code expectedVersion}. */
  public void delete(User actor, String productRef, long viewId, long expectedVersion) {
    db.txVoid(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "delete saved views");
          SavedView view = view(h, product, viewId);
          if (!store.delete(h, viewId, expectedVersion)) {
            throw Conflict.staleVersion("The view", expectedVersion, view.version());
          }
          audit.record(
              h,
              new Change(
                  product.workspace().id(),
                  product.id(),
                  null,
                  actor.id(),
                  "view.deleted",
                  "deleted the view \u201c" + view.name() + "\u201d",
                  fields(view),
                  null,
                  true));
        });
  }

  private static Map<String, Object> fields(SavedView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", v.name());
    m.put("layout", v.layout().id());
    m.put("query", v.query());
    m.put("group_by", v.groupBy());
    m.put("columns", String.join(",", v.columns()));
    return m;
  }

  /** Checks every value (all mistakes at once), the query against the product, the name's use. */
  private SavedViewStore.Row validate(
      Handle h, User actor, ProductAccess product, SavedViewStore.Row row, SavedView self) {
    Validation v = new Validation();
    v.text("name", row.name(), MAX_NAME);
    v.optionalText("query", row.query(), 2000);
    if (!v.has("query")) {
      WorkItemQuery.Outcome outcome = queries.attempt(h, product, actor, row.query());
      if (outcome instanceof QueryError error) {
        v.check("query", false, error.reason(row.query()));
      }
    }
    List<FieldCatalog.CustomField> custom = queries.fields(h, product.id());
    String group = row.groupBy().toLowerCase(Locale.ROOT);
    List<String> groupable = new ArrayList<>(List.of("status"));
    custom.stream()
        .filter(f -> f.type() == FieldCatalog.Type.SELECT)
        .forEach(f -> groupable.add(f.key()));
    String groupKey =
        groupable.stream().filter(g -> g.equalsIgnoreCase(group)).findFirst().orElse(null);
    v.check(
        "group_by",
        group.isEmpty() || groupKey != null,
        "must be status or the key of a select field (" + String.join(", ", groupable) + ")");
    List<String> known = queries.columns(h, product.id());
    List<String> columns = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    v.check(
        "columns",
        row.columns().size() <= MAX_COLUMNS,
        "a view shows at most " + MAX_COLUMNS + " columns");
    for (int i = 0; i < row.columns().size() && !v.has("columns"); i++) {
      String given = row.columns().get(i) == null ? "" : row.columns().get(i).trim();
      String column =
          known.stream().filter(k -> k.equalsIgnoreCase(given)).findFirst().orElse(null);
      v.check(
          "columns[" + i + "]",
          column != null,
          "unknown column \""
              + given
              + "\"; columns are "
              + known.stream().collect(Collectors.joining(", ")));
      v.check(
          "columns[" + i + "]",
          column == null || seen.add(column),
          "\"" + given + "\" is listed twice");
      if (column != null) {
        columns.add(column);
      }
    }
    v.orThrow();
    store
        .byName(h, product.id(), row.name())
        .filter(other -> self == null || other.id() != self.id())
        .ifPresent(
            other -> {
              throw Conflict.taken("A view named", row.name());
            });
    return new SavedViewStore.Row(
        row.name(), row.layout(), row.query(), groupKey == null ? "" : groupKey, columns);
  }
}
