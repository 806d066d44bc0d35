package io.hatrack.definition.query;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemStore;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Custom-field terms against real {@code custom_field} / {@code custom_value} rows. The tables
 * belong to the custom fields' migration; where it has not run, the test creates them with the
 * columns the query language relies on, so that these tests run with and without it.
 */
@OnEveryDatabase
class CustomFieldQueryTest {
  private final WorkItemStore store = new WorkItemStore();

  private static void ensureTables(TestApp app) {
    String idPk = app.dialect().placeholders().get("id_pk");
    app.database()
        .txVoid(
            h -> {
              h.execute(
                  "CREATE TABLE IF NOT EXISTS custom_field (id "
                      + idPk
                      + ", product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,"
                      + " field_key TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,"
                      + " options TEXT NOT NULL DEFAULT '')");
              h.execute(
                  "CREATE TABLE IF NOT EXISTS custom_value (item_id BIGINT NOT NULL REFERENCES"
                      + " entity (id) ON DELETE CASCADE, field_id BIGINT NOT NULL REFERENCES"
                      + " custom_field (id) ON DELETE CASCADE, text_value TEXT, number_value"
                      + (app.dialect() == Dialect.POSTGRESQL ? " DOUBLE PRECISION" : " REAL")
                      + ", user_value BIGINT, PRIMARY KEY (item_id, field_id))");
            });
  }

  private static long field(
      TestApp app, long productId, String key, String type, String... options) {
    return app.database()
        .tx(
            h ->
                h.createQuery(
                        "INSERT INTO custom_field (product_id, field_key, name, type, options)"
                            + " VALUES (:p, :k, :n, :t, :o) RETURNING id")
                    .bind("p", productId)
                    .bind("k", key)
                    .bind("n", key)
                    .bind("t", type)
                    .bind("o", String.join("\n", options))
                    .mapTo(Long.class)
                    .one());
  }

  private static void value(
      TestApp app, WorkItem item, long field, String text, Double number, Long user) {
    app.database()
        .txVoid(
            h ->
                h.createUpdate(
                        "INSERT INTO custom_value (item_id, field_id, text_value, number_value,"
                            + " user_value) VALUES (:i, :f, :t, :n, :u)")
                    .bind("i", item.id())
                    .bind("f", field)
                    .bind("t", text)
                    .bind("n", number)
                    .bind("u", user)
                    .execute());
  }

  private List<String> keys(TestApp app, Team team, String q) {
    User reader = team.owner();
    return app.database()
        .read(
            (Handle h) -> {
              ProductAccess access = app.products().access(h, reader, team.product().slug());
              var compiled = app.app().definition().queries().compile(h, access, reader, q);
              long total = store.count(h, team.product().id(), compiled.filter());
              List<WorkItem> items =
                  store.list(h, team.product().id(), compiled.filter(), total, 0, 100);
              assertThat(total).isEqualTo(items.size());
              return items.stream().map(WorkItem::key).toList();
            });
  }

  private static List<String> keysOf(WorkItem... items) {
    return Arrays.stream(items).map(WorkItem::key).toList();
  }

  @Test
  void everyKindOfCustomFieldFiltersAndSorts(TestApp app) {
    ensureTables(app);
    Team team = team(app);
    User ana = team.member(app, Role.EDITOR, "ana");
    var items = app.app().definition().workItems();
    String slug = team.product().slug();
    WorkItem a = items.create(team.owner(), slug, NewWorkItem.of("feature", "Alpha"));
    WorkItem b = items.create(team.owner(), slug, NewWorkItem.of("feature", "Beta"));
    WorkItem c = items.create(team.owner(), slug, NewWorkItem.of("feature", "Gamma"));
    long pid = team.product().id();
    long risk = field(app, pid, "risk", "select", "low", "medium", "high");
    long value = field(app, pid, "customer_value", "number");
    long ready = field(app, pid, "design_ready", "checkbox");
    long target = field(app, pid, "target_date", "date");
    long reviewer = field(app, pid, "reviewer", "person");
    long platforms = field(app, pid, "platforms", "multi_select", "web", "ios", "android");
    long notes = field(app, pid, "notes", "text");
    long score = field(app, pid, "score", "formula");
    value(app, a, risk, "high", null, null);
    value(app, b, risk, "low", null, null);
    value(app, a, value, null, 8.0, null);
    value(app, b, value, null, 5.0, null);
    value(app, c, value, null, 2.0, null);
    value(app, a, ready, null, 1.0, null);
    value(app, b, ready, null, 0.0, null);
    value(app, a, target, "2027-01-15", null, null);
    value(app, b, target, "2027-06-30", null, null);
    value(app, b, reviewer, null, null, ana.id());
    value(app, a, platforms, "|web|ios|", null, null);
    value(app, c, platforms, "|android|", null, null);
    value(app, c, notes, "Ask Brightwave about 50% of refunds", null, null);
    value(app, a, score, null, 12.5, null);

    assertThat(keys(app, team, "risk:HIGH")).containsExactlyElementsOf(keysOf(a));
    assertThat(keys(app, team, "risk:low,high")).containsExactlyInAnyOrderElementsOf(keysOf(a, b));
    assertThat(keys(app, team, "risk:none")).containsExactlyElementsOf(keysOf(c));
    assertThat(keys(app, team, "-risk:high")).containsExactlyInAnyOrderElementsOf(keysOf(b, c));
    assertThat(keys(app, team, "customer_value>=5"))
        .containsExactlyInAnyOrderElementsOf(keysOf(a, b));
    assertThat(keys(app, team, "customer_value:2..5"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b, c));
    assertThat(keys(app, team, "design_ready:true")).containsExactlyElementsOf(keysOf(a));
    assertThat(keys(app, team, "design_ready:false"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b, c));
    assertThat(keys(app, team, "target_date<2027-03-01")).containsExactlyElementsOf(keysOf(a));
    assertThat(keys(app, team, "target_date:2027-06-30")).containsExactlyElementsOf(keysOf(b));
    assertThat(keys(app, team, "no:target_date")).containsExactlyElementsOf(keysOf(c));
    assertThat(keys(app, team, "reviewer:@" + ana.handle())).containsExactlyElementsOf(keysOf(b));
    assertThat(keys(app, team, "platforms:ios,android"))
        .containsExactlyInAnyOrderElementsOf(keysOf(a, c));
    assertThat(keys(app, team, "notes:\"50% of\"")).containsExactlyElementsOf(keysOf(c));
    assertThat(keys(app, team, "notes:brightwave")).containsExactlyElementsOf(keysOf(c));
    assertThat(keys(app, team, "score>10 has:risk")).containsExactlyElementsOf(keysOf(a));
    assertThat(keys(app, team, "sort:risk")).containsExactlyElementsOf(keysOf(b, a, c));
    assertThat(keys(app, team, "sort:-customer_value")).containsExactlyElementsOf(keysOf(a, b, c));
    assertThat(keys(app, team, "sort:target_date")).containsExactlyElementsOf(keysOf(a, b, c));
    assertThat(keys(app, team, "sort:reviewer,key")).containsExactlyElementsOf(keysOf(b, a, c));
  }

  @Test
  void theCatalogReadsAProductsFieldsWithTheirOptions(TestApp app) {
    ensureTables(app);
    Team team = team(app);
    long id = field(app, team.product().id(), "risk", "select", "low", " medium ", "", "high");

    List<FieldCatalog.CustomField> fields =
        app.database().read(h -> new FieldCatalogStore().fields(h, team.product().id()));

    assertThat(fields)
        .containsExactly(
            new FieldCatalog.CustomField(
                id, "risk", "risk", FieldCatalog.Type.SELECT, List.of("low", "medium", "high")));
    java.util.Optional<FieldCatalog.CustomField> byKey =
        app.database().read(h -> new FieldCatalogStore().field(h, team.product().id(), "RISK"));
    assertThat(byKey).isPresent();
  }
}
