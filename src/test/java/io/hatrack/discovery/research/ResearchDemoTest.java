package io.hatrack.discovery.research;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class ResearchDemoTest {

  @Test
  void checkoutHasTheSavedCardsInterviewStudyWithTranscriptsAndInsightsOnItsFeatures(
      @Fresh TestApp app) {
    app.app().seedDemoIfEmpty();
    User ana =
        app.sessions().signIn(DemoStory.LOGIN_EMAIL, DemoStory.PASSWORD, "demo-test", null).user();
    Research research = app.app().discovery().research();

    List<StudySummary> studies = research.studies().list(ana, "checkout", null, 50).slice().items();
    assertThat(studies).hasSize(1);
    StudySummary s = studies.get(0);
    assertThat(s.study().title()).isEqualTo(ResearchDemo.TITLE);
    assertThat(s.participants()).isEqualTo(6);
    assertThat(s.sessions()).isEqualTo(5);
    assertThat(s.insights()).isBetween(12L, 15L);
    String ref = Long.toString(s.study().id());
    assertThat(research.studies().participants(ana, ref))
        .allSatisfy(p -> assertThat(p.customerName()).isNotNull());
    List<Session> sessions = research.sessions().list(ana, ref);
    assertThat(sessions)
        .filteredOn(Session::hasTranscript)
        .extracting(Session::transcriptFormat)
        .containsExactlyInAnyOrder(
            TranscriptFormat.VTT, TranscriptFormat.TEXT, TranscriptFormat.SRT);
    assertThat(sessions).allSatisfy(x -> assertThat(x.notes()).isNotBlank());

    InsightService.Board board = research.insights().board(ana, "checkout", null);
    assertThat(board.columns().get(0).tag()).isEqualTo("saved-cards");
    assertThat(board.columns())
        .extracting(InsightService.Column::tag)
        .contains("trust", "mobile", "3ds", "expiry");
    List<InsightView> all =
        research.insights().list(ana, "checkout", null, null, null, 50).slice().items();
    assertThat(all).filteredOn(v -> !v.supports().isEmpty()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(all)
        .flatExtracting(v -> v.supports().stream().map(x -> x.item().title()).toList())
        .contains("One-click saved cards", "3-D Secure retry", "Card expiry reminders");
    assertThat(all)
        .filteredOn(v -> "Lena Fischer".equals(v.insight().participantName()))
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v.insight().clock()).isNotEmpty());
  }
}
