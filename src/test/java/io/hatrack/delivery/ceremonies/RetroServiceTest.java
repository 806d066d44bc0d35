package io.hatrack.delivery.ceremonies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class RetroServiceTest {

  private static RetroService retros(TestApp app) {
    return CeremonyFixtures.ceremonies(app).retros();
  }

  private static Retro retro(
      TestApp app,
      CeremonyFixtures.Crew c,
      String day,
      String format,
      List<String> columns,
      boolean anonymous) {
    return retros(app)
        .create(
            c.olivia(), c.ws(), c.team(), new RetroDraft(day, null, format, columns, anonymous, 3));
  }

  @Test
  void eachFormatHasItsColumnsAndACustomOneTheFacilitators(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);

    assertThat(retro(app, c, "2027-03-01", "start_stop_continue", null, false).columns())
        .containsExactly("Start", "Stop", "Continue");
    assertThat(retro(app, c, "2027-03-01", "mad_sad_glad", null, false).columns())
        .containsExactly("Mad", "Sad", "Glad");
    assertThat(retro(app, c, "2027-03-01", "4ls", null, false).columns())
        .containsExactly("Liked", "Learned", "Lacked", "Longed for");
    Retro custom =
        retro(app, c, "2027-03-01", "custom", List.of("Kudos", " ", "Puzzles", "Kudos"), false);
    assertThat(custom.columns()).containsExactly("Kudos", "Puzzles");
    assertThat(custom.title()).isEqualTo("Retrospective 2027-03-01");
    long before = app.count("retro");
    assertThatThrownBy(() -> retro(app, c, null, "custom", List.of(" "), false))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("columns"));
    assertThatThrownBy(() -> retro(app, c, null, "starfish", null, false))
        .isInstanceOf(Invalid.class);
    assertThat(app.count("retro")).isEqualTo(before);
  }

  @Test
  void anonymousCardsStoreNoAuthorAndNamedOnesCanOnlyBeChangedByTheirAuthor(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    Retro anon = retro(app, c, null, null, null, true);
    Retro named = retro(app, c, null, null, null, false);

    RetroCard a =
        retros(app).addCard(c.ben(), c.ws(), c.team(), anon.id(), "Stop", "Too many meetings");
    RetroCard n = retros(app).addCard(c.ben(), c.ws(), c.team(), named.id(), "0", "Pairing");
    Long stored =
        app.database()
            .read(
                h ->
                    h.createQuery("SELECT author_id FROM retro_card WHERE id = :id")
                        .bind("id", a.id())
                        .mapTo(Long.class)
                        .one());

    assertThat(a.column()).isEqualTo(1);
    assertThat(a.authorId()).isNull();
    assertThat(stored).isNull();
    assertThat(n.author()).isEqualTo("Ben");
    assertThatThrownBy(
            () ->
                retros(app)
                    .updateCard(
                        c.olivia(),
                        c.ws(),
                        c.team(),
                        named.id(),
                        n.id(),
                        n.version(),
                        "Mine now",
                        null))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(
            () ->
                retros(app)
                    .updateCard(
                        c.ben(), c.ws(), c.team(), anon.id(), a.id(), a.version(), "Changed", null))
        .isInstanceOf(Forbidden.class);
    assertThat(
            retros(app)
                .updateCard(
                    c.ben(), c.ws(), c.team(), named.id(), n.id(), n.version(), "Pair more", null)
                .text())
        .isEqualTo("Pair more");
    assertThatThrownBy(() -> retros(app).addCard(c.ben(), c.ws(), c.team(), named.id(), "0", "   "))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("text"));
    assertThatThrownBy(
            () -> retros(app).addCard(c.ben(), c.ws(), c.team(), named.id(), "Later", "x"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("column"));
    assertThatThrownBy(() -> retros(app).addCard(c.vic(), c.ws(), c.team(), named.id(), "0", "x"))
        .isInstanceOf(Forbidden.class);
  }

  @Test
  void votesStayWithinTheBudgetAndOnlyTotalsAndOnesOwnVotesAreShown(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    Retro r = retro(app, c, null, null, null, false);
    RetroCard one = retros(app).addCard(c.ben(), c.ws(), c.team(), r.id(), "0", "One");
    RetroCard two = retros(app).addCard(c.ben(), c.ws(), c.team(), r.id(), "1", "Two");

    retros(app).vote(c.ben(), c.ws(), c.team(), r.id(), one.id(), 2);
    RetroService.VoteResult last = retros(app).vote(c.ben(), c.ws(), c.team(), r.id(), two.id(), 1);
    retros(app).vote(c.olivia(), c.ws(), c.team(), r.id(), one.id(), 1);

    assertThat(last.left()).isZero();
    assertThatThrownBy(() -> retros(app).vote(c.ben(), c.ws(), c.team(), r.id(), two.id(), 2))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.getMessage())
                    .contains("votes")
                    .contains("budget")
                    .contains("0 of 3 left"));
    RetroService.Board asBen = retros(app).board(c.ben(), c.ws(), c.team(), r.id());
    RetroService.Board asOlivia = retros(app).board(c.olivia(), c.ws(), c.team(), r.id());
    assertThat(asBen.cards()).extracting(RetroCard::votes).containsExactly(3, 1);
    assertThat(asBen.cards()).extracting(RetroCard::myVotes).containsExactly(2, 1);
    assertThat(asOlivia.cards()).extracting(RetroCard::myVotes).containsExactly(1, 0);
    assertThat(asOlivia.left()).isEqualTo(2);

    retros(app).vote(c.ben(), c.ws(), c.team(), r.id(), one.id(), 0);
    assertThat(retros(app).board(c.ben(), c.ws(), c.team(), r.id()).left()).isEqualTo(2);
    retros(app).deleteCard(c.ben(), c.ws(), c.team(), r.id(), two.id(), two.version());
    assertThat(retros(app).board(c.ben(), c.ws(), c.team(), r.id()).left()).isEqualTo(3);
  }

  @Test
  void groupedCardsStackUnderTheirGroupWithTheirVotesAddedUp(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    Retro r = retro(app, c, null, null, null, false);
    RetroCard a = retros(app).addCard(c.ben(), c.ws(), c.team(), r.id(), "1", "Flaky CI");
    RetroCard b = retros(app).addCard(c.olivia(), c.ws(), c.team(), r.id(), "1", "Slow builds");
    RetroCard d = retros(app).addCard(c.olivia(), c.ws(), c.team(), r.id(), "1", "Late reviews");
    retros(app).vote(c.ben(), c.ws(), c.team(), r.id(), a.id(), 1);
    retros(app).vote(c.olivia(), c.ws(), c.team(), r.id(), b.id(), 2);

    RetroGroup g =
        retros(app)
            .group(c.olivia(), c.ws(), c.team(), r.id(), "Build pain", List.of(a.id(), b.id()));
    Retro voting =
        retros(app).update(c.olivia(), c.ws(), c.team(), r.id(), r.version(), null, "vote", null);
    RetroBoard.Column stop =
        retros(app).board(c.ben(), c.ws(), c.team(), r.id()).board().columns().get(1);

    assertThat(voting.phase()).isEqualTo("vote");
    assertThat(stop.stacks()).hasSize(2);
    assertThat(stop.stacks().get(0).group()).isEqualTo(g);
    assertThat(stop.stacks().get(0).votes()).isEqualTo(3);
    assertThat(stop.stacks().get(1).cards()).extracting(RetroCard::id).containsExactly(d.id());
    assertThatThrownBy(() -> retros(app).group(c.ben(), c.ws(), c.team(), r.id(), "x", List.of()))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(
            () -> retros(app).group(c.vic(), c.ws(), c.team(), r.id(), "x", List.of(a.id())))
        .isInstanceOf(Forbidden.class);
    retros(app).deleteGroup(c.olivia(), c.ws(), c.team(), r.id(), g.id());
    assertThat(
            retros(app).board(c.ben(), c.ws(), c.team(), r.id()).board().columns().get(1).stacks())
        .hasSize(3);
  }

  @Test
  void openActionItemsShowInTheNextRetrospectiveUntilMarkedDoneThere(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    Retro first = retro(app, c, "2027-02-12", null, null, false);
    ActionItem open =
        retros(app)
            .addAction(
                c.olivia(),
                c.ws(),
                c.team(),
                first.id(),
                new RetroService.ActionInput(
                    "Quarantine flaky tests", c.ben().handle(), "2027-02-20", null));
    ActionItem finished =
        retros(app)
            .addAction(
                c.olivia(),
                c.ws(),
                c.team(),
                first.id(),
                new RetroService.ActionInput("Book the demo room", null, null, true));
    Retro second = retro(app, c, "2027-02-26", null, null, false);

    RetroService.Board board = retros(app).board(c.ben(), c.ws(), c.team(), second.id());
    assertThat(open.owner()).isEqualTo("Ben");
    assertThat(finished.done()).isTrue();
    assertThat(board.carried()).extracting(ActionItem::id).containsExactly(open.id());
    assertThat(retros(app).board(c.ben(), c.ws(), c.team(), first.id()).carried()).isEmpty();

    ActionItem done =
        retros(app)
            .updateAction(
                c.olivia(),
                c.ws(),
                c.team(),
                second.id(),
                open.id(),
                open.version(),
                new RetroService.ActionInput(null, null, null, true));
    Retro third = retro(app, c, "2027-03-12", null, null, false);

    assertThat(done.doneIn()).isEqualTo(second.id());
    assertThat(done.doneBy()).isEqualTo("Olivia");
    assertThat(retros(app).board(c.ben(), c.ws(), c.team(), second.id()).carried())
        .extracting(ActionItem::done)
        .containsExactly(true);
    assertThat(retros(app).board(c.ben(), c.ws(), c.team(), third.id()).carried()).isEmpty();
    assertThatThrownBy(
            () ->
                retros(app)
                    .updateAction(
                        c.olivia(),
                        c.ws(),
                        c.team(),
                        second.id(),
                        open.id(),
                        open.version(),
                        new RetroService.ActionInput(null, null, null, false)))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(
            () ->
                retros(app)
                    .addAction(
                        c.olivia(),
                        c.ws(),
                        c.team(),
                        first.id(),
                        new RetroService.ActionInput("x", "nobody-here", "someday", null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("owner", "due"));
  }

  @Test
  void racingVotesNeverGoPastTheBudget(TestApp app) throws Exception {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    Retro r = retro(app, c, null, null, null, false);
    List<RetroCard> cards = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      cards.add(retros(app).addCard(c.ben(), c.ws(), c.team(), r.id(), "0", "Card " + i));
    }
    Runnable[] votes = new Runnable[5];
    for (int i = 0; i < votes.length; i++) {
      long card = cards.get(i % cards.size()).id();
      votes[i] = () -> retros(app).vote(c.ben(), c.ws(), c.team(), r.id(), card, 1);
    }

    int succeeded = io.hatrack.testing.Race.successes(votes);

    RetroService.Board board = retros(app).board(c.ben(), c.ws(), c.team(), r.id());
    assertThat(succeeded).isEqualTo(3);
    assertThat(board.used()).isEqualTo(3);
    assertThat(board.cards().stream().mapToInt(RetroCard::myVotes).sum()).isEqualTo(3);
  }
}
