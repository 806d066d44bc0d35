package io.hatrack.discovery.personas;

import io.hatrack.kernel.work.EntityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for personas; the name, key and version live in the persona's entity row. */
public final class PersonaStore {
  /** The kind of a persona in the entity table. */
  public static final String KIND = "persona";

  private static final String COLUMNS =
      EntityStore.ITEM_COLUMNS + ", x.description, x.goals, x.pains";
  private static final String FROM = EntityStore.ITEM_FROM + " JOIN persona x ON x.id = e.id";

  public void insert(Handle h, long id, long productId, PersonaDraft d) {
    h.createUpdate(
            "INSERT INTO persona (id, product_id, description, goals, pains)"
                + " VALUES (:id, :product, :description, :goals, :pains)")
        .bind("id", id)
        .bind("product", productId)
        .bind("description", d.description())
        .bind("goals", d.goals())
        .bind("pains", d.pains())
        .execute();
  }

  public void update(Handle h, long id, PersonaDraft d) {
    h.createUpdate(
            "UPDATE persona SET description = :description, goals = :goals, pains = :pains"
                + " WHERE id = :id")
        .bind("id", id)
        .bind("description", d.description())
        .bind("goals", d.goals())
        .bind("pains", d.pains())
        .execute();
  }

  public Optional<Persona> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM " + FROM + " WHERE e.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** A page of a product's live personas, by name. */
  public List<Persona> list(Handle h, long productId, long offset, int limit) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM "
                + FROM
                + " WHERE x.product_id = :product AND e.deleted_at IS NULL"
                + " ORDER BY e.search_title, e.id LIMIT :limit OFFSET :offset")
        .bind("product", productId)
        .bind("limit", limit)
        .bind("offset", offset)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  private static Persona map(ResultSet rs) throws SQLException {
    return new Persona(
        EntityStore.map(rs),
        rs.getString("description"),
        rs.getString("goals"),
        rs.getString("pains"));
  }
}
