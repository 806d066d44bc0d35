package io.hatrack.definition.prototypes;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.EntityStore;
import io.hatrack.kernel.work.Item;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for prototypes, their screens, hotspots and share links; the title and version live in
 * entity.
 */
public final class PrototypeStore {
  /** The kind of a prototype in the entity table. */
  public static final String KIND = "prototype";

  private static final String SCREEN_COLUMNS =
      "s.id, s.prototype_id, s.name, s.position, s.source_kind, s.source_id, s.content_type,"
          + " s.width, s.height, s.created_by, s.created_at";

  private static final String HOTSPOT_COLUMNS =
      "hs.id, hs.screen_id, hs.x, hs.y, hs.w, hs.h, hs.target_screen_id, hs.label";

  private static final String SHARE_COLUMNS =
      "sh.id, sh.prototype_id, sh.label, sh.created_by, u.name AS created_by_name, sh.created_at,"
          + " sh.revoked_at";

  /** The prototype's own row. */
  public record Row(String description, Long startScreenId) {}

  /** The stored bytes of an uploaded screen image. */
  public record StoredImage(String contentType, byte[] bytes) {}

  public void insert(Handle h, long id, String description) {
    h.createUpdate("INSERT INTO prototype (id, description) VALUES (:id, :description)")
        .bind("id", id)
        .bind("description", description)
        .execute();
  }

  public Optional<Row> row(Handle h, long id) {
    return h.createQuery("SELECT description, start_screen_id FROM prototype WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Row(rs.getString("description"), Rows.longOrNull(rs, "start_screen_id")))
        .findOne();
  }

  public void update(Handle h, long id, String description, Long startScreenId) {
    h.createUpdate(
            "UPDATE prototype SET description = :description, start_screen_id = :start"
                + " WHERE id = :id")
        .bind("id", id)
        .bind("description", description)
        .bind("start", startScreenId)
        .execute();
  }

  /**
   * Live prototypes of a product, most recently updated first, strictly after the position ({@code
   * afterUpdated}, {@code afterId}) of the previous page's last row (null: from the top).
   */
  public List<PrototypeSummary> list(
      Handle h, long productId, Instant afterUpdated, long afterId, int limit) {
    String after = afterUpdated == null ? "" : " AND (e.updated_at, e.id) < (:at, :id)";
    return h.createQuery(
            "SELECT "
                + EntityStore.ITEM_COLUMNS
                + ", (SELECT COUNT(*) FROM prototype_screen s WHERE s.prototype_id = e.id)"
                + " AS screens FROM "
                + EntityStore.ITEM_FROM
                + " WHERE e.product_id = :product AND e.kind = :kind AND e.deleted_at IS NULL"
                + after
                + " ORDER BY e.updated_at DESC, e.id DESC LIMIT :limit")
        .bind("product", productId)
        .bind("kind", KIND)
        .bind("at", afterUpdated == null ? 0L : Rows.millis(afterUpdated))
        .bind("id", afterId)
        .bind("limit", limit)
        .map((rs, ctx) -> new PrototypeSummary(EntityStore.map(rs), rs.getInt("screens")))
        .list();
  }

  // ---- Screens ----------------------------------------------------------------------------

  /** The screens of a prototype in their order, without hotspots. */
  public List<Screen> screens(Handle h, long prototypeId) {
    return h.createQuery(
            "SELECT "
                + SCREEN_COLUMNS
                + " FROM prototype_screen s WHERE s.prototype_id = :prototype"
                + " ORDER BY s.position, s.id")
        .bind("prototype", prototypeId)
        .map((rs, ctx) -> screen(rs))
        .list();
  }

  public Optional<Screen> screen(Handle h, long screenId) {
    return h.createQuery("SELECT " + SCREEN_COLUMNS + " FROM prototype_screen s WHERE s.id = :id")
        .bind("id", screenId)
        .map((rs, ctx) -> screen(rs))
        .findOne();
  }

  private static Screen screen(ResultSet rs) throws SQLException {
    return new Screen(
        rs.getLong("id"),
        rs.getLong("prototype_id"),
        rs.getString("name"),
        rs.getInt("position"),
        ScreenKind.parse("source_kind", rs.getString("source_kind")),
        Rows.longOrNull(rs, "source_id"),
        rs.getString("content_type"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getLong("created_by"),
        Rows.instant(rs, "created_at"),
        List.of());
  }

  /**
   * A new screen; {@code data} and {@code contentType} for uploaded images, else {@code sourceId}.
   */
  public long insertScreen(Handle h, NewScreen s) {
    return h.createQuery(
            "INSERT INTO prototype_screen (prototype_id, name, position, source_kind, source_id,"
                + " content_type, data, width, height, created_by, created_at) VALUES (:prototype,"
                + " :name, :position, :kind, :source, :type, :data, :width, :height, :actor, :now)"
                + " RETURNING id")
        .bind("prototype", s.prototypeId())
        .bind("name", s.name())
        .bind("position", s.position())
        .bind("kind", s.kind().id())
        .bind("source", s.sourceId())
        .bind("type", s.contentType())
        .bind("data", s.data())
        .bind("width", s.width())
        .bind("height", s.height())
        .bind("actor", s.createdBy())
        .bind("now", Rows.millis(s.createdAt()))
        .mapTo(Long.class)
        .one();
  }

  /** What a new screen row holds. */
  public record NewScreen(
      long prototypeId,
      String name,
      int position,
      ScreenKind kind,
      Long sourceId,
      String contentType,
      byte[] data,
      int width,
      int height,
      long createdBy,
      Instant createdAt) {}

  public void renameScreen(Handle h, long screenId, String name) {
    h.createUpdate("UPDATE prototype_screen SET name = :name WHERE id = :id")
        .bind("id", screenId)
        .bind("name", name)
        .execute();
  }

  public void setPosition(Handle h, long screenId, int position) {
    h.createUpdate("UPDATE prototype_screen SET position = :position WHERE id = :id")
        .bind("id", screenId)
        .bind("position", position)
        .execute();
  }

  /** Deletes a screen with its hotspots and the hotspots that lead to it. */
  public void deleteScreen(Handle h, long screenId) {
    h.createUpdate("DELETE FROM prototype_screen WHERE id = :id").bind("id", screenId).execute();
  }

  public Optional<StoredImage> image(Handle h, long screenId) {
    return h.createQuery(
            "SELECT content_type, data FROM prototype_screen WHERE id = :id AND data IS NOT NULL")
        .bind("id", screenId)
        .map((rs, ctx) -> new StoredImage(rs.getString("content_type"), rs.getBytes("data")))
        .findOne();
  }

  // ---- Hotspots ---------------------------------------------------------------------------

  /** The hotspots on every screen of a prototype, in the order they were drawn. */
  public List<Hotspot> hotspots(Handle h, long prototypeId) {
    return h.createQuery(
            "SELECT "
                + HOTSPOT_COLUMNS
                + " FROM prototype_hotspot hs JOIN prototype_screen s ON s.id = hs.screen_id"
                + " WHERE s.prototype_id = :prototype ORDER BY hs.id")
        .bind("prototype", prototypeId)
        .map((rs, ctx) -> hotspot(rs))
        .list();
  }

  public Optional<Hotspot> hotspot(Handle h, long hotspotId) {
    return h.createQuery(
            "SELECT " + HOTSPOT_COLUMNS + " FROM prototype_hotspot hs WHERE hs.id = :id")
        .bind("id", hotspotId)
        .map((rs, ctx) -> hotspot(rs))
        .findOne();
  }

  private static Hotspot hotspot(ResultSet rs) throws SQLException {
    return new Hotspot(
        rs.getLong("id"),
        rs.getLong("screen_id"),
        new HotspotArea(rs.getDouble("x"), rs.getDouble("y"), rs.getDouble("w"), rs.getDouble("h")),
        rs.getLong("target_screen_id"),
        rs.getString("label"));
  }

  public long insertHotspot(
      Handle h, long screenId, HotspotArea area, long targetScreenId, String label) {
    return h.createQuery(
            "INSERT INTO prototype_hotspot (screen_id, x, y, w, h, target_screen_id, label)"
                + " VALUES (:screen, :x, :y, :w, :h, :target, :label) RETURNING id")
        .bind("screen", screenId)
        .bind("x", area.x())
        .bind("y", area.y())
        .bind("w", area.w())
        .bind("h", area.h())
        .bind("target", targetScreenId)
        .bind("label", label)
        .mapTo(Long.class)
        .one();
  }

  public void updateHotspot(
      Handle h, long hotspotId, HotspotArea area, long targetScreenId, String label) {
    h.createUpdate(
            "UPDATE prototype_hotspot SET x = :x, y = :y, w = :w, h = :h,"
                + " target_screen_id = :target, label = :label WHERE id = :id")
        .bind("id", hotspotId)
        .bind("x", area.x())
        .bind("y", area.y())
        .bind("w", area.w())
        .bind("h", area.h())
        .bind("target", targetScreenId)
        .bind("label", label)
        .execute();
  }

  public void deleteHotspot(Handle h, long hotspotId) {
    h.createUpdate("DELETE FROM prototype_hotspot WHERE id = :id").bind("id", hotspotId).execute();
  }

  // ---- Share links ------------------------------------------------------------------------

  public long insertShare(
      Handle h, long prototypeId, String tokenHash, String label, long actorId, Instant now) {
    return h.createQuery(
            "INSERT INTO prototype_share (prototype_id, token_hash, label, created_by, created_at)"
                + " VALUES (:prototype, :hash, :label, :actor, :now) RETURNING id")
        .bind("prototype", prototypeId)
        .bind("hash", tokenHash)
        .bind("label", label)
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  /** The share links of a prototype, newest first. */
  public List<ShareLink> shares(Handle h, long prototypeId) {
    return h.createQuery(
            "SELECT "
                + SHARE_COLUMNS
                + " FROM prototype_share sh JOIN app_user u ON u.id = sh.created_by"
                + " WHERE sh.prototype_id = :prototype ORDER BY sh.id DESC")
        .bind("prototype", prototypeId)
        .map((rs, ctx) -> share(rs))
        .list();
  }

  public Optional<ShareLink> share(Handle h, long shareId) {
    return h.createQuery(
            "SELECT "
                + SHARE_COLUMNS
                + " FROM prototype_share sh JOIN app_user u ON u.id = sh.created_by"
                + " WHERE sh.id = :id")
        .bind("id", shareId)
        .map((rs, ctx) -> share(rs))
        .findOne();
  }

  private static ShareLink share(ResultSet rs) throws SQLException {
    return new ShareLink(
        rs.getLong("id"),
        rs.getLong("prototype_id"),
        rs.getString("label"),
        rs.getLong("created_by"),
        rs.getString("created_by_name"),
        Rows.instant(rs, "created_at"),
        Rows.instantOrNull(rs, "revoked_at"));
  }

  /** Revokes a link that still works; false when it was revoked already. */
  public boolean revokeShare(Handle h, long shareId, long actorId, Instant now) {
    return h.createUpdate(
                "UPDATE prototype_share SET revoked_at = :now, revoked_by = :actor"
                    + " WHERE id = :id AND revoked_at IS NULL")
            .bind("id", shareId)
            .bind("actor", actorId)
            .bind("now", Rows.millis(now))
            .execute()
        == 1;
  }

  /** The live prototype that a working (not revoked) link with this token hash shows. */
  public Optional<Item> sharedPrototype(Handle h, String tokenHash) {
    return h.createQuery(
            "SELECT "
                + EntityStore.ITEM_COLUMNS
                + " FROM "
                + EntityStore.ITEM_FROM
                + " JOIN prototype_share sh ON sh.prototype_id = e.id WHERE sh.token_hash = :hash"
                + " AND sh.revoked_at IS NULL AND e.deleted_at IS NULL AND e.kind = :kind")
        .bind("hash", tokenHash)
        .bind("kind", KIND)
        .map((rs, ctx) -> EntityStore.map(rs))
        .findOne();
  }
}
