package io.hatrack.definition.wireframes;

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
import io.hatrack.kernel.work.Notifier;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Wireframes: screens sketched in PlantUML Salt, drawn as SVG. Editors write them; everyone in the
 * workspace sees them. Every save of a changed source is kept as a version; any version can be seen
 * and restored (as a new version). A source that does not draw is refused with its line, and
 * nothing is saved. Drawings are cached by the hash of their source.
 */
public final class WireframeService {
  /** The longest title accepted, in characters. */
  public static final int MAX_TITLE = 200;

  /** Drawings kept in memory, by source hash. */
  private static final int CACHED_DRAWINGS = 256;

  private final Database db;
  private final WireframeStore store;
  private final ProductService products;
  private final ItemService items;
  private final Notifier notifier;
  private final AuditLog audit;
  private final Clock clock;
  private final SaltRenderer renderer;
  private final Map<String, SaltRenderer.Rendering> drawings =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SaltRenderer.Rendering> eldest) {
          return size() > CACHED_DRAWINGS;
        }
      };

  /** What the service takes from the kernel. */
  public record Kernel(
      Database db,
      ProductService products,
      ItemService items,
      Notifier notifier,
      AuditLog audit,
      Clock clock) {}

  public WireframeService(Kernel k, WireframeStore store, SaltRenderer renderer) {
    this.db = k.db();
    this.store = store;
    this.products = k.products();
    this.items = k.items();
    this.notifier = k.notifier();
    this.audit = k.audit();
    this.clock = k.clock();
    this.renderer = renderer;
  }

  /** A wireframe with the reader's access (their role decides what the UI offers). */
  public record WireframeView(Wireframe wireframe, ItemAccess access) {}

  /** Draws a source that is not saved (the editor's live preview): the SVG or the problem. */
  public SaltRenderer.Rendering preview(String source) {
    return draw(source);
  }

  /** Writes a new wireframe (editors); its source must draw. */
  public Wireframe create(User actor, String productRef, String title, String source) {
    String cleanTitle = title == null ? null : title.strip();
    validate(cleanTitle, source);
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "write wireframes");
          Item item = items.create(h, actor, product, WireframeStore.KIND, cleanTitle);
          store.insert(h, item.id(), product.id(), source);
          store.insertVersion(h, item.id(), 1, source, null, actor.id(), clock.instant());
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "wireframe.created",
                  "drew the wireframe " + item.label(),
                  null,
                  Map.of("title", cleanTitle, "source_version", 1)));
          return new Wireframe(item, source, 1);
        });
  }

  /** Checks a title and a source before any transaction: drawing may take a while. */
  private void validate(String title, String source) {
    Validation v = new Validation().text("title", title, MAX_TITLE);
    v.check("source", source != null && !source.isBlank(), "must not be empty");
    if (!v.has("source")) {
      SaltRenderer.Rendering drawn = draw(source);
      v.check("source", drawn.ok(), drawn.ok() ? "" : drawn.problem().toString());
    }
    v.orThrow();
  }

  public WireframeView get(User actor, String ref) {
    return db.read(
        h -> {
          ItemAccess access = wireframeAccess(h, actor, ref);
          return new WireframeView(wireframe(h, access.item()), access);
        });
  }

  private Wireframe wireframe(Handle h, Item item) {
    WireframeStore.Current current =
        store.current(h, item.id()).orElseThrow(() -> new NotFound("wireframe"));
    return new Wireframe(item, current.source(), current.sourceVersion());
  }

  private ItemAccess wireframeAccess(Handle h, User actor, String ref) {
    ItemAccess access = items.access(h, actor, ref);
    if (!access.item().kind().equals(WireframeStore.KIND)) {
      throw new NotFound("wireframe");
    }
    return access;
  }

  /** The wireframes of a product, most recently updated first. */
  public Slice<WireframeSummary> list(User actor, String productRef, String cursor, int limit) {
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
          List<WireframeSummary> rows = store.list(h, product.id(), at, id, limit + 1);
          boolean more = rows.size() > limit;
          List<WireframeSummary> shown = more ? rows.subList(0, limit) : rows;
          Item last = shown.isEmpty() ? null : shown.get(shown.size() - 1).item();
          String next = more ? Cursor.encode(last.updatedAt().toEpochMilli(), last.id()) : null;
          return new Slice<>(shown, items.liveCount(h, product.id(), WireframeStore.KIND), next);
        });
  }

  /**
   * Changes the title and/or the source (null keeps a field) if the wireframe is still at {@code
   * expectedVersion}. A changed source becomes the next saved version.
   */
  public Wireframe update(
      User actor, String ref, long expectedVersion, String title, String source) {
    String cleanTitle = title == null ? null : title.strip();
    if (cleanTitle != null || source != null) {
      Validation v = new Validation();
      if (cleanTitle != null) {
        v.text("title", cleanTitle, MAX_TITLE);
      }
      if (source != null) {
        v.check("source", !source.isBlank(), "must not be empty");
        if (!v.has("source")) {
          SaltRenderer.Rendering drawn = draw(source);
          v.check("source", drawn.ok(), drawn.ok() ? "" : drawn.problem().toString());
        }
      }
      v.orThrow();
    }
    return db.tx(
        h -> {
          ItemAccess access =
              wireframeAccess(h, actor, ref).require(Role.EDITOR, "edit wireframes");
          return save(h, actor, access, expectedVersion, cleanTitle, source, null);
        });
  }

  /**
   * Brings back the source of version {@code number} as the next version, if the wireframe is still
   * at {@code expectedVersion}.
   */
  public Wireframe restoreVersion(User actor, String ref, long expectedVersion, int number) {
    return db.tx(
        h -> {
          ItemAccess access =
              wireframeAccess(h, actor, ref).require(Role.EDITOR, "restore wireframe versions");
          WireframeVersion old =
              store
                  .version(h, access.id(), number)
                  .orElseThrow(() -> new NotFound("wireframe version"));
          return save(h, actor, access, expectedVersion, null, old.source(), number);
        });
  }

  private Wireframe save(
      Handle h,
      User actor,
      ItemAccess access,
      long expectedVersion,
      String title,
      String source,
      Integer restoredFrom) {
    Item item = access.item();
    WireframeStore.Current current = store.current(h, item.id()).orElseThrow();
    String newTitle = title == null ? item.title() : title;
    String newSource = source == null ? current.source() : source;
    items.bump(h, actor, item, expectedVersion, newTitle);
    int sourceVersion = current.sourceVersion();
    Map<String, Object> before = new LinkedHashMap<>();
    Map<String, Object> after = new LinkedHashMap<>();
    if (!newTitle.equals(item.title())) {
      before.put("title", item.title());
      after.put("title", newTitle);
    }
    if (!newSource.equals(current.source()) || restoredFrom != null) {
      sourceVersion++;
      store.update(h, item.id(), newSource, sourceVersion);
      store.insertVersion(
          h, item.id(), sourceVersion, newSource, restoredFrom, actor.id(), clock.instant());
      before.put("source_version", current.sourceVersion());
      after.put("source_version", sourceVersion);
      if (restoredFrom != null) {
        after.put("restored_from", restoredFrom);
      }
    }
    Item updated = items.access(h, actor, item.id()).item();
    String what =
        restoredFrom == null
            ? "edited the wireframe " + updated.label()
            : "restored version " + restoredFrom + " of the wireframe " + updated.label();
    notifier.watchers(h, updated, actor, actor.name() + " " + what, Set.of());
    audit.record(
        h,
        item.change(
            actor.id(),
            restoredFrom == null ? "wireframe.updated" : "wireframe.restored_version",
            what,
            before,
            after));
    return new Wireframe(updated, newSource, sourceVersion);
  }

  /** Every saved version of a wireframe, newest first, without their sources. */
  public List<WireframeVersion> versions(User actor, String ref) {
    return db.read(h -> store.versions(h, wireframeAccess(h, actor, ref).id()));
  }

  /** One saved version with its source. */
  public WireframeVersion version(User actor, String ref, int number) {
    return db.read(
        h ->
            store
                .version(h, wireframeAccess(h, actor, ref).id(), number)
                .orElseThrow(() -> new NotFound("wireframe version")));
  }

  /** The drawing of the current source, for a reader of the wireframe. */
  public byte[] svg(User actor, String ref) {
    return drawingOf(get(actor, ref).wireframe().source());
  }

  /** The drawing of a saved version, for a reader of the wireframe. */
  public byte[] versionSvg(User actor, String ref, int number) {
    return drawingOf(version(actor, ref, number).source());
  }

  /**
   * The drawing (SVG) of the current source of the live wireframe {@code wireframeId}, inside the
   * caller's transaction; cached by the source's hash. Checks no permission: callers do.
   */
  public Optional<byte[]> svg(Handle h, long wireframeId) {
    return store.liveSource(h, wireframeId).map(this::drawingOf);
  }

  /** A drawing with its size in pixels, for hats that place it (prototype screens). */
  public record Drawing(byte[] svg, int width, int height) {}

  /**
   * The drawing of the current source of the live wireframe {@code wireframeId} with its size,
   * inside the caller's transaction; cached like {@link #svg(Handle, long)}. Checks no permission.
   */
  public Optional<Drawing> drawing(Handle h, long wireframeId) {
    return store
        .liveSource(h, wireframeId)
        .map(
            source -> {
              SaltRenderer.Rendering drawn = draw(source);
              if (drawn.ok()) {
                return new Drawing(
                    drawn.svg(), Math.max(1, drawn.width()), Math.max(1, drawn.height()));
              }
              return new Drawing(problemSvg(drawn.problem()), PROBLEM_WIDTH, PROBLEM_HEIGHT);
            });
  }

  /**
   * The live wireframes of a product, most recently updated first (at most {@code limit}), inside
   * the caller's transaction, for pickers of other hats. Checks no permission.
   */
  public List<WireframeSummary> inProduct(Handle h, long productId, int limit) {
    return store.list(h, productId, null, 0, limit);
  }

  /** Deletes a wireframe; it can be brought back with {@link #restore}. */
  public void delete(User actor, String ref, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access = wireframeAccess(h, actor, ref);
          items.delete(h, actor, access, expectedVersion);
          Item item = access.item();
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "wireframe.deleted",
                  "deleted the wireframe " + item.label(),
                  Map.of("title", item.title()),
                  null));
        });
  }

  /** Brings a deleted wireframe back. */
  public Wireframe restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = items.accessIncludingDeleted(h, actor, ref);
          if (!access.item().kind().equals(WireframeStore.KIND)) {
            throw new NotFound("wireframe");
          }
          Item item = items.restore(h, actor, access);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "wireframe.restored",
                  "restored the wireframe " + item.label(),
                  null,
                  Map.of("title", item.title())));
          return wireframe(h, item);
        });
  }

  /**
   * The SVG of a saved source. A source that no longer draws (PlantUML changed, say) is shown as a
   * plain picture saying so, rather than failing the page around it.
   */
  private byte[] drawingOf(String source) {
    SaltRenderer.Rendering drawn = draw(source);
    return drawn.ok() ? drawn.svg() : problemSvg(drawn.problem());
  }

  private SaltRenderer.Rendering draw(String source) {
    String key = sha256(source);
    synchronized (drawings) {
      SaltRenderer.Rendering cached = drawings.get(key);
      if (cached != null) {
        return cached;
      }
    }
    SaltRenderer.Rendering drawn = renderer.render(source);
    if (drawn.ok() || !drawn.problem().message().startsWith("drawing the wireframe took")) {
      synchronized (drawings) {
        drawings.put(key, drawn);
      }
    }
    return drawn;
  }

  private static final int PROBLEM_WIDTH = 480;
  private static final int PROBLEM_HEIGHT = 40;

  static byte[] problemSvg(SaltSource.Problem problem) {
    String text =
        ("This wireframe cannot be drawn: " + problem)
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;");
    return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"480\" height=\"40\""
            + " viewBox=\"0 0 480 40\"><rect width=\"480\" height=\"40\" fill=\"#fff6e0\"/>"
            + "<text x=\"8\" y=\"24\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#8a5a00\">"
            + text
            + "</text></svg>")
        .getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
