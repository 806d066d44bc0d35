package io.hatrack.definition.prototypes;

import io.hatrack.definition.prototypes.ScreenSource.ScreenCandidate;
import io.hatrack.definition.prototypes.ScreenSource.ScreenImage;
import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.SecretTokens;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Click-through prototypes: screens in order with hotspots that lead from screen to screen, played
 * in the browser by members of the workspace, or by anyone holding a share link until it is
 * revoked. Editors change them; every change to a prototype's screens or hotspots moves its version
 * on, so that two people editing the same prototype never overwrite each other unawares.
 */
public final class PrototypeService {
  /** The longest title accepted, in characters. */
  public static final int MAX_TITLE = 200;

  /** The longest description accepted, in characters. */
  public static final int MAX_DESCRIPTION = 20_000;

  /** The longest screen name, hotspot label or share link label accepted, in characters. */
  public static final int MAX_NAME = 200;

  /** The most screens one prototype holds. */
  public static final int MAX_SCREENS = 200;

  private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

  private final Database db;
  private final PrototypeStore store;
  private final ProductService products;
  private final ItemService items;
  private final ScreenSource sources;
  private final AuditLog audit;
  private final Clock clock;

  public PrototypeService(
      Database db,
      PrototypeStore store,
      ProductService products,
      ItemService items,
      ScreenSource sources,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.items = items;
    this.sources = Objects.requireNonNull(sources, "sources");
    this.audit = audit;
    this.clock = clock;
  }

  /** A prototype with the reader's access (their role decides what the UI offers). */
  public record PrototypeView(Prototype prototype, ItemAccess access) {
    public boolean canEdit() {
      return access.role().atLeast(Role.EDITOR);
    }
  }

  /** A part of a prototype that a change made or touched, and the prototype's new version. */
  public record Edited<T>(T value, long version) {}

  /** A new share link and its secret token, which is never shown again. */
  public record NewShare(ShareLink link, String token) {
    public String path() {
      return ShareLink.path(token);
    }
  }

  /**
   * A hotspot to draw, or the changes to one (null keeps a field).
   *
   * @param x the left edge, a fraction (0 to 1) of the screen's width
   * @param y the top edge, a fraction of the screen's height
   * @param w the width, a fraction of the screen's width
   * @param h the height, a fraction of the screen's height
   */
  public record HotspotInput(
      Double x, Double y, Double w, Double h, Long targetScreenId, String label) {}

  /** Changes to a screen: a new name and/or a new place (0 = first); null keeps either. */
  public record ScreenChanges(String name, Integer position) {}

  // ---- Prototypes -------------------------------------------------------------------------

  public Prototype create(User actor, String productRef, String title, String description) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "create prototypes");
          return create(h, actor, product, title, description);
        });
  }

  /** Creates a prototype inside the caller's transaction (the demo uses this). */
  public Prototype create(
      Handle h, User actor, ProductAccess product, String title, String description) {
    String cleanTitle = title == null ? null : title.strip();
    String cleanDescription = description == null ? "" : description.strip();
    validate(cleanTitle, cleanDescription);
    Item item = items.create(h, actor, product, PrototypeStore.KIND, cleanTitle);
    store.insert(h, item.id(), cleanDescription);
    audit.record(
        h,
        item.change(
            actor.id(),
            "prototype.created",
            "made the prototype " + item.label(),
            null,
            Map.of("title", cleanTitle)));
    return new Prototype(item, cleanDescription, null, List.of());
  }

  private static void validate(String title, String description) {
    new Validation()
        .text("title", title, MAX_TITLE)
        .optionalText("description", description, MAX_DESCRIPTION)
        .orThrow();
  }

  public PrototypeView get(User actor, String ref) {
    return db.read(
        h -> {
          ItemAccess access = access(h, actor, ref);
          return new PrototypeView(load(h, access.item()), access);
        });
  }

  /** The prototypes of a product, most recently updated first, with their number of screens. */
  public Slice<PrototypeSummary> list(User actor, String productRef, String cursor, int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    Instant afterUpdated = null;
    long afterId = 0;
    if (cursor != null && !cursor.isBlank()) {
      long[] parts = Cursor.decode(cursor, 2);
      afterUpdated = Instant.ofEpochMilli(parts[0]);
      afterId = parts[1];
    }
    Instant at = afterUpdated;
    long id = afterId;
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<PrototypeSummary> rows = store.list(h, product.id(), at, id, limit + 1);
          boolean more = rows.size() > limit;
          List<PrototypeSummary> shown = more ? rows.subList(0, limit) : rows;
          Item last = shown.isEmpty() ? null : shown.get(shown.size() - 1).item();
          String next = more ? Cursor.encode(last.updatedAt().toEpochMilli(), last.id()) : null;
          return new Slice<>(shown, items.liveCount(h, product.id(), PrototypeStore.KIND), next);
        });
  }

  /**
   * Changes the title, description and/or start screen (null keeps each) if the prototype is still
   * at {@code expectedVersion}.
   */
  public Prototype update(
      User actor,
      String ref,
      long expectedVersion,
      String title,
      String description,
      Long startScreenId) {
    return db.tx(
        h -> {
          ItemAccess access = editable(h, actor, ref);
          Item item = access.item();
          PrototypeStore.Row row = store.row(h, item.id()).orElseThrow();
          String newTitle = title == null ? item.title() : title.strip();
          String newDescription = description == null ? row.description() : description.strip();
          validate(newTitle, newDescription);
          Long newStart = row.startScreenId();
          if (startScreenId != null) {
            store
                .screen(h, startScreenId)
                .filter(s -> s.prototypeId() == item.id())
                .orElseThrow(
                    () -> Invalid.field("start_screen_id", "is not a screen of this prototype"));
            newStart = startScreenId;
          }
          items.bump(h, actor, item, expectedVersion, newTitle);
          store.update(h, item.id(), newDescription, newStart);
          Map<String, Object> before = new LinkedHashMap<>();
          Map<String, Object> after = new LinkedHashMap<>();
          changed(before, after, "title", item.title(), newTitle);
          changed(before, after, "description", row.description(), newDescription);
          changed(before, after, "start_screen_id", row.startScreenId(), newStart);
          Item updated = items.access(h, actor, item.id()).item();
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "prototype.updated",
                  "edited the prototype " + updated.label(),
                  before,
                  after));
          return load(h, updated);
        });
  }

  private static void changed(
      Map<String, Object> before, Map<String, Object> after, String field, Object was, Object is) {
    if (!Objects.equals(was, is)) {
      before.put(field, was);
      after.put(field, is);
    }
  }

  /** Deletes a prototype (its share links stop working); it can be restored. */
  public void delete(User actor, String ref, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access = access(h, actor, ref);
          items.delete(h, actor, access, expectedVersion);
          Item item = access.item();
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "prototype.deleted",
                  "deleted the prototype " + item.label(),
                  Map.of("title", item.title()),
                  null));
        });
  }

  /**
   * Brings a deleted prototype back, with its screens and its share links that were not revoked.
   */
  public Prototype restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = items.accessIncludingDeleted(h, actor, ref);
          if (!access.item().kind().equals(PrototypeStore.KIND)) {
            throw new NotFound("prototype");
          }
          Item item = items.restore(h, actor, access);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "prototype.restored",
                  "restored the prototype " + item.label(),
                  null,
                  Map.of("title", item.title())));
          return load(h, item);
        });
  }

  // ---- Screens ----------------------------------------------------------------------------

  /**
   * Adds an uploaded image as the last screen; the image is checked by its content (see {@link
   * UploadedImages}). A blank name becomes "Screen n".
   */
  public Edited<Screen> addImage(
      User actor,
      String ref,
      long expectedVersion,
      String name,
      byte[] bytes,
      String declaredType) {
    ScreenImage image = UploadedImages.read(bytes, declaredType);
    return db.tx(
        h -> {
          ItemAccess access = editable(h, actor, ref);
          return addScreen(h, actor, access, expectedVersion, name, ScreenKind.IMAGE, null, image);
        });
  }

  /**
   * Adds a wireframe or an image attachment of the prototype's product as the last screen; it must
   * be one the {@link ScreenSource} offers for the product. A blank name takes the source's label.
   */
  public Edited<Screen> addFromSource(
      User actor, String ref, long expectedVersion, String name, String kind, Long sourceId) {
    ScreenKind screenKind = ScreenKind.parse("source_kind", kind);
    new Validation()
        .check(
            "source_kind",
            screenKind.fromSource(),
            "must be wireframe or attachment; upload images as files")
        .check("source_id", sourceId != null, "is required")
        .orThrow();
    return db.tx(
        h -> {
          ItemAccess access = editable(h, actor, ref);
          long productId = access.item().productId();
          ScreenCandidate candidate =
              sources.candidates(h, productId).stream()
                  .filter(c -> c.kind().equals(screenKind.id()) && c.id() == sourceId)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          Invalid.field(
                              "source_id",
                              "is not a " + screenKind.id() + " of this prototype's product"));
          ScreenImage image =
              sources
                  .image(h, screenKind.id(), sourceId)
                  .orElseThrow(() -> Invalid.field("source_id", "has no image to show"));
          String named = name == null || name.isBlank() ? candidate.label() : name;
          return addScreen(h, actor, access, expectedVersion, named, screenKind, sourceId, image);
        });
  }

  private Edited<Screen> addScreen(
      Handle h,
      User actor,
      ItemAccess access,
      long expectedVersion,
      String name,
      ScreenKind kind,
      Long sourceId,
      ScreenImage image) {
    Item item = access.item();
    List<Screen> screens = store.screens(h, item.id());
    String clean = name == null || name.isBlank() ? "Screen " + (screens.size() + 1) : name.strip();
    if (clean.length() > MAX_NAME) {
      clean = clean.substring(0, MAX_NAME);
    }
    new Validation()
        .optionalText("name", clean, MAX_NAME)
        .check(
            "image",
            screens.size() < MAX_SCREENS,
            "cannot be added: a prototype holds at most " + MAX_SCREENS + " screens")
        .orThrow();
    long version = items.bump(h, actor, item, expectedVersion, item.title());
    boolean upload = kind == ScreenKind.IMAGE;
    long id =
        store.insertScreen(
            h,
            new PrototypeStore.NewScreen(
                item.id(),
                clean,
                screens.size(),
                kind,
                sourceId,
                upload ? image.contentType() : null,
                upload ? image.bytes() : null,
                image.width(),
                image.height(),
                actor.id(),
                clock.instant()));
    if (screens.isEmpty()) {
      PrototypeStore.Row row = store.row(h, item.id()).orElseThrow();
      store.update(h, item.id(), row.description(), id);
    }
    audit.record(
        h,
        item.change(
            actor.id(),
            "prototype.screen_added",
            "added the screen \u201c" + clean + "\u201d to " + item.label(),
            null,
            Map.of("screen", clean, "source", kind.id())));
    return new Edited<>(store.screen(h, id).orElseThrow(), version);
  }

  /** Renames a screen and/or moves it to another place in the order. */
  public Edited<Screen> changeScreen(
      User actor, String ref, long expectedVersion, long screenId, ScreenChanges changes) {
    String name = changes.name() == null ? null : changes.name().strip();
    new Validation()
        .check("name", name == null || !name.isEmpty(), "must not be blank")
        .optionalText("name", name, MAX_NAME)
        .orThrow();
    return db.tx(
        h -> {
          ItemAccess access = editable(h, actor, ref);
          Item item = access.item();
          Screen screen = screenOf(h, item, screenId);
          long version = items.bump(h, actor, item, expectedVersion, item.title());
          if (name != null && !name.equals(screen.name())) {
            store.renameScreen(h, screenId, name);
          }
          if (changes.position() != null) {
            List<Screen> order = new ArrayList<>(store.screens(h, item.id()));
            order.removeIf(s -> s.id() == screenId);
            int to = Math.max(0, Math.min(changes.position(), order.size()));
            order.add(to, screen);
            renumber(h, order);
          }
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "prototype.screen_changed",
                  "changed the screen \u201c" + screen.name() + "\u201d of " + item.label(),
                  Map.of("name", screen.name(), "position", screen.position()),
                  changes));
          return new Edited<>(store.screen(h, screenId).orElseThrow(), version);
        });
  }

  private void renumber(Handle h, List<Screen> order) {
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).position() != i) {
        store.setPosition(h, order.get(i).id(), i);
      }
    }
  }

  /**
   * Deletes a screen with its hotspots and the hotspots on other screens that lead to it. Returns
   * the prototype's new version.
   */
  public long deleteScreen(User actor, String ref, long expectedVersion, long screenId) {
    return db.tx(
        h -> {
          ItemAccess access = editable(h, actor, ref);
          Item item = access.item();
          Screen screen = screenOf(h, item, screenId);
          long version = items.bump(h, actor, item, expectedVersion, item.title());
          store.deleteScreen(h, screenId);
          renumber(h, store.screens(h, item.id()));
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "prototype.screen_deleted",
                  "deleted the screen \u201c" + screen.name() + "\u201d of " + item.label(),
                  Map.of("screen", screen.name()),
                  null));
          return version;
        });
  }

  /** The image a screen shows, for a reader of the prototype. */
  public ScreenImage image(User actor, String ref, long screenId) {
    return db.read(
        h -> {
          ItemAccess access = access(h, actor, ref);
          return image(h, screenOf(h, access.item(), screenId));
        });
  }

  private ScreenImage image(Handle h, Screen screen) {
    if (screen.kind().fromSource()) {
      return sources
          .image(h, screen.kind().id(), screen.sourceId())
          .orElseThrow(() -> new NotFound("screen image"));
    }
    PrototypeStore.StoredImage stored = store.image(h, screen.id()).orElseThrow();
    return new ScreenImage(stored.contentType(), stored.bytes(), screen.width(), screen.height());
  }

  /** Wireframes and image attachments of the prototype's product that could become screens. */
  public List<ScreenCandidate> candidates(User actor, String ref) {
    return db.read(h -> sources.candidates(h, access(h, actor, ref).item().productId()));
  }

  // ---- Hotspots ---------------------------------------------------------------------------

  /** Draws a hotspot on a screen, leading to another screen of the same prototype. */
  public Edited<Hotspot> addHotspot(
      User actor, String ref, long expectedVersion, long screenId, HotspotInput in) {
    HotspotArea area = HotspotArea.of(in.x(), in.y(), in.w(), in.h());
    String label = label(in.label(), "");
    return db.tx(
        h -> {
          ItemAccess access = editable(h, actor, ref);
          Item item = access.item();
          Screen screen = screenOf(h, item, screenId);
          Screen target = target(h, item, in.targetScreenId());
          long version = items.bump(h, actor, item, expectedVersion, item.title());
          long id = store.insertHotspot(h, screenId, area, target.id(), label);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "prototype.hotspot_added",
                  "linked \u201c"
                      + screen.name()
                      + "\u201d to \u201c"
                      + target.name()
                      + "\u201d in "
                      + item.label(),
                  null,
                  Map.of("screen", screen.name(), "target", target.name(), "label", label)));
          return new Edited<>(store.hotspot(h, id).orElseThrow(), version);
        });
  }

  /** Moves, resizes, re-targets or relabels a hotspot of a screen (null keeps a field). */
  public Edited<Hotspot> changeHotspot(
      User actor,
      String ref,
      long expectedVersion,
      long screenId,
      long hotspotId,
      HotspotInput in) {
    return db.tx(
        h -> {
          ItemAccess access = editable(h, actor, ref);
          Item item = access.item();
          Hotspot hotspot = hotspotOf(h, item, screenId, hotspotId);
          HotspotArea area = hotspot.area().with(in.x(), in.y(), in.w(), in.h());
          String label = label(in.label(), hotspot.label());
          long targetId =
              in.targetScreenId() == null
                  ? hotspot.targetScreenId()
                  : target(h, item, in.targetScreenId()).id();
          long version = items.bump(h, actor, item, expectedVersion, item.title());
          store.updateHotspot(h, hotspotId, area, targetId, label);
          Hotspot updated = store.hotspot(h, hotspotId).orElseThrow();
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "prototype.hotspot_changed",
                  "changed a hotspot in " + item.label(),
                  hotspot,
                  updated));
          return new Edited<>(updated, version);
        });
  }

  /** Deletes a hotspot of a screen; returns the prototype's new version. */
  public long deleteHotspot(
      User actor, String ref, long expectedVersion, long screenId, long hotspotId) {
    return db.tx(
        h -> {
          ItemAccess access = editable(h, actor, ref);
          Item item = access.item();
          Hotspot hotspot = hotspotOf(h, item, screenId, hotspotId);
          long version = items.bump(h, actor, item, expectedVersion, item.title());
          store.deleteHotspot(h, hotspotId);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "prototype.hotspot_deleted",
                  "deleted a hotspot in " + item.label(),
                  hotspot,
                  null));
          return version;
        });
  }

  private static String label(String given, String fallback) {
    String label = given == null ? fallback : given.strip();
    new Validation().optionalText("label", label, MAX_NAME).orThrow();
    return label;
  }

  private Screen target(Handle h, Item item, Long targetScreenId) {
    if (targetScreenId == null) {
      throw Invalid.field("target_screen_id", "is required: the screen the hotspot leads to");
    }
    return store
        .screen(h, targetScreenId)
        .filter(s -> s.prototypeId() == item.id())
        .orElseThrow(() -> Invalid.field("target_screen_id", "is not a screen of this prototype"));
  }

  // ---- Share links ------------------------------------------------------------------------

  /** Makes a read-only link that plays the prototype without signing in. */
  public NewShare share(User actor, String ref, String label) {
    String clean = label(label, "");
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref).require(Role.EDITOR, "share prototypes");
          Item item = access.item();
          String token = SecretTokens.generate("");
          long id =
              store.insertShare(
                  h, item.id(), SecretTokens.hash(token), clean, actor.id(), clock.instant());
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "prototype.shared",
                  "made a share link to " + item.label(),
                  null,
                  Map.of("share", id, "label", clean)));
          return new NewShare(store.share(h, id).orElseThrow(), token);
        });
  }

  /** The share links of a prototype, newest first, for its editors. */
  public List<ShareLink> shares(User actor, String ref) {
    return db.read(
        h -> {
          ItemAccess access = access(h, actor, ref).require(Role.EDITOR, "see share links");
          return store.shares(h, access.id());
        });
  }

  /** Revokes a share link: from now on it answers "not found". Revoking twice is harmless. */
  public ShareLink revokeShare(User actor, String ref, long shareId) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref).require(Role.EDITOR, "revoke share links");
          Item item = access.item();
          ShareLink link =
              store
                  .share(h, shareId)
                  .filter(s -> s.prototypeId() == item.id())
                  .orElseThrow(() -> new NotFound("share link"));
          if (store.revokeShare(h, shareId, actor.id(), clock.instant())) {
            audit.record(
                h,
                item.change(
                    actor.id(),
                    "prototype.share_revoked",
                    "revoked a share link to " + item.label(),
                    Map.of("share", shareId, "label", link.label()),
                    null));
          }
          return store.share(h, shareId).orElseThrow();
        });
  }

  /** The prototype a working share link shows; {@link NotFound} for any other token. */
  public Prototype shared(String token) {
    return db.read(h -> load(h, sharedItem(h, token)));
  }

  /** A screen's image through a working share link. */
  public ScreenImage sharedImage(String token, long screenId) {
    return db.read(h -> image(h, screenOf(h, sharedItem(h, token), screenId)));
  }

  private Item sharedItem(Handle h, String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new NotFound("prototype");
    }
    return store
        .sharedPrototype(h, SecretTokens.hash(token))
        .orElseThrow(() -> new NotFound("prototype"));
  }

  // ---- Reading ----------------------------------------------------------------------------

  private ItemAccess access(Handle h, User actor, String ref) {
    ItemAccess access = items.access(h, actor, ref);
    if (!access.item().kind().equals(PrototypeStore.KIND)) {
      throw new NotFound("prototype");
    }
    return access;
  }

  private ItemAccess editable(Handle h, User actor, String ref) {
    return access(h, actor, ref).require(Role.EDITOR, "edit prototypes");
  }

  private Screen screenOf(Handle h, Item item, long screenId) {
    return store
        .screen(h, screenId)
        .filter(s -> s.prototypeId() == item.id())
        .orElseThrow(() -> new NotFound("screen"));
  }

  private Hotspot hotspotOf(Handle h, Item item, long screenId, long hotspotId) {
    Hotspot hotspot =
        store
            .hotspot(h, hotspotId)
            .filter(s -> s.screenId() == screenId)
            .orElseThrow(() -> new NotFound("hotspot"));
    screenOf(h, item, screenId);
    return hotspot;
  }

  private Prototype load(Handle h, Item item) {
    PrototypeStore.Row row = store.row(h, item.id()).orElseThrow(() -> new NotFound("prototype"));
    Map<Long, List<Hotspot>> bySreen =
        store.hotspots(h, item.id()).stream().collect(Collectors.groupingBy(Hotspot::screenId));
    List<Screen> screens =
        store.screens(h, item.id()).stream()
            .map(s -> s.withHotspots(bySreen.getOrDefault(s.id(), List.of())))
            .toList();
    return new Prototype(item, row.description(), row.startScreenId(), screens);
  }
}
