package io.hatrack.discovery.research;

import static io.hatrack.discovery.research.ResearchFixtures.research;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Insights in the full-text search, on both databases, kept current as they change. */
@OnEveryDatabase
class InsightSearchTest {

  private static List<SearchHit> hits(TestApp app, Team team, String q, String field, String v) {
    SearchService.Request r =
        new SearchService.Request(
            q,
            team.product().slug(),
            field.equals("kind") ? v : null,
            null,
            field.equals("customer") ? v : null,
            field.equals("segment") ? v : null,
            field.equals("from") ? v : null,
            null,
            field.equals("tag") ? v : null,
            null,
            null,
            null,
            null);
    return app.app().search().search(team.owner(), r).slice().items();
  }

  private static List<Long> ids(TestApp app, Team team, String q, String field, String value) {
    return hits(app, team, q, field, value).stream().map(SearchHit::id).toList();
  }

  /** A study whose participant is at {@code customer}, with one session on 2026-03-02. */
  private static Session session(TestApp app, Team team, Customer customer) {
    Research r = research(app);
    Study study = r.studies().create(team.owner(), team.product().slug(), StudyDraft.of("Cards"));
    String ref = Long.toString(study.id());
    Participant lena =
        r.studies()
            .addParticipant(
                team.owner(),
                ref,
                new ParticipantDraft("Lena Fischer", customer.id(), null, null, null));
    return r.sessions()
        .create(
            team.owner(),
            ref,
            new SessionDraft(
                "2026-03-02",
                team.owner().id(),
                List.of(lena.id()),
                "Lena never saves cards because she does not trust the retailer."));
  }

  @Test
  void anInsightIsFoundByItsQuoteAndNoteWithTagCustomerSegmentAndDateFilters(TestApp app) {
    Team team = team(app);
    Customer acme =
        app.app()
            .discovery()
            .customers()
            .create(
                team.owner(),
                team.workspace().slug(),
                CustomerDraft.of("Acme " + Fixtures.unique()).in("Enterprise", "", ""));
    Session session = session(app, team, acme);
    Insight said =
        research(app)
            .insights()
            .create(
                team.owner(),
                team.product().slug(),
                InsightDraft.from(session.id(), "notes", null, "does not trust the retailer")
                    .withNote("Trust decides whether shoppers save cards.")
                    .tagged("trust"));
    Insight other =
        research(app)
            .insights()
            .create(
                team.owner(),
                team.product().slug(),
                InsightDraft.of("Retailer logos reassure").tagged("branding"));

    List<SearchHit> found = hits(app, team, "retailer", "kind", "insight");
    assertThat(found).extracting(SearchHit::id).containsExactlyInAnyOrder(said.id(), other.id());
    SearchHit hit = found.stream().filter(h -> h.id() == said.id()).findFirst().orElseThrow();
    assertThat(hit.titleHtml()).contains("<mark>retailer</mark>");
    assertThat(hit.url()).isEqualTo("/i/" + said.key());
    assertThat(hit.happenedAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));

    assertThat(ids(app, team, "shoppers", "kind", "insight")).containsExactly(said.id());
    assertThat(ids(app, team, "retailer", "tag", "trust")).containsExactly(said.id());
    assertThat(ids(app, team, "retailer", "customer", Long.toString(acme.id())))
        .containsExactly(said.id());
    assertThat(ids(app, team, "retailer", "segment", "Enterprise")).containsExactly(said.id());
    assertThat(ids(app, team, "retailer", "from", "2026-03-01")).contains(said.id());
  }

  @Test
  void theIndexFollowsAnInsightsEditsDeletionAndRestoration(TestApp app) {
    Team team = team(app);
    InsightService insights = research(app).insights();
    Insight i = insights.create(team.owner(), team.product().slug(), InsightDraft.of("Wallets"));

    Insight edited =
        insights.update(team.owner(), i.key(), i.version(), "Subscriptions", "Monthly", null);
    assertThat(ids(app, team, "wallets", "kind", "insight")).isEmpty();
    assertThat(ids(app, team, "monthly", "kind", "insight")).containsExactly(i.id());

    insights.delete(team.owner(), i.key(), edited.version());
    assertThat(ids(app, team, "subscriptions", "kind", "insight")).isEmpty();

    insights.restore(team.owner(), i.key());
    assertThat(ids(app, team, "subscriptions", "kind", "insight")).containsExactly(i.id());
  }

  @Test
  void aRebuildIndexesTheInsightsOfTheProduct(TestApp app) {
    Team team = team(app);
    Insight i =
        research(app)
            .insights()
            .create(team.owner(), team.product().slug(), InsightDraft.of("Refund anxiety"));
    app.database()
        .txVoid(
            h ->
                h.createUpdate("DELETE FROM search_doc WHERE product_id = :p")
                    .bind("p", team.product().id())
                    .execute());
    assertThat(ids(app, team, "anxiety", "kind", "insight")).isEmpty();

    app.app().search().reindex(team.owner(), team.product().slug());

    assertThat(ids(app, team, "anxiety", "kind", "insight")).containsExactly(i.id());
  }
}
