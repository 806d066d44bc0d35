package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.teams.TeamDraft;
import io.hatrack.planning.teams.TeamService;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Stand-ups, sprint reviews and retrospectives in the browser (forms and htmx over HTTP). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CeremoniesWebTest {
  private TestServer server;
  private User ana;
  private User eve;
  private Workspace ws;
  private Product product;
  private Browser browser;
  private Browser outsider;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    eve = server.user("Eve");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    server.app().workspaces().addMember(ana, ws.slug(), eve.email(), Role.EDITOR);
    TeamService teams = server.app().planning().releasePlanning().teams();
    teams.create(ana, ws.slug(), TeamDraft.named("Payments"));
    teams.putMember(ana, ws.slug(), "payments", ana.handle(), 100);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
    outsider = new Browser(server.url());
    outsider.signIn(eve.email(), "password123");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String team() {
    return "/w/" + ws.slug() + "/teams/payments";
  }

  @Test
  void theTeamPageLinksToItsCeremonies() {
    Browser.Page page = browser.get(team());

    assertThat(page.body())
        .contains("href=\"" + team() + "/standups\"")
        .contains("href=\"" + team() + "/reviews\"")
        .contains("href=\"" + team() + "/retros\"");
  }

  @Test
  void aMemberPostsAStandUpAndTheSummaryShowsItWithTheOpenBlocker() {
    Browser.Page empty = browser.get(team() + "/standups?day=2026-03-02");
    Browser.Page refused =
        browser.post(team() + "/standups", "day", "2026-03-02", "yesterday", " ", "today", "");
    browser.get(team() + "/standups?day=2026-03-02");
    Browser.Page posted =
        browser.post(
            team() + "/standups",
            "day",
            "2026-03-02",
            "yesterday",
            "Reviewed PRs",
            "today",
            "Payout batching",
            "blockers",
            "No sandbox keys\nBank cut-off unknown");
    Browser.Page nextDay = browser.get(team() + "/standups?day=2026-03-03");
    outsider.get(team() + "/standups?day=2026-03-03");
    Browser.Page notMember =
        outsider.post(team() + "/standups", "day", "2026-03-03", "today", "Sneaking in");

    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("No stand-ups for 2026-03-02").contains("Post stand-up");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("needs yesterday, today or a blocker");
    assertThat(posted.location()).isEqualTo(team() + "/standups?day=2026-03-02");
    assertThat(nextDay.body())
        .contains("Open blockers (2)")
        .contains("No sandbox keys")
        .contains("1 day old")
        .contains("Mark resolved");
    assertThat(notMember.status()).isEqualTo(422);
    assertThat(notMember.body()).contains("not a member of the team Payments");
  }

  @Test
  void aReviewIsHeldWithItemsAndCapturesFeedback() {
    WorkItem cards =
        server
            .app()
            .definition()
            .workItems()
            .create(ana, product.slug(), NewWorkItem.of("feature", "Saved cards"));
    Browser.Page list = browser.get(team() + "/reviews");
    Browser.Page unknown =
        browser.post(team() + "/reviews", "title", "Sprint 14", "items", cards.key() + ", NOPE-1");
    browser.get(team() + "/reviews");
    Browser.Page held =
        browser.post(
            team() + "/reviews",
            "title",
            "Sprint 14 review",
            "items",
            cards.key(),
            "guests",
            "Maria Rossi");
    Browser.Page review = browser.get(held.location());
    Browser.Page captured =
        browser.post(
            held.location() + "/feedback",
            "stakeholder",
            "Maria Rossi",
            "text",
            "Per-buyer cards, please");
    Browser.Page after = browser.get(held.location());

    assertThat(list.body()).contains("No sprint reviews yet");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body()).contains("no work item NOPE-1");
    assertThat(review.status()).isEqualTo(200);
    assertThat(review.body()).contains("Saved cards").contains("Maria Rossi").contains("guest");
    assertThat(captured.status()).isEqualTo(302);
    assertThat(after.body()).contains("Per-buyer cards, please").contains("Feedback (1)");
  }

  @Test
  void aRetroBoardTakesCardsVotesWithHtmxAndActionItems() {
    Browser.Page none = browser.get(team() + "/retros");
    Browser.Page noColumns = browser.post(team() + "/retros", "format", "custom", "columns", " ");
    browser.get(team() + "/retros");
    Browser.Page made =
        browser.post(
            team() + "/retros",
            "title",
            "Sprint 13",
            "format",
            "four_ls",
            "vote_budget",
            "1",
            "anonymous",
            "on");
    String retro = made.location();
    Browser.Page board = browser.get(retro);
    Browser.Page card = browser.htmxPost(retro + "/cards", "column", "2", "text", "Test data");
    Browser.Page emptyCard = browser.htmxPost(retro + "/cards", "column", "2", "text", " ");
    String cardId = card.body().replaceAll("(?s).*?/cards/(\\d+)/vote.*", "$1");
    Browser.Page vote = browser.htmxPost(retro + "/cards/" + cardId + "/vote", "votes", "1");
    Browser.Page over = browser.htmxPost(retro + "/cards/" + cardId + "/vote", "votes", "2");
    Browser.Page action =
        browser.htmxPost(
            retro + "/actions",
            "text",
            "Seed test data nightly",
            "owner",
            ana.handle(),
            "due",
            "2026-03-10");

    assertThat(none.body()).contains("No retrospectives yet");
    assertThat(noColumns.status()).isEqualTo(422);
    assertThat(noColumns.body()).contains("a custom retrospective needs at least one column");
    assertThat(board.body())
        .contains("Liked")
        .contains("Learned")
        .contains("Lacked")
        .contains("Longed for")
        .contains("the author of a card is not stored at all");
    assertThat(card.status()).isEqualTo(200);
    assertThat(card.body())
        .contains("id=\"retro-board\"")
        .contains("Test data")
        .contains("anonymous");
    assertThat(emptyCard.status()).isEqualTo(422);
    assertThat(vote.body()).contains("<strong>0</strong> of 1 votes left");
    assertThat(over.status()).isEqualTo(422);
    assertThat(over.body()).contains("budget");
    assertThat(action.body()).contains("Seed test data nightly").contains("due 2026-03-10");
  }
}
