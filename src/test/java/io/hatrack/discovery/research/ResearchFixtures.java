package io.hatrack.discovery.research;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small factories for research tests: a study with one interviewed participant and a session. */
final class ResearchFixtures {
  private ResearchFixtures() {}

  static final String VTT =
      """
      WEBVTT

      00:00:01.000 --> 00:00:04.000
      <v Ana>Why do you type the card again?

      00:01:05.000 --> 00:01:09.500
      <v Lena Fischer>People don't trust a retailer with their card.

      00:01:10.000 --> 00:01:15.000
      <v Lena Fischer>On the phone the keyboard covers the pay button.
      """;

  static Research research(TestApp app) {
    return app.app().discovery().research();
  }

  /** A study with Lena as its participant and one session with her, notes and a transcript. */
  record Interview(Study study, Participant lena, Session session) {
    String ref() {
      return Long.toString(study.id());
    }
  }

  static Interview interview(TestApp app, Team team) {
    Research r = research(app);
    Study study = r.studies().create(team.owner(), team.product().slug(), StudyDraft.of("Cards"));
    String ref = Long.toString(study.id());
    Participant lena =
        r.studies().addParticipant(team.owner(), ref, ParticipantDraft.of("Lena Fischer"));
    Session session =
        r.sessions()
            .create(
                team.owner(),
                ref,
                new SessionDraft(
                    "2026-03-02",
                    team.owner().id(),
                    List.of(lena.id()),
                    "Lena *never* saves cards:\n\n- trust is the **issue**.\n"));
    r.sessions()
        .uploadTranscript(
            team.owner(), ref, session.id(), "call.vtt", VTT.getBytes(StandardCharsets.UTF_8));
    return new Interview(study, lena, session);
  }

  static WorkItem feature(TestApp app, Team team, String title) {
    return app.app()
        .definition()
        .workItems()
        .create(team.owner(), team.product().slug(), NewWorkItem.of("feature", title));
  }
}
