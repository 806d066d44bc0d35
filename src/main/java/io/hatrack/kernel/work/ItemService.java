package io.hatrack.kernel.work;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The identity of every item: creating it with its human key, finding it by id or key with the
 * caller's access, and moving its version on with optimistic locking. Hat services call these
 * inside their own transactions and then write their own table.
 */
public final class ItemService {
  private final Database db;
  private final EntityStore entities;
  private final ProductStore products;
  private final WorkspaceStore workspaceStore;
  private final WatcherStore watchers;
  private final Clock clock;

  public ItemService(
      Database db,
      EntityStore entities,
      ProductStore products,
      WorkspaceStore workspaceStore,
      WatcherStore watchers,
      Clock clock) {
    this.db = db;
    this.entities = entities;
    this.products = products;
    this.workspaceStore = workspaceStore;
    this.watchers = watchers;
    this.clock = clock;
  }

  /**
   * Creates the entity row of a new item in {@code product}, numbered in the product's sequence;
   * the creator watches it. Needs the editor role.
   */
  public Item create(Handle h, User actor, ProductAccess product, String kind, String title) {
    product.require(Role.EDITOR, "create items");
    long number = products.takeNumber(h, product.id());
    long id =
        entities.insert(
            h,
            product.workspace().id(),
            product.id(),
            kind,
            number,
            title,
            actor.id(),
            clock.instant());
    watchers.watch(h, id, actor.id());
    entities.adjustCount(h, product.id(), kind, 1);
    return entities.byId(h, id).orElseThrow();
  }

  /**
   * Creates the entity rows of many new items of one kind in {@code product} at once (an import),
   * numbered in the product's sequence and watched by their creator, in batches rather than one
   * statement after another; answers their ids in the order of {@code titles}. Needs the editor
   * role.
   */
  public List<Long> createAll(
      Handle h, User actor, ProductAccess product, String kind, List<String> titles) {
    product.require(Role.EDITOR, "create items");
    if (titles.isEmpty()) {
      return List.of();
    }
    long first = products.takeNumbers(h, product.id(), titles.size());
    List<Long> ids =
        entities.insertAll(
            h,
            product.workspace().id(),
            product.id(),
            kind,
            first,
            titles,
            actor.id(),
            clock.instant());
    watchers.watchAll(h, ids, actor.id());
    entities.adjustCount(h, product.id(), kind, titles.size());
    return ids;
  }

  /**
   * Creates the entity row of a new item that belongs to a whole workspace rather than to one of
   * its products (a customer, shared by every product): it has no product and no key. The creator
   * watches it. Needs the editor role.
   */
  public Item createInWorkspace(
      Handle h, User actor, WorkspaceAccess ws, String kind, String title) {
    ws.require(Role.EDITOR, "create items");
    long id = entities.insert(h, ws.id(), null, kind, null, title, actor.id(), clock.instant());
    watchers.watch(h, id, actor.id());
    return entities.byId(h, id).orElseThrow();
  }

  /** How many live items of {@code kind} the product has; kept exact, read in constant time. */
  public long liveCount(Handle h, long productId, String kind) {
    return entities.liveCount(h, productId, kind);
  }

  /** A live item by id or key ({@code CHK-42}), if the caller is a member of its workspace. */
  public ItemAccess access(User actor, String ref) {
    return db.read(h -> access(h, actor, ref));
  }

  public ItemAccess access(Handle h, User actor, String ref) {
    ItemAccess access = accessIncludingDeleted(h, actor, ref);
    if (access.item().deleted()) {
      throw new NotFound("item");
    }
    return access;
  }

  public ItemAccess access(Handle h, User actor, long id) {
    return access(h, actor, Long.toString(id));
  }

  /**
   * A live item by id or key, where a key of {@code product} means that product's item even when
   * another of the caller's workspaces has a product with the same key: for addresses under a
   * product ({@code /products/{product}/escalations/CHK-7}).
   */
  public ItemAccess access(Handle h, User actor, ProductAccess product, String ref) {
    Ref r = new Ref(ref);
    if (r.id().isEmpty() && product.product().key().equalsIgnoreCase(r.productKey())) {
      Item item =
          entities.byNumber(h, product.id(), r.number()).orElseThrow(() -> new NotFound("item"));
      return access(h, actor, item.id());
    }
    return access(h, actor, ref);
  }

  /** Like {@link #access}, but also finds deleted items, for restoring them. */
  public ItemAccess accessIncludingDeleted(Handle h, User actor, String ref) {
    Ref r = new Ref(ref);
    long id = r.id().isPresent() ? r.id().getAsLong() : find(h, actor, r).id();
    EntityStore.Located found =
        entities
            .locate(h, id, actor.id())
            .filter(l -> l.role() != null)
            .orElseThrow(() -> new NotFound("item"));
    return new ItemAccess(found.item(), new WorkspaceAccess(found.workspace(), found.role()));
  }

  private Item find(Handle h, User actor, Ref ref) {
    if (ref.id().isPresent()) {
      return entities.byId(h, ref.id().getAsLong()).orElseThrow(() -> new NotFound("item"));
    }
    if (ref.productKey() == null) {
      throw Invalid.field("item", "must be an id such as 42 or a key such as CHK-42");
    }
    List<Long> mine =
        workspaceStore.forUser(h, actor.id()).stream().map(WorkspaceAccess::id).toList();
    List<Product> candidates = products.byKeyIn(h, mine, ref.productKey());
    if (candidates.size() > 1) {
      throw Invalid.field(
          "item", "the key " + ref.text() + " exists in several of your workspaces; use the id");
    }
    return candidates.stream()
        .findFirst()
        .flatMap(p -> entities.byNumber(h, p.id(), ref.number()))
        .orElseThrow(() -> new NotFound("item"));
  }

  /**
   * Moves a changed item's version on by one, with its (possibly new) title, if nobody else changed
   * it since {@code expectedVersion}; otherwise a version conflict. Returns the new version.
   */
  public long bump(Handle h, User actor, Item item, long expectedVersion, String title) {
    return entities
        .bump(h, item.id(), expectedVersion, title, actor.id(), clock.instant())
        .orElseThrow(() -> stale(h, item, expectedVersion));
  }

  /** Deletes an item so that it can be restored; a version conflict if it changed meanwhile. */
  public long delete(Handle h, User actor, ItemAccess access, long expectedVersion) {
    access.require(Role.EDITOR, "delete items");
    long version =
        entities
            .markDeleted(h, access.id(), expectedVersion, actor.id(), clock.instant())
            .orElseThrow(() -> stale(h, access.item(), expectedVersion));
    countChange(h, access.item(), -1);
    return version;
  }

  /** Brings a deleted item back. */
  public Item restore(Handle h, User actor, ItemAccess access) {
    access.require(Role.EDITOR, "restore items");
    if (!access.item().deleted()) {
      throw Conflict.state("This item is not deleted.");
    }
    entities.restore(h, access.id(), actor.id(), clock.instant());
    countChange(h, access.item(), 1);
    return entities.byId(h, access.id()).orElseThrow();
  }

  private void countChange(Handle h, Item item, int delta) {
    if (item.productId() != null) {
      entities.adjustCount(h, item.productId(), item.kind(), delta);
    }
  }

  private RuntimeException stale(Handle h, Item item, long expectedVersion) {
    Item now = entities.byId(h, item.id()).orElseThrow(() -> new NotFound("item"));
    if (now.deleted()) {
      return new NotFound("item");
    }
    return Conflict.staleVersion("This item", expectedVersion, now.version());
  }

  /** Items the caller can see, by key ({@code CHK-42}) or by words of their title. */
  public List<Item> find(User actor, String query, int limit) {
    String text = query == null ? "" : query.trim();
    return db.read(
        h -> {
          List<Long> mine =
              workspaceStore.forUser(h, actor.id()).stream().map(WorkspaceAccess::id).toList();
          Ref ref = new Ref(text);
          if (ref.productKey() != null) {
            return entities.find(h, mine, "", ref.productKey(), ref.number(), limit);
          }
          return entities.find(h, mine, text, null, null, limit);
        });
  }

  /** The most recently updated items of a product, of any kind. */
  public List<Item> recent(ProductAccess product, int limit) {
    return db.read(h -> entities.recentInProduct(h, product.id(), limit));
  }

  /** The time the service considers now, for callers that stamp related rows. */
  public Instant now() {
    return clock.instant();
  }
}
