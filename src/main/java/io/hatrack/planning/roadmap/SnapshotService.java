package io.hatrack.planning.roadmap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Snapshots of a product's roadmap: a named copy of every entry (whatever a view filters), kept as
 * JSON, and what changed on the roadmap since one ({@link SnapshotDiff}).
 */
public final class SnapshotService {
  public static final int MAX_NAME = 120;

  private static final TypeReference<List<SnapshotEntry>> ENTRIES = new TypeReference<>() {};

  /** A snapshot without its entries. */
  public record Info(
      long id, long productId, String name, int entries, String createdBy, Instant createdAt) {}

  /** A snapshot with its entries. */
  public record Snapshot(Info info, List<SnapshotEntry> entries) {}

  /** What changed since a snapshot. */
  public record Diff(ProductAccess product, Info since, SnapshotDiff.Result changes) {}

  private final Database db;
  private final RoadmapStore store;
  private final RoadmapService roadmaps;
  private final ProductService products;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  public SnapshotService(
      Database db,
      RoadmapStore store,
      RoadmapService roadmaps,
      ProductService products,
      AuditLog audit,
      ObjectMapper json,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.roadmaps = roadmaps;
    this.products = products;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** Saves every entry of the product's roadmap under {@code name} (editors). */
  public Info save(User actor, String productRef, String name) {
    String clean = name == null ? "" : name.strip();
    new Validation().text("name", clean, MAX_NAME).orThrow();
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "save a snapshot");
          List<SnapshotEntry> entries = current(h, product);
          Instant now = clock.instant();
          long id =
              store.insertSnapshot(
                  h, product.id(), clean, write(entries), entries.size(), actor.id(), now);
          audit.record(
              h,
              new Change(
                  product.workspace().id(),
                  product.id(),
                  null,
                  actor.id(),
                  "roadmap.snapshot",
                  "Saved the roadmap snapshot \u201c" + clean + "\u201d",
                  null,
                  null,
                  true));
          return info(store.snapshot(h, id).orElseThrow());
        });
  }

  private List<SnapshotEntry> current(Handle h, ProductAccess product) {
    return roadmaps.roadmap(h, product, RoadmapFilter.NONE, null).entries().stream()
        .map(RoadmapEntry::snapshot)
        .toList();
  }

  /** The product's snapshots, newest first. */
  public List<Info> list(User actor, String productRef) {
    return db.read(
        h ->
            store.snapshots(h, products.access(h, actor, productRef).id()).stream()
                .map(SnapshotService::info)
                .toList());
  }

  public Snapshot get(User actor, String productRef, long id) {
    return db.read(
        h -> {
          RoadmapStore.Snapshot s = snapshot(h, actor, productRef, id);
          return new Snapshot(info(s), read(s.entries()));
        });
  }

  /** What changed on the roadmap since the snapshot. */
  public Diff diff(User actor, String productRef, long id) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          RoadmapStore.Snapshot s = snapshot(h, actor, productRef, id);
          return new Diff(
              product, info(s), SnapshotDiff.between(read(s.entries()), current(h, product)));
        });
  }

  private RoadmapStore.Snapshot snapshot(Handle h, User actor, String productRef, long id) {
    ProductAccess product = products.access(h, actor, productRef);
    return store
        .snapshot(h, id)
        .filter(s -> s.productId() == product.id())
        .orElseThrow(() -> new NotFound("snapshot"));
  }

  private static Info info(RoadmapStore.Snapshot s) {
    return new Info(
        s.id(), s.productId(), s.name(), s.entryCount(), s.createdByName(), s.createdAt());
  }

  private String write(List<SnapshotEntry> entries) {
    try {
      return json.writeValueAsString(entries);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<SnapshotEntry> read(String text) {
    try {
      return json.readValue(text, ENTRIES);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
