package io.hatrack.definition.query;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemStore;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of term selects exactly the right items, on SQLite and PostgreSQL. */
@OnEveryDatabase
class WorkItemQueryTest {
  private final WorkItemStore store = new WorkItemStore();

  /** A product with a small hierarchy, owners, states, estimates and tags. */
  private static final class Backlog {
    Team team;
    User ana;
    User ben;
    WorkItem epic;
    WorkItem feature;
    WorkItem saveCard;
    WorkItem payWithCard;
    WorkItem bug;
    WorkItem task;

    Product product() {
      return team.product();
    }

    User me() {
      return team.owner();
    }
  }

  private static WorkItem item(
      TestApp app,
      Backlog b,
      String type,
      String title,
      WorkItem parent,
      User owner,
      Double estimate,
      String status) {
    return app.app()
        .definition()
        .workItems()
        .create(
            b.me(),
            b.product().slug(),
            new NewWorkItem(
                type,
                title,
                null,
                parent == null ? null : parent.key(),
                owner == null ? null : "@" + owner.handle(),
                estimate,
                null,
                status,
                null,
                null,
                null,
                null,
                List.of()));
  }

  private static Backlog backlog(TestApp app) {
    Backlog b = new Backlog();
    b.team = team(app);
    b.ana = b.team.member(app, Role.EDITOR, "ana");
    b.ben = b.team.member(app, Role.EDITOR, "ben");
    b.epic = item(app, b, "epic", "Saved payment methods", null, null, null, null);
    b.feature = item(app, b, "feature", "One-click saved cards", b.epic, b.ana, 5.0, "In review");
    b.saveCard = item(app, b, "story", "Save a card at checkout", b.feature, b.ben, 3.0, "Done");
    b.payWithCard = item(app, b, "story", "Pay with a SAVED card", b.feature, null, 8.0, "Ready");
    b.bug = item(app, b, "bug", "3-D Secure fails on Safari", null, b.me(), null, "In progress");
    b.task = item(app, b, "task", "Write the runbook", b.bug, null, null, null);
    app.collaboration().tags().set(b.me(), b.feature.key(), List.of("mobile"));
    app.collaboration().tags().set(b.me(), b.saveCard.key(), List.of("mobile", "ios"));
    app.collaboration().tags().set(b.me(), b.task.key(), List.of("ops"));
    return b;
  }

  /** The keys of the items {@code q} selects, in the query's order; checks the count agrees. */
  private List<String> keys(TestApp app, User reader, Product product, String q) {
    return app.database()
        .read(
            h -> {
              ProductAccess access = app.products().access(h, reader, product.slug());
              WorkItemQuery.Compiled compiled =
                  app.app().definition().queries().compile(h, access, reader, q);
              long total = store.count(h, product.id(), compiled.filter());
              List<WorkItem> items = store.list(h, product.id(), compiled.filter(), total, 0, 200);
              assertThat(total).as("count of " + q).isEqualTo(items.size());
              return items.stream().map(WorkItem::key).toList();
            });
  }

  private List<String> keys(TestApp app, Backlog b, String q) {
    return keys(app, b.me(), b.product(), q);
  }

  private static List<String> keysOf(WorkItem... items) {
    return java.util.Arrays.stream(items).map(WorkItem::key).toList();
  }

  @Test
  void aBlankQuerySelectsEveryItemMostRecentlyUpdatedFirst(TestApp app) {
    Backlog b = backlog(app);

    assertThat(keys(app, b, ""))
        .containsExactlyElementsOf(
            keysOf(b.task, b.bug, b.payWithCard, b.saveCard, b.feature, b.epic));
  }

  @Test
  void typeStatusAndCategorySelectByTheirValues(TestApp app) {
    Backlog b = backlog(app);

    assertThat(keys(app, b, "type:feature,story"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.feature, b.saveCard, b.payWithCard));
    assertThat(keys(app, b, "status:\"in review\"")).containsExactlyElementsOf(keysOf(b.feature));
    assertThat(keys(app, b, "status:DONE,ready"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.saveCard, b.payWithCard));
    assertThat(keys(app, b, "category:todo"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.epic, b.payWithCard, b.task));
    assertThat(keys(app, b, "-category:done type:story"))
        .containsExactlyElementsOf(keysOf(b.payWithCard));
  }

  @Test
  void ownersAreFoundByHandleByMeAndByNone(TestApp app) {
    Backlog b = backlog(app);

    assertThat(keys(app, b, "owner:@" + b.ana.handle()))
        .containsExactlyElementsOf(keysOf(b.feature));
    assertThat(keys(app, b, "owner:" + b.ben.handle()))
        .containsExactlyElementsOf(keysOf(b.saveCard));
    assertThat(keys(app, b, "owner:me")).containsExactlyElementsOf(keysOf(b.bug));
    assertThat(keys(app, b.ana, b.product(), "owner:me"))
        .containsExactlyElementsOf(keysOf(b.feature));
    assertThat(keys(app, b, "owner:none"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.epic, b.payWithCard, b.task));
    assertThat(keys(app, b, "-owner:me"))
        .containsExactlyInAnyOrderElementsOf(
            keysOf(b.epic, b.feature, b.saveCard, b.payWithCard, b.task));
    assertThat(keys(app, b, "creator:me")).hasSize(6);
  }

  @Test
  void parentUnderAndKeyFollowTheHierarchy(TestApp app) {
    Backlog b = backlog(app);

    assertThat(keys(app, b, "parent:" + b.feature.key()))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.saveCard, b.payWithCard));
    assertThat(keys(app, b, "parent:none"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.epic, b.bug));
    assertThat(keys(app, b, "under:" + b.epic.key()))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.feature, b.saveCard, b.payWithCard));
    assertThat(keys(app, b, "under:" + b.epic.key() + "," + b.bug.key()))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.feature, b.saveCard, b.payWithCard, b.task));
    assertThat(keys(app, b, "key:" + b.bug.key() + "," + b.task.item().number()))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.bug, b.task));
    assertThat(keys(app, b, "has:children"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.epic, b.feature, b.bug));
  }

  @Test
  void tagsCombineWithCommasAsOrAndAcrossTermsAsAnd(TestApp app) {
    Backlog b = backlog(app);

    assertThat(keys(app, b, "tag:mobile"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.feature, b.saveCard));
    assertThat(keys(app, b, "tag:mobile tag:ios")).containsExactlyElementsOf(keysOf(b.saveCard));
    assertThat(keys(app, b, "tag:ios,ops"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.saveCard, b.task));
    assertThat(keys(app, b, "-tag:mobile"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.epic, b.payWithCard, b.bug, b.task));
    assertThat(keys(app, b, "no:tags"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.epic, b.payWithCard, b.bug));
  }

  @Test
  void estimatesCompareAndItemsWithoutOneAreTheRestOfANegation(TestApp app) {
    Backlog b = backlog(app);

    assertThat(keys(app, b, "estimate>3"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.feature, b.payWithCard));
    assertThat(keys(app, b, "estimate>=3 estimate<8"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.saveCard, b.feature));
    assertThat(keys(app, b, "estimate:3..5"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.saveCard, b.feature));
    assertThat(keys(app, b, "estimate=8")).containsExactlyElementsOf(keysOf(b.payWithCard));
    assertThat(keys(app, b, "-estimate>3"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.epic, b.saveCard, b.bug, b.task));
    assertThat(keys(app, b, "no:estimate"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.epic, b.bug, b.task));
    assertThat(keys(app, b, "has:estimate has:owner"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.feature, b.saveCard));
  }

  @Test
  void wordsMatchTitlesWhateverTheCaseAndKeysFindTheirItem(TestApp app) {
    Backlog b = backlog(app);
    WorkItem cafe = item(app, b, "task", "Café für Kunden", null, null, null, null);

    assertThat(keys(app, b, "saved"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.epic, b.feature, b.payWithCard));
    assertThat(keys(app, b, "SAVED card"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.feature, b.payWithCard));
    assertThat(keys(app, b, "\"a saved card\"")).containsExactlyElementsOf(keysOf(b.payWithCard));
    assertThat(keys(app, b, "saved -card")).containsExactlyElementsOf(keysOf(b.epic));
    assertThat(keys(app, b, "CAFÉ")).containsExactlyElementsOf(keysOf(cafe));
    assertThat(keys(app, b, "title:runbook,safari"))
        .containsExactlyInAnyOrderElementsOf(keysOf(b.bug, b.task));
    assertThat(keys(app, b, b.task.key().toLowerCase(java.util.Locale.ROOT)))
        .containsExactlyElementsOf(keysOf(b.task));
    assertThat(keys(app, b, "50%")).isEmpty();
  }

  @Test
  void createdAndUpdatedCompareWithDaysAndRelativeDays(TestApp app) {
    Backlog b = backlog(app);
    app.clock().advance(Duration.ofDays(10));
    WorkItem late = item(app, b, "story", "Added later", b.feature, null, null, null);
    LocalDate today = LocalDate.ofInstant(app.clock().instant(), ZoneOffset.UTC);

    assertThat(keys(app, b, "created>7d")).containsExactlyElementsOf(keysOf(late));
    assertThat(keys(app, b, "created<7d")).hasSize(6).doesNotContain(late.key());
    assertThat(keys(app, b, "created:today")).containsExactlyElementsOf(keysOf(late));
    assertThat(keys(app, b, "updated>=" + today)).containsExactlyElementsOf(keysOf(late));
    assertThat(keys(app, b, "updated<" + today)).hasSize(6);
    assertThat(keys(app, b, "created:" + today.minusDays(30) + ".." + today.minusDays(1)))
        .hasSize(6);
  }

  @Test
  void sortKeysOrderTheItemsWithEmptyValuesLast(TestApp app) {
    Backlog b = backlog(app);

    assertThat(keys(app, b, "sort:estimate"))
        .containsExactlyElementsOf(
            keysOf(b.saveCard, b.feature, b.payWithCard, b.epic, b.bug, b.task));
    assertThat(keys(app, b, "sort:-estimate"))
        .containsExactlyElementsOf(
            keysOf(b.payWithCard, b.feature, b.saveCard, b.task, b.bug, b.epic));
    assertThat(keys(app, b, "sort:key"))
        .containsExactlyElementsOf(
            keysOf(b.epic, b.feature, b.saveCard, b.payWithCard, b.bug, b.task));
    assertThat(keys(app, b, "type:story,feature sort:status,-key"))
        .containsExactlyElementsOf(keysOf(b.payWithCard, b.feature, b.saveCard));
    assertThat(keys(app, b, "sort:type,title"))
        .containsExactlyElementsOf(
            keysOf(b.epic, b.feature, b.payWithCard, b.saveCard, b.bug, b.task));
    assertThat(keys(app, b, "has:owner sort:owner")).hasSize(3);
    assertThat(keys(app, b, "sort:parent,key").subList(0, 2))
        .containsExactlyElementsOf(keysOf(b.feature, b.saveCard));
  }

  @Test
  void aWrongQueryIsAnInvalidOnQWithTheColumnAndTheStates(TestApp app) {
    Backlog b = backlog(app);

    assertThatThrownBy(() -> keys(app, b, "type:story status:Reviewing"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("q"))
                    .isEqualTo(
                        "column 19: no state named \"Reviewing\"; states are Backlog, Ready,"
                            + " In progress, In review, Done, Won't do\n"
                            + "type:story status:Reviewing\n"
                            + "                  ^^^^^^^^^"));
    assertThatThrownBy(() -> keys(app, b, "owner:@nobody"))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("no member @nobody");
    assertThatThrownBy(() -> keys(app, b, "tag:mobil"))
        .hasMessageContaining("did you mean \"mobile\"?");
  }

  @Test
  void membersOfAnotherWorkspaceAreNotFound(TestApp app) {
    Backlog b = backlog(app);
    User stranger = Fixtures.user(app, "stranger");

    assertThatThrownBy(() -> keys(app, b, "owner:@" + stranger.handle()))
        .isInstanceOf(Invalid.class)
        .hasMessageContaining("no member @" + stranger.handle());
  }

  @Test
  void attemptReturnsTheErrorForTheUiToUnderline(TestApp app) {
    Backlog b = backlog(app);

    WorkItemQuery.Outcome outcome =
        app.database()
            .read(
                h ->
                    app.app()
                        .definition()
                        .queries()
                        .attempt(
                            h,
                            app.products().access(h, b.me(), b.product().slug()),
                            b.me(),
                            "type:feature stauts:done"));

    assertThat(outcome)
        .isEqualTo(new QueryError(13, 6, "unknown field \"stauts\": did you mean \"status\"?"));
  }

  @Test
  void itemsOfOtherProductsAndDeletedItemsNeverShow(TestApp app) {
    Backlog b = backlog(app);
    Backlog other = backlog(app);
    app.app().definition().workItems().delete(b.me(), b.task.key(), b.task.version());

    assertThat(keys(app, b, "type:task")).isEmpty();
    assertThat(keys(app, other, "type:task")).containsExactlyElementsOf(keysOf(other.task));
  }
}
