package io.hatrack.discovery.feedback;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.kernel.search.SearchHit;
import io.hatrack.kernel.search.SearchService;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Feedback in the full-text search, on both databases: found by its words with filters and
 * highlights, and the index following every change in the change's own transaction.
 */
@OnEveryDatabase
class FeedbackSearchTest {
  private static final Instant JAN = Instant.parse("2025-01-15T10:00:00Z");
  private static final Instant MAR = Instant.parse("2025-03-15T10:00:00Z");

  private static FeedbackService feedback(TestApp app) {
    return app.app().discovery().feedback().service();
  }

  private static Feedback add(TestApp app, Team team, FeedbackDraft draft) {
    return feedback(app).create(team.owner(), team.product().slug(), draft);
  }

  private static Customer customer(TestApp app, Team team, String name, String segment) {
    return app.app()
        .discovery()
        .customers()
        .create(
            team.owner(),
            team.workspace().slug(),
            CustomerDraft.of(name + " " + Fixtures.unique()).in(segment, "", ""));
  }

  private static List<SearchHit> hits(TestApp app, Team team, String q, String field, String v) {
    SearchService.Request r =
        new SearchService.Request(
            q,
            team.product().slug(),
            field.equals("kind") ? v : null,
            field.equals("source") ? v : null,
            field.equals("customer") ? v : null,
            field.equals("segment") ? v : null,
            field.equals("from") ? v : null,
            field.equals("to") ? v : null,
            field.equals("tag") ? v : null,
            field.equals("status") ? v : null,
            field.equals("sentiment") ? v : null,
            null,
            null);
    return app.app().search().search(team.owner(), r).slice().items();
  }

  private static List<Long> ids(TestApp app, Team team, String q, String field, String value) {
    return hits(app, team, q, field, value).stream().map(SearchHit::id).toList();
  }

  private static List<Long> ids(TestApp app, Team team, String q) {
    return ids(app, team, q, "kind", "feedback");
  }

  @Test
  void feedbackIsFoundByItsWordsHighlightedAndNarrowedByEachFilter(TestApp app) {
    Team team = team(app);
    Customer big = customer(app, team, "Big Co", "Enterprise");
    Customer small = customer(app, team, "Small Co", "SMB");
    Feedback slow =
        add(
            app,
            team,
            FeedbackDraft.of("Refund takes three weeks, terrible and awful.", "support_ticket")
                .withCustomer(big.id(), null)
                .withHappenedAt(JAN)
                .withTags(List.of("payments")));
    Feedback quick =
        add(
            app,
            team,
            FeedbackDraft.of("Refund was quick, great service, thank you!", "sales_call")
                .withCustomer(small.id(), null)
                .withHappenedAt(MAR)
                .withStatus("triaged"));
    add(app, team, FeedbackDraft.of("Dark mode please", "email"));

    List<SearchHit> found = hits(app, team, "refund", "kind", "feedback");
    assertThat(found).extracting(SearchHit::id).containsExactlyInAnyOrder(slow.id(), quick.id());
    SearchHit hit = found.stream().filter(h -> h.id() == slow.id()).findFirst().orElseThrow();
    assertThat(hit.titleHtml()).contains("<mark>Refund</mark> takes three weeks");
    assertThat(hit.snippetHtml()).contains("<mark>Refund</mark>");
    assertThat(hit.kind()).isEqualTo("feedback");
    assertThat(hit.key()).isEqualTo(slow.key());
    assertThat(hit.url()).isEqualTo("/i/" + slow.key());
    assertThat(hit.source()).isEqualTo("support_ticket");
    assertThat(hit.status()).isEqualTo("new");
    assertThat(hit.happenedAt()).isEqualTo(JAN);

    assertThat(ids(app, team, "refund", "source", "support_ticket")).containsExactly(slow.id());
    assertThat(ids(app, team, "refund", "customer", Long.toString(small.id())))
        .containsExactly(quick.id());
    assertThat(ids(app, team, "refund", "segment", "enterprise")).containsExactly(slow.id());
    assertThat(ids(app, team, "refund", "from", "2025-03-01")).containsExactly(quick.id());
    assertThat(ids(app, team, "refund", "to", "2025-02-01")).containsExactly(slow.id());
    assertThat(ids(app, team, "refund", "tag", "payments")).containsExactly(slow.id());
    assertThat(ids(app, team, "refund", "status", "triaged")).containsExactly(quick.id());
    assertThat(ids(app, team, "refund", "sentiment", "negative")).containsExactly(slow.id());
    assertThat(ids(app, team, "refund", "sentiment", "positive")).containsExactly(quick.id());
  }

  @Test
  void theIndexFollowsEditsStatusesAndLinks(TestApp app) {
    Team team = team(app);
    Feedback f = add(app, team, FeedbackDraft.of("Payouts arrive late", "email"));
    WorkItem feature =
        app.app()
            .definition()
            .workItems()
            .create(team.owner(), team.product().slug(), NewWorkItem.of("feature", "Faster"));

    Feedback edited =
        feedback(app)
            .update(
                team.owner(),
                f.key(),
                f.version(),
                new FeedbackDraft(
                    "Settlements arrive late",
                    null,
                    "email",
                    null,
                    null,
                    f.happenedAt(),
                    null,
                    null,
                    "new",
                    null));
    assertThat(ids(app, team, "payouts")).isEmpty();
    assertThat(ids(app, team, "settlements")).containsExactly(f.id());

    feedback(app).setStatus(team.owner(), f.key(), edited.version(), "triaged");
    assertThat(ids(app, team, "settlements", "status", "triaged")).containsExactly(f.id());

    feedback(app).link(team.owner(), f.key(), feature.key());
    assertThat(ids(app, team, "settlements", "status", "linked")).containsExactly(f.id());
    assertThat(ids(app, team, "settlements", "status", "triaged")).isEmpty();

    long link = feedback(app).links(team.owner(), f.key()).get(0).id();
    feedback(app).unlink(team.owner(), f.key(), link);
    assertThat(ids(app, team, "settlements", "status", "triaged")).containsExactly(f.id());
  }

  @Test
  void deletedFeedbackLeavesTheIndexAndRestoredFeedbackComesBack(TestApp app) {
    Team team = team(app);
    Feedback f = add(app, team, FeedbackDraft.of("Chargebacks are confusing", "email"));

    feedback(app).delete(team.owner(), f.key(), f.version());
    assertThat(ids(app, team, "chargebacks")).isEmpty();
    long documents =
        app.database()
            .read(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM search_doc WHERE id = :id")
                        .bind("id", f.id())
                        .mapTo(Long.class)
                        .one());
    assertThat(documents).isZero();

    feedback(app).restore(team.owner(), f.key());
    assertThat(ids(app, team, "chargebacks")).containsExactly(f.id());
  }

  @Test
  void mergedFeedbackIsArchivedInTheIndexTooAndTheTargetBecomesLinked(TestApp app) {
    Team team = team(app);
    WorkItem feature =
        app.app()
            .definition()
            .workItems()
            .create(team.owner(), team.product().slug(), NewWorkItem.of("feature", "Wallets"));
    Feedback target = add(app, team, FeedbackDraft.of("Apple Pay at checkout", "portal"));
    Feedback duplicate = add(app, team, FeedbackDraft.of("Please support Apple Pay", "email"));
    feedback(app).link(team.owner(), duplicate.key(), feature.key());

    feedback(app).merge(team.owner(), target.key(), List.of(duplicate.key()));

    assertThat(ids(app, team, "apple", "status", "archived")).containsExactly(duplicate.id());
    assertThat(ids(app, team, "apple", "status", "linked")).containsExactly(target.id());
  }

  @Test
  void importedFeedbackIsFoundWithItsTagsOnceItsTransactionCommits(TestApp app) {
    Team team = team(app);
    List<FeedbackDraft> drafts =
        List.of(
            FeedbackDraft.of("Invoices need a VAT number", "support_ticket")
                .withTags(List.of("billing")),
            FeedbackDraft.of("Invoicing in euros", "email"),
            FeedbackDraft.of("Dark mode", "email"));

    List<Long> created =
        app.database()
            .tx(
                h ->
                    feedback(app)
                        .createAll(
                            h,
                            team.owner(),
                            app.products().access(h, team.owner(), team.product().slug()),
                            drafts,
                            "a test"));

    assertThat(ids(app, team, "invoic*")).containsExactlyInAnyOrder(created.get(0), created.get(1));
    assertThat(ids(app, team, "invoic*", "tag", "billing")).containsExactly(created.get(0));
    assertThat(ids(app, team, "invoic*", "source", "email")).containsExactly(created.get(1));
  }

  @Test
  void startingAgainIndexesFeedbackTheIndexLacksAndAdminsCanRebuildIt(TestApp app) {
    Team team = team(app);
    Feedback f = add(app, team, FeedbackDraft.of("Settlement report is missing fees", "email"));
    app.database()
        .txVoid(
            h ->
                h.createUpdate("DELETE FROM search_doc WHERE kind = 'feedback' AND product_id = :p")
                    .bind("p", team.product().id())
                    .execute());
    assertThat(ids(app, team, "settlement")).isEmpty();

    assertThat(app.app().search().reindexIfEmpty()).isTrue();
    assertThat(ids(app, team, "settlement")).containsExactly(f.id());

    assertThat(app.app().search().reindex(team.owner(), team.product().slug())).isPositive();
    assertThat(ids(app, team, "settlement")).containsExactly(f.id());
    assertThat(app.app().search().reindexIfEmpty()).isFalse();
  }
}
