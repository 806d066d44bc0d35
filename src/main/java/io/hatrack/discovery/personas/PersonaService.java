package io.hatrack.discovery.personas;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The personas of a product: creating, changing with optimistic locking, deleting and restoring. A
 * persona is an item of its product, with a key such as {@code CHK-12}, so it can be linked to the
 * features that serve it and commented on.
 */
public final class PersonaService {
  /** The kind of a persona in the entity table. */
  public static final String KIND = PersonaStore.KIND;

  public static final int MAX_NAME = 200;
  public static final int MAX_TEXT = 20_000;

  private final Database db;
  private final PersonaStore store;
  private final ProductService products;
  private final ItemService items;
  private final AuditLog audit;

  public PersonaService(
      Database db, PersonaStore store, ProductService products, ItemService items, AuditLog audit) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.items = items;
    this.audit = audit;
  }

  /** A persona with the reader's access. */
  public record View(Persona persona, ItemAccess access) {}

  public Persona create(User actor, String productRef, PersonaDraft draft) {
    return db.tx(h -> create(h, actor, products.access(h, actor, productRef), draft));
  }

  /** Creates a persona inside the caller's transaction (the demo uses this). */
  public Persona create(Handle h, User actor, ProductAccess product, PersonaDraft draft) {
    product.require(Role.EDITOR, "create personas");
    PersonaDraft d = check(draft);
    Item item = items.create(h, actor, product, KIND, d.name());
    store.insert(h, item.id(), product.id(), d);
    audit.record(
        h,
        item.change(
            actor.id(), "persona.created", "created the persona " + item.label(), null, fields(d)));
    return store.byId(h, item.id()).orElseThrow();
  }

  public View get(User actor, String ref) {
    return db.read(
        h -> {
          ItemAccess access = personaAccess(h, actor, ref, false);
          return new View(store.byId(h, access.id()).orElseThrow(), access);
        });
  }

  private ItemAccess personaAccess(Handle h, User actor, String ref, boolean deletedToo) {
    ItemAccess access =
        deletedToo ? items.accessIncludingDeleted(h, actor, ref) : items.access(h, actor, ref);
    if (!access.item().kind().equals(KIND)) {
      throw new NotFound("persona");
    }
    return access;
  }

  /** A page of a product's personas, with the product as the reader sees it. */
  public record Listing(Slice<Persona> slice, ProductAccess product) {}

  /** A page of a product's personas, by name. */
  public Listing list(User actor, String productRef, String cursor, int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    long offset =
        cursor == null || cursor.isBlank() ? 0 : Math.max(0, Cursor.decode(cursor.trim(), 1)[0]);
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<Persona> rows = store.list(h, product.id(), offset, limit + 1);
          boolean more = rows.size() > limit;
          return new Listing(
              new Slice<>(
                  more ? rows.subList(0, limit) : rows,
                  items.liveCount(h, product.id(), KIND),
                  more ? Cursor.encode(offset + limit) : null),
              product);
        });
  }

  /** Replaces a persona's fields if it is still at {@code expectedVersion}. */
  public Persona update(User actor, String ref, long expectedVersion, PersonaDraft draft) {
    return db.tx(
        h -> {
          ItemAccess access =
              personaAccess(h, actor, ref, false).require(Role.EDITOR, "change personas");
          Persona before = store.byId(h, access.id()).orElseThrow();
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This persona", expectedVersion, before.version());
          }
          PersonaDraft d = check(draft);
          items.bump(h, actor, before.item(), expectedVersion, d.name());
          store.update(h, before.id(), d);
          Map<String, Object> was =
              fields(
                  new PersonaDraft(
                      before.name(), before.description(), before.goals(), before.pains()));
          Map<String, Object> now = fields(d);
          Map<String, Object> changedBefore = new LinkedHashMap<>();
          Map<String, Object> changedAfter = new LinkedHashMap<>();
          for (String field : now.keySet()) {
            if (!Objects.equals(was.get(field), now.get(field))) {
              changedBefore.put(field, was.get(field));
              changedAfter.put(field, now.get(field));
            }
          }
          Persona after = store.byId(h, before.id()).orElseThrow();
          audit.record(
              h,
              before
                  .item()
                  .change(
                      actor.id(),
                      "persona.updated",
                      "edited the persona " + after.item().label(),
                      changedBefore,
                      changedAfter));
          return after;
        });
  }

  public void delete(User actor, String ref, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access = personaAccess(h, actor, ref, false);
          items.delete(h, actor, access, expectedVersion);
          audit.record(
              h,
              access
                  .item()
                  .change(
                      actor.id(),
                      "persona.deleted",
                      "deleted the persona " + access.item().label(),
                      Map.of("name", access.item().title()),
                      null));
        });
  }

  public Persona restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = personaAccess(h, actor, ref, true);
          Item item = items.restore(h, actor, access);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "persona.restored",
                  "restored the persona " + item.label(),
                  null,
                  Map.of("name", item.title())));
          return store.byId(h, item.id()).orElseThrow();
        });
  }

  private static PersonaDraft check(PersonaDraft d) {
    String name = d.name() == null ? null : d.name().strip();
    String description = d.description() == null ? "" : d.description();
    String goals = d.goals() == null ? "" : d.goals();
    String pains = d.pains() == null ? "" : d.pains();
    new Validation()
        .text("name", name, MAX_NAME)
        .optionalText("description", description, MAX_TEXT)
        .optionalText("goals", goals, MAX_TEXT)
        .optionalText("pains", pains, MAX_TEXT)
        .orThrow();
    return new PersonaDraft(name, description, goals, pains);
  }

  private static Map<String, Object> fields(PersonaDraft d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.name());
    m.put("description", d.description());
    m.put("goals", d.goals());
    m.put("pains", d.pains());
    return m;
  }
}
