package io.hatrack.planning.plans;

import io.hatrack.App;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.planning.teams.TeamDraft;
import java.util.Map;

/**
 * A product ready to plan: a scoring model with scores written as the scoring part would (straight
 * into V22's tables, which that part owns), teams with members, features with efforts.
 */
public final class PlanFixtures {
  private PlanFixtures() {}

  /** A scoring model of {@code product}, the default one when it is the first. */
  public static long model(App app, Product product, String name, String kind) {
    return app.database()
        .tx(
            h ->
                h.createUpdate(
                        "INSERT INTO scoring_model (product_id, name, kind, is_default, created_at,"
                            + " updated_at) VALUES (?, ?, ?, ?, 1, 1)")
                    .bind(0, product.id())
                    .bind(1, name)
                    .bind(2, kind)
                    .bind(3, kind.equals("rice"))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
  }

  public static void score(App app, long item, long model, double score) {
    app.database()
        .txVoid(
            h ->
                h.execute(
                    "INSERT INTO item_score (item_id, model_id, inputs, score, computed_at)"
                        + " VALUES (?, ?, '{}', ?, 1)",
                    item,
                    model,
                    score));
  }

  public static void moscow(App app, long item, long model, String category) {
    app.database()
        .txVoid(
            h ->
                h.execute(
                    "INSERT INTO item_score (item_id, model_id, inputs, computed_at)"
                        + " VALUES (?, ?, ?, 1)",
                    item,
                    model,
                    "{\"category\": {\"value\": \"" + category + "\", \"source\": \"manual\"}}"));
  }

  /** A team of the workspace with {@code members} (handle → allocation %). */
  public static void team(
      App app, User owner, String workspace, String name, Map<String, Integer> members) {
    var teams = app.planning().releasePlanning().teams();
    var t = teams.create(owner, workspace, TeamDraft.named(name));
    members.forEach(
        (handle, allocation) -> teams.putMember(owner, workspace, t.slug(), handle, allocation));
  }

  /** A feature of {@code product} with a score and efforts (team slug → effort). */
  public static WorkItem feature(
      App app,
      User owner,
      Product product,
      long model,
      String title,
      Double score,
      Map<String, Double> efforts) {
    WorkItem w =
        app.definition()
            .workItems()
            .create(owner, product.slug(), NewWorkItem.of("feature", title));
    if (score != null) {
      score(app, w.id(), model, score);
    }
    if (!efforts.isEmpty()) {
      app.planning().releasePlanning().teams().setEfforts(owner, w.key(), efforts);
    }
    return w;
  }
}
