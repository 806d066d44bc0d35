package io.hatrack.discovery.research;

import static io.hatrack.discovery.research.ResearchFixtures.feature;
import static io.hatrack.discovery.research.ResearchFixtures.interview;
import static io.hatrack.discovery.research.ResearchFixtures.research;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class InsightServiceTest {

  private static InsightService insights(TestApp app) {
    return research(app).insights();
  }

  private static long count(TestApp app, Team team) {
    return insights(app)
        .list(team.owner(), team.product().slug(), null, null, null, 50)
        .slice()
        .total();
  }

  @Test
  void aPassageOfTheTranscriptKeepsItsSegmentOffsetsTimeSpeakerTagsAndSupportedFeature(
      TestApp app) {
    Team team = team(app);
    var interview = interview(app, team);
    WorkItem saved = feature(app, team, "One-click saved cards");

    Insight made =
        insights(app)
            .create(
                team.owner(),
                team.product().slug(),
                InsightDraft.from(
                        interview.session().id(), "transcript", 1, "don't trust  a retailer")
                    .withNote("Trust first")
                    .tagged("Trust", "saved-cards")
                    .supporting(saved.key()));

    assertThat(made.quote()).isEqualTo("don't trust a retailer");
    assertThat(made.key()).startsWith("CHK-");
    assertThat(made.source()).isEqualTo("transcript");
    assertThat(made.segment()).isEqualTo(1);
    assertThat(made.startOffset()).isEqualTo("People ".length());
    assertThat(made.endOffset()).isEqualTo("People don't trust a retailer".length());
    assertThat(made.startMs()).isEqualTo(65_000);
    assertThat(made.clock()).isEqualTo("1:05");
    assertThat(made.participantName()).isEqualTo("Lena Fischer");
    assertThat(made.studyTitle()).isEqualTo("Cards");
    var view = insights(app).get(team.owner(), made.key()).insight();
    assertThat(view.tags()).containsExactlyInAnyOrder("trust", "saved-cards");
    assertThat(view.supports()).extracting(s -> s.item().key()).containsExactly(saved.key());
    assertThat(app.collaboration().links().list(team.owner(), saved.key()).get(0).label())
        .isEqualTo("supported by");
  }

  @Test
  void aPassageOfTheNotesIsFoundInTheirRenderedWordsAndCreditsTheOnlyParticipant(TestApp app) {
    Team team = team(app);
    var interview = interview(app, team);

    Insight fromNotes =
        insights(app)
            .create(
                team.owner(),
                team.product().slug(),
                InsightDraft.from(
                    interview.session().id(),
                    "notes",
                    null,
                    "Lena never saves cards: trust is the issue."));
    Insight anywhere =
        insights(app)
            .create(
                team.owner(),
                team.product().slug(),
                InsightDraft.from(
                    interview.session().id(), null, null, "the keyboard covers the pay button"));

    assertThat(fromNotes.source()).isEqualTo("notes");
    assertThat(fromNotes.segment()).isNull();
    assertThat(fromNotes.participantName()).isEqualTo("Lena Fischer");
    assertThat(anywhere.source()).isEqualTo("transcript");
    assertThat(anywhere.segment()).isEqualTo(2);
  }

  @Test
  void aQuoteThatIsNotInTheSessionOrABadLinkSavesNothing(TestApp app) {
    Team team = team(app);
    var interview = interview(app, team);

    assertThatThrownBy(
            () ->
                insights(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        InsightDraft.from(
                            interview.session().id(), "transcript", null, "I love forms")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("quote"))
                    .isEqualTo(
                        "does not occur in the session's transcript; copy it exactly as it is"
                            + " written there"));
    assertThatThrownBy(
            () ->
                insights(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        InsightDraft.from(interview.session().id(), null, null, "pay button")
                            .tagged("mobile")
                            .supporting("CHK-9999")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("target")).contains("CHK-9999"));
    assertThat(count(app, team)).isZero();
    Team other = team(app);
    assertThatThrownBy(
            () ->
                insights(app)
                    .create(
                        other.owner(),
                        other.product().slug(),
                        InsightDraft.from(interview.session().id(), null, null, "pay button")))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void theBoardHasAColumnPerTagMostUsedFirstAndUntaggedInsightsAndFiltersByStudy(TestApp app) {
    Team team = team(app);
    var interview = interview(app, team);
    String chk = team.product().slug();
    long session = interview.session().id();
    insights(app)
        .create(
            team.owner(),
            chk,
            InsightDraft.from(session, null, null, "pay button").tagged("mobile", "trust"));
    insights(app)
        .create(
            team.owner(), chk, InsightDraft.from(session, null, null, "retailer").tagged("trust"));
    insights(app)
        .create(team.owner(), chk, InsightDraft.from(session, null, null, "type the card"));
    Study other = research(app).studies().create(team.owner(), chk, StudyDraft.of("Other"));
    insights(app)
        .create(
            team.owner(),
            chk,
            new InsightDraft(
                "Free text", null, other.id(), null, null, null, null, List.of("trust"), null));

    var all = insights(app).board(team.owner(), chk, null);
    var cards = insights(app).board(team.owner(), chk, interview.study().key());

    assertThat(all.total()).isEqualTo(4);
    assertThat(all.columns())
        .extracting(InsightService.Column::tag)
        .containsExactly("trust", "mobile");
    assertThat(all.columns().get(0).insights()).hasSize(3);
    assertThat(all.untagged().insights())
        .extracting(v -> v.insight().quote())
        .containsExactly("type the card");
    assertThat(cards.total()).isEqualTo(3);
    assertThat(cards.columns().get(0).insights()).hasSize(2);
    assertThat(insights(app).list(team.owner(), chk, null, "Mobile", null, 50).slice().items())
        .extracting(v -> v.insight().quote())
        .containsExactly("pay button");
    assertThatThrownBy(() -> insights(app).board(team.owner(), chk, "CHK-9999"))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void anInsightChangesWithItsVersionStaysInItsSessionAndIsDeletedAndRestored(TestApp app) {
    Team team = team(app);
    var interview = interview(app, team);
    Insight i =
        insights(app)
            .create(
                team.owner(),
                team.product().slug(),
                InsightDraft.from(interview.session().id(), null, null, "pay button"));
    String key = i.key();

    Insight changed =
        insights(app)
            .update(
                team.owner(), key, 1, "covers the pay button", "Mobile pain", List.of("mobile"));
    assertThatThrownBy(() -> insights(app).update(team.owner(), key, 2, "never said", "", null))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> insights(app).update(team.owner(), key, 1, "pay button", "", null))
        .isInstanceOf(Conflict.class);
    insights(app).delete(team.owner(), key, 2);

    assertThat(changed.startOffset()).isEqualTo("On the phone the keyboard ".length());
    assertThat(changed.note()).isEqualTo("Mobile pain");
    assertThat(count(app, team)).isZero();
    assertThatThrownBy(() -> insights(app).get(team.owner(), key)).isInstanceOf(NotFound.class);
    assertThat(insights(app).restore(team.owner(), key).quote()).isEqualTo("covers the pay button");
  }

  @Test
  void theTextsOfLiveInsightsAreHandedToASearchIndexPageByPageWithTheirTags(TestApp app) {
    Team team = team(app);
    var interview = interview(app, team);
    String chk = team.product().slug();
    Insight first =
        insights(app)
            .create(
                team.owner(),
                chk,
                InsightDraft.from(interview.session().id(), null, null, "pay button")
                    .withNote("Mobile")
                    .tagged("mobile"));
    Insight second =
        insights(app).create(team.owner(), chk, InsightDraft.of("Shoppers want wallets"));
    Insight gone = insights(app).create(team.owner(), chk, InsightDraft.of("Deleted soon"));
    insights(app).delete(team.owner(), gone.key(), 1);

    List<InsightText> page = insights(app).texts(first.id() - 1, 2);
    List<InsightText> rest = insights(app).texts(page.get(1).id(), 10);

    assertThat(page).extracting(InsightText::id).containsExactly(first.id(), second.id());
    assertThat(page.get(0).text()).isEqualTo("pay button\n\nMobile");
    assertThat(page.get(0).tags()).containsExactly("mobile");
    assertThat(page.get(0).productId()).isEqualTo(team.product().id());
    assertThat(rest).extracting(InsightText::id).doesNotContain(gone.id());
    assertThat(insights(app).text(gone.id())).isEmpty();
    assertThat(insights(app).text(second.id()).orElseThrow().key()).isEqualTo(second.key());
  }
}
