package io.hatrack.discovery.research;

import static io.hatrack.discovery.research.ResearchFixtures.interview;
import static io.hatrack.discovery.research.ResearchFixtures.research;
import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.discovery.customers.ContactDraft;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class StudyServiceTest {

  private static StudyService studies(TestApp app) {
    return research(app).studies();
  }

  private static SessionService sessions(TestApp app) {
    return research(app).sessions();
  }

  @Test
  void aStudyIsAnItemWithGoalsStatusAndDaysListedRunningFirst(TestApp app) {
    Team team = team(app);
    String chk = team.product().slug();
    studies(app).create(team.owner(), chk, new StudyDraft("Done one", "", "done", null, null));
    Study running =
        studies(app)
            .create(
                team.owner(),
                chk,
                new StudyDraft(
                    " Saved cards ", "Learn *why*", "running", "2026-03-01", "2026-03-20"));
    studies(app).create(team.owner(), chk, StudyDraft.of("Planned one"));

    var listing = studies(app).list(team.owner(), chk, null, 50).slice();

    assertThat(running.title()).isEqualTo("Saved cards");
    assertThat(running.key()).startsWith("CHK-");
    assertThat(running.startsOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(listing.items())
        .extracting(s -> s.study().title())
        .containsExactly("Saved cards", "Planned one", "Done one");
    assertThat(listing.items().get(1).study().status()).isEqualTo(StudyStatus.PLANNED);
    assertThat(listing.total()).isEqualTo(3);
  }

  @Test
  void aStudyWithAnUnknownStatusOrEndingBeforeItStartsIsRefusedNamingEachField(TestApp app) {
    Team team = team(app);

    assertThatThrownBy(
            () ->
                studies(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        new StudyDraft("", null, "paused", "2026-03-10", "2026-03-01")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("title")).isEqualTo("must not be blank");
              assertThat(e.reasonFor("status")).isEqualTo("must be one of planned, running, done");
              assertThat(e.reasonFor("ends_on")).isEqualTo("must not be before the start");
            });
    assertThatThrownBy(
            () ->
                studies(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        new StudyDraft("X", null, null, "March 3rd", null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("starts_on")).isEqualTo("must be a day such as 2026-03-14"));
  }

  @Test
  void aStudyChangesWithItsVersionAndIsDeletedAndRestored(TestApp app) {
    Team team = team(app);
    Study s = studies(app).create(team.owner(), team.product().slug(), StudyDraft.of("Cards"));
    String key = s.key();

    Study changed =
        studies(app)
            .update(team.owner(), key, 1, new StudyDraft("Cards", "Goals", "running", null, null));
    assertThatThrownBy(() -> studies(app).update(team.owner(), key, 1, StudyDraft.of("Old")))
        .isInstanceOf(Conflict.class);
    studies(app).delete(team.owner(), key, 2);

    assertThat(changed.status()).isEqualTo(StudyStatus.RUNNING);
    assertThat(studies(app).list(team.owner(), team.product().slug(), null, 50).slice().total())
        .isZero();
    assertThatThrownBy(() -> studies(app).get(team.owner(), key)).isInstanceOf(NotFound.class);
    assertThat(studies(app).restore(team.owner(), key).goals()).isEqualTo("Goals");
  }

  @Test
  void aParticipantMayBeAContactOfACustomerOfTheSameWorkspaceOnly(TestApp app) {
    Team team = team(app);
    var customers = app.app().discovery().customers();
    Customer brightwave =
        customers.create(team.owner(), team.workspace().slug(), CustomerDraft.of("Brightwave"));
    var lena =
        customers.addContact(
            team.owner(),
            Long.toString(brightwave.id()),
            new ContactDraft("Lena Fischer", "lena@example.test", "VP", null));
    Team other = team(app);
    Customer elsewhere =
        customers.create(other.owner(), other.workspace().slug(), CustomerDraft.of("Elsewhere"));
    Study s = studies(app).create(team.owner(), team.product().slug(), StudyDraft.of("Cards"));
    String ref = Long.toString(s.id());

    Participant p =
        studies(app)
            .addParticipant(
                team.owner(),
                ref,
                new ParticipantDraft("", brightwave.id(), lena.id(), "Shopper", ""));

    assertThat(p.name()).isEqualTo("Lena Fischer");
    assertThat(p.customerName()).isEqualTo("Brightwave");
    assertThat(p.contactName()).isEqualTo("Lena Fischer");
    assertThat(p.label()).isEqualTo("Lena Fischer (Brightwave)");
    assertThatThrownBy(
            () ->
                studies(app)
                    .addParticipant(
                        team.owner(),
                        ref,
                        new ParticipantDraft("Spy", elsewhere.id(), null, null, null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("customer_id"))
                    .isEqualTo("is not a customer of this workspace"));
    assertThatThrownBy(
            () -> studies(app).addParticipant(team.owner(), ref, ParticipantDraft.of(" ")))
        .isInstanceOf(Invalid.class);
    Participant renamed =
        studies(app)
            .updateParticipant(team.owner(), ref, p.id(), 1, ParticipantDraft.of("Lena F."));
    assertThat(renamed.customerId()).isNull();
    assertThatThrownBy(() -> studies(app).removeParticipant(team.owner(), ref, p.id(), 1))
        .isInstanceOf(Conflict.class);
    studies(app).removeParticipant(team.owner(), ref, p.id(), 2);
    assertThat(studies(app).participants(team.owner(), ref)).isEmpty();
  }

  @Test
  void aSessionTakesTheStudysParticipantsAndAMemberAsInterviewer(TestApp app) {
    Team team = team(app);
    User stranger = user(app, "stan");
    User viewer = team.member(app, Role.VIEWER, "vic");
    Study s = studies(app).create(team.owner(), team.product().slug(), StudyDraft.of("Cards"));
    String ref = Long.toString(s.id());
    Participant lena = studies(app).addParticipant(team.owner(), ref, ParticipantDraft.of("Lena"));
    Study other = studies(app).create(team.owner(), team.product().slug(), StudyDraft.of("Other"));
    Participant outsider =
        studies(app)
            .addParticipant(team.owner(), Long.toString(other.id()), ParticipantDraft.of("Olaf"));

    Session made =
        sessions(app)
            .create(
                team.owner(),
                ref,
                new SessionDraft("2026-03-02", viewer.id(), List.of(lena.id()), "Notes"));

    assertThat(made.participants()).extracting(Participant::name).containsExactly("Lena");
    assertThat(made.interviewerName()).isEqualTo("Vic");
    assertThatThrownBy(
            () ->
                sessions(app)
                    .create(
                        team.owner(),
                        ref,
                        new SessionDraft("2026-03-02", null, List.of(outsider.id()), "")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("participants")).contains("is not in this study"));
    assertThatThrownBy(
            () ->
                sessions(app)
                    .create(
                        team.owner(),
                        ref,
                        new SessionDraft("2026-03-02", stranger.id(), List.of(), "")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("interviewer_id"))
                    .isEqualTo("is not a member of this workspace"));
    assertThatThrownBy(
            () ->
                sessions(app).create(team.owner(), ref, new SessionDraft("", null, List.of(), "")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("held_on")).startsWith("is required"));
    assertThatThrownBy(
            () ->
                sessions(app)
                    .create(viewer, ref, new SessionDraft("2026-03-02", null, List.of(), "")))
        .isInstanceOf(io.hatrack.kernel.Forbidden.class);
    Session edited =
        sessions(app)
            .update(
                team.owner(),
                ref,
                made.id(),
                1,
                new SessionDraft("2026-03-03", null, List.of(), "New"));
    assertThat(edited.participants()).isEmpty();
    assertThat(edited.version()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                sessions(app)
                    .update(
                        team.owner(),
                        ref,
                        made.id(),
                        1,
                        new SessionDraft("2026-03-04", null, List.of(), "")))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void aTranscriptIsKeptAsSegmentsAndABadFileChangesNothing(TestApp app) {
    Team team = team(app);
    var interview = interview(app, team);
    long session = interview.session().id();

    var view = sessions(app).get(team.owner(), interview.ref(), session);
    assertThat(view.session().transcriptFormat()).isEqualTo(TranscriptFormat.VTT);
    assertThat(view.session().transcriptName()).isEqualTo("call.vtt");
    assertThat(view.segments()).hasSize(3);
    assertThat(view.segments().get(1).speaker()).isEqualTo("Lena Fischer");
    assertThat(view.segments().get(1).startMs()).isEqualTo(65_000);

    assertThatThrownBy(
            () ->
                sessions(app)
                    .uploadTranscript(
                        team.owner(),
                        interview.ref(),
                        session,
                        "bad.srt",
                        "1\n00:00:01,000 --> nonsense\nHi\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("transcript"))
                    .isEqualTo("line 2: \u201cnonsense\u201d is not a time (hh:mm:ss,ttt)"));
    assertThat(sessions(app).get(team.owner(), interview.ref(), session).segments()).hasSize(3);

    sessions(app)
        .uploadTranscript(
            team.owner(),
            interview.ref(),
            session,
            "notes.txt",
            "Lena: Just one line.".getBytes(StandardCharsets.UTF_8));
    var replaced = sessions(app).get(team.owner(), interview.ref(), session);
    assertThat(replaced.session().transcriptFormat()).isEqualTo(TranscriptFormat.TEXT);
    assertThat(replaced.segments()).extracting(Segment::text).containsExactly("Just one line.");
    sessions(app).removeTranscript(team.owner(), interview.ref(), session);
    assertThat(sessions(app).get(team.owner(), interview.ref(), session).session().hasTranscript())
        .isFalse();
    sessions(app).delete(team.owner(), interview.ref(), session, 4);
    assertThat(sessions(app).list(team.owner(), interview.ref())).isEmpty();
  }

  @Test
  void onlyMembersSeeStudies(TestApp app) {
    Team team = team(app);
    Study s = studies(app).create(team.owner(), team.product().slug(), StudyDraft.of("Cards"));

    assertThatThrownBy(() -> studies(app).get(Fixtures.user(app, "eve"), s.key()))
        .isInstanceOf(NotFound.class);
  }
}
