package io.hatrack.definition;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** SQL for a product's workflow states and transitions, and its definition settings. */
public final class WorkflowStore {
  /** A product's settings of the definition hat. */
  public record Settings(
      long productId, EstimateUnit estimateUnit, Double storySizeLimit, long version) {}

  public Optional<Settings> settings(Handle h, long productId) {
    return h.createQuery(
            "SELECT product_id, estimate_unit, story_size_limit, version FROM definition_settings"
                + " WHERE product_id = :product")
        .bind("product", productId)
        .map(
            (rs, ctx) -> {
              double limit = rs.getDouble("story_size_limit");
              Double storySizeLimit = rs.wasNull() ? null : limit;
              return new Settings(
                  rs.getLong("product_id"),
                  EstimateUnit.parse("estimate_unit", rs.getString("estimate_unit")),
                  storySizeLimit,
                  rs.getLong("version"));
            })
        .findOne();
  }

  public void insertSettings(Handle h, long productId) {
    h.createUpdate(
            "INSERT INTO definition_settings (product_id) VALUES (:product)"
                + " ON CONFLICT (product_id) DO NOTHING")
        .bind("product", productId)
        .execute();
  }

  public boolean updateSettings(
      Handle h, long productId, long expectedVersion, EstimateUnit unit, Double limit) {
    return h.createUpdate(
                "UPDATE definition_settings SET estimate_unit = :unit, story_size_limit = :limit,"
                    + " version = version + 1 WHERE product_id = :product AND version = :expected")
            .bind("unit", unit.id())
            .bind("limit", limit)
            .bind("product", productId)
            .bind("expected", expectedVersion)
            .execute()
        == 1;
  }

  public List<WorkflowState> states(Handle h, long productId) {
    return h.createQuery(
            "SELECT id, product_id, name, category, position FROM workflow_state"
                + " WHERE product_id = :product ORDER BY position, id")
        .bind("product", productId)
        .map(
            (rs, ctx) ->
                new WorkflowState(
                    rs.getLong("id"),
                    rs.getLong("product_id"),
                    rs.getString("name"),
                    StateCategory.parse("category", rs.getString("category")),
                    rs.getInt("position")))
        .list();
  }

  public Set<Workflow.Transition> transitions(Handle h, long productId) {
    return new HashSet<>(
        h.createQuery(
                "SELECT from_state, to_state FROM workflow_transition WHERE product_id = :product")
            .bind("product", productId)
            .map(
                (rs, ctx) ->
                    new Workflow.Transition(rs.getLong("from_state"), rs.getLong("to_state")))
            .list());
  }

  public long insertState(
      Handle h, long productId, String name, StateCategory category, int position) {
    return h.createQuery(
            "INSERT INTO workflow_state (product_id, name, category, position)"
                + " VALUES (:product, :name, :category, :position) RETURNING id")
        .bind("product", productId)
        .bind("name", name)
        .bind("category", category.id())
        .bind("position", position)
        .mapTo(Long.class)
        .one();
  }

  public void updateState(Handle h, long id, String name, StateCategory category, int position) {
    h.createUpdate(
            "UPDATE workflow_state SET name = :name, category = :category, position = :position"
                + " WHERE id = :id")
        .bind("name", name)
        .bind("category", category.id())
        .bind("position", position)
        .bind("id", id)
        .execute();
  }

  public void deleteState(Handle h, long id) {
    h.createUpdate("DELETE FROM workflow_state WHERE id = :id").bind("id", id).execute();
  }

  public long itemsInState(Handle h, long stateId) {
    return h.createQuery("SELECT COUNT(*) FROM work_item WHERE state_id = :state")
        .bind("state", stateId)
        .mapTo(Long.class)
        .one();
  }

  public void replaceTransitions(Handle h, long productId, Set<Workflow.Transition> transitions) {
    h.createUpdate("DELETE FROM workflow_transition WHERE product_id = :product")
        .bind("product", productId)
        .execute();
    for (Workflow.Transition t : transitions) {
      h.createUpdate(
              "INSERT INTO workflow_transition (product_id, from_state, to_state)"
                  + " VALUES (:product, :from, :to)")
          .bind("product", productId)
          .bind("from", t.from())
          .bind("to", t.to())
          .execute();
    }
  }
}
