package io.hatrack.delivery.ceremonies;

import static io.hatrack.delivery.ceremonies.CeremonyFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.testing.MutableClock;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class StandupServiceTest {
  private static final LocalDate MONDAY = LocalDate.parse("2027-03-01");
  private static final LocalDate TUESDAY = LocalDate.parse("2027-03-02");
  private static final LocalDate WEDNESDAY = LocalDate.parse("2027-03-03");

  @Test
  void eachMemberWritesOnlyTheirOwnEntryAndTheSummaryNamesWhoHasNotPosted(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    StandupService standups = CeremonyFixtures.standups(app, new MutableClock(NOW));

    StandupEntry mine =
        standups.write(
            c.olivia(), c.ws(), c.team(), null, new EntryDraft("Reviewed PRs", "3-D Secure", null));
    StandupService.Day today = standups.day(c.vic(), c.ws(), c.team(), null);

    assertThat(mine.day()).isEqualTo(WEDNESDAY);
    assertThat(today.summary().posted()).extracting(m -> m.name()).containsExactly("Olivia");
    assertThat(today.summary().missing()).extracting(m -> m.name()).containsExactly("Ben");
    assertThat(today.summary().plans()).extracting(p -> p.today()).containsExactly("3-D Secure");
    assertThatThrownBy(
            () ->
                standups.update(
                    c.ben(),
                    c.ws(),
                    c.team(),
                    mine.id(),
                    mine.version(),
                    new EntryDraft("x", "y", null)))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(
            () ->
                standups.write(
                    c.olivia(), c.ws(), c.team(), null, new EntryDraft("again", "", null)))
        .isInstanceOf(Conflict.class);
    StandupEntry changed =
        standups.update(
            c.olivia(),
            c.ws(),
            c.team(),
            mine.id(),
            mine.version(),
            new EntryDraft("PRs", "Payouts", null));
    assertThat(changed.today()).isEqualTo("Payouts");
    assertThat(changed.version()).isEqualTo(mine.version() + 1);
    assertThatThrownBy(
            () ->
                standups.update(
                    c.olivia(),
                    c.ws(),
                    c.team(),
                    mine.id(),
                    mine.version(),
                    new EntryDraft("a", "b", null)))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void aNonMemberAnEmptyEntryAndAFutureDayAreRefusedAndNothingIsWritten(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    StandupService standups = CeremonyFixtures.standups(app, new MutableClock(NOW));
    long before = app.count("standup_entry");

    assertThatThrownBy(
            () -> standups.write(c.vic(), c.ws(), c.team(), null, new EntryDraft("a", "b", null)))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(
            () ->
                standups.write(
                    c.ben(), c.ws(), c.team(), null, new EntryDraft(" ", "", List.of(" "))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.errors()).extracting(f -> f.field()).contains("entry"));
    assertThatThrownBy(
            () ->
                standups.write(
                    c.ben(), c.ws(), c.team(), "2027-03-04", new EntryDraft("a", "b", null)))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.errors()).extracting(f -> f.field()).contains("day"));
    assertThat(app.count("standup_entry")).isEqualTo(before);
  }

  @Test
  void anEditorWhoIsNotOnTheTeamCannotPostAStandUp(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    StandupService standups = CeremonyFixtures.standups(app, new MutableClock(NOW));
    var eve = c.base().member(app, io.hatrack.kernel.auth.Role.EDITOR, "eve");

    assertThatThrownBy(
            () -> standups.write(eve, c.ws(), c.team(), null, new EntryDraft("a", "b", null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field() + " " + f.reason())
                    .anyMatch(s -> s.startsWith("user") && s.contains("not a member of the team")));
  }

  @Test
  void aBlockerStaysOpenOnEveryLaterDayUntilResolvedWithWhoAndWhen(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    MutableClock clock = new MutableClock(NOW);
    StandupService standups = CeremonyFixtures.standups(app, clock);

    standups.write(
        c.ben(),
        c.ws(),
        c.team(),
        MONDAY.toString(),
        new EntryDraft("Payout API", "Payout API", List.of("Waiting for the bank's sandbox keys")));
    StandupService.Day tuesday = standups.day(c.olivia(), c.ws(), c.team(), TUESDAY.toString());
    StandupService.Day wednesday = standups.day(c.olivia(), c.ws(), c.team(), null);
    Blocker open = wednesday.summary().openBlockers().get(0);

    assertThat(tuesday.summary().openBlockers()).hasSize(1);
    assertThat(tuesday.entries()).isEmpty();
    assertThat(open.ageOn(WEDNESDAY)).isEqualTo(2);
    assertThat(open.author()).isEqualTo("Ben");

    clock.advance(Duration.ofHours(2));
    Blocker resolved = standups.resolve(c.olivia(), c.ws(), c.team(), open.id(), open.version());
    StandupService.Day after = standups.day(c.olivia(), c.ws(), c.team(), null);
    StandupService.Day thursday = standups.day(c.olivia(), c.ws(), c.team(), "2027-03-04");
    StandupService.Day stillTuesday =
        standups.day(c.olivia(), c.ws(), c.team(), TUESDAY.toString());

    assertThat(resolved.open()).isFalse();
    assertThat(resolved.resolvedByName()).isEqualTo("Olivia");
    assertThat(resolved.resolvedAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(after.summary().openBlockers()).isEmpty();
    assertThat(after.shown()).extracting(Blocker::open).containsExactly(false);
    assertThat(thursday.shown()).isEmpty();
    assertThat(stillTuesday.summary().openBlockers()).hasSize(1);
    assertThatThrownBy(
            () -> standups.resolve(c.ben(), c.ws(), c.team(), open.id(), resolved.version()))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(
            () -> standups.resolve(c.vic(), c.ws(), c.team(), open.id(), resolved.version()))
        .isInstanceOf(Forbidden.class);
  }

  @Test
  void anEntryIsChangedOnlyOnItsOwnDay(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    StandupService standups = CeremonyFixtures.standups(app, new MutableClock(NOW));
    StandupEntry late =
        standups.write(
            c.ben(), c.ws(), c.team(), TUESDAY.toString(), new EntryDraft("a", "b", null));

    assertThat(late.day()).isEqualTo(TUESDAY);
    assertThatThrownBy(
            () ->
                standups.update(
                    c.ben(),
                    c.ws(),
                    c.team(),
                    late.id(),
                    late.version(),
                    new EntryDraft("c", "d", null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("day"));
    assertThat(standups.day(c.ben(), c.ws(), c.team(), TUESDAY.toString()).canWrite()).isFalse();
    assertThat(standups.day(c.ben(), c.ws(), c.team(), null).canWrite()).isTrue();
  }

  @Test
  void changingAnEntryWithdrawsOpenBlockersNoLongerListedButKeepsResolvedOnes(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    StandupService standups = CeremonyFixtures.standups(app, new MutableClock(NOW));
    StandupEntry e =
        standups.write(
            c.ben(), c.ws(), c.team(), null, new EntryDraft("", "Invoices", List.of("A", "B")));
    Blocker a = e.blockers().get(0);
    standups.resolve(c.olivia(), c.ws(), c.team(), a.id(), a.version());

    StandupEntry changed =
        standups.update(
            c.ben(),
            c.ws(),
            c.team(),
            e.id(),
            e.version(),
            new EntryDraft("", "Invoices", List.of("C")));

    assertThat(changed.blockers()).extracting(Blocker::text).containsExactly("A", "C");
    assertThat(standups.openBlockers(c.olivia(), c.ws(), c.team()))
        .extracting(Blocker::text)
        .containsExactly("C");
  }
}
