package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.roadmap.RoadmapService;
import io.hatrack.planning.roadmap.RoadmapService.ScheduleInput;
import io.hatrack.testing.Browser;
import io.hatrack.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The roadmap's pages as a signed-in PM uses them (board, adding an item, the drags' endpoints, the
 * timeline, snapshots, exports) and the public roadmap as a visitor without an account sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoadmapsWebTest {
  private TestServer server;
  private User ana;
  private Workspace ws;
  private Browser browser;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana");
    ws = server.workspace(ana);
    browser = new Browser(server.url());
    browser.signIn(ana.email(), "password123");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private RoadmapService roadmaps() {
    return server.app().planning().roadmaps().service();
  }

  private WorkItem item(Product p, String type, String title) {
    return server.app().definition().workItems().create(ana, p.slug(), NewWorkItem.of(type, title));
  }

  private String base(Product p) {
    return "/w/" + ws.slug() + "/" + p.slug() + "/roadmap";
  }

  @Test
  void theBoardExplainsAnEmptyRoadmapAndAddsAnItemFromTheForm() {
    Product p = server.product(ana, ws);
    WorkItem cards = item(p, "feature", "One-click saved cards");

    Browser.Page empty = browser.get(base(p));
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body())
        .contains("Nothing on the roadmap yet")
        .contains("Add a work item to the roadmap")
        .contains(cards.key() + " · feature · One-click saved cards");

    Browser.Page refused =
        browser.post(
            base(p) + "/items",
            "item",
            cards.key(),
            "horizon",
            "next",
            "start_date",
            "2026-03-01",
            "end_date",
            "2026-02-01");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("End date must not be before start_date");

    Browser.Page added =
        browser.post(
            base(p) + "/items",
            "item",
            cards.key(),
            "horizon",
            "next",
            "start_date",
            "2026-02-01",
            "end_date",
            "2026-03-01",
            "release",
            "2026 Q1",
            "public",
            "on");
    assertThat(added.status()).as(added.body()).isEqualTo(303);
    Browser.Page board = browser.open(added.location());
    assertThat(board.body())
        .contains("Put " + cards.key() + " on the roadmap (Next).")
        .contains("data-key=\"" + cards.key() + "\"")
        .contains(">public<")
        .contains("2026 Q1")
        .contains("roadmap.js");
  }

  @Test
  void draggingACardOrABarSavesAtOnceAndAStaleVersionIsRefused() {
    Product p = server.product(ana, ws);
    WorkItem payouts = item(p, "feature", "Next-day payouts");
    WorkItem notes = item(p, "feature", "Payout status notifications");
    server
        .app()
        .collaboration()
        .links()
        .add(ana, notes.key(), payouts.key(), LinkTypes.DEPENDS.id());
    roadmaps()
        .schedule(
            ana,
            p.slug(),
            payouts.key(),
            null,
            new ScheduleInput("next", "2026-03-01", "2026-04-15", "", null, false));
    roadmaps()
        .schedule(
            ana,
            p.slug(),
            notes.key(),
            null,
            new ScheduleInput("later", "2026-05-01", "2026-05-31", "", null, false));
    browser.get(base(p));

    Browser.Page moved =
        browser.post(
            base(p) + "/items/" + payouts.key() + "/move", "horizon", "now", "version", "1");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.header("X-Item-Version")).isEqualTo("2");
    Browser.Page stale =
        browser.post(
            base(p) + "/items/" + payouts.key() + "/move", "horizon", "later", "version", "1");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body()).contains("changed by someone else");

    Browser.Page early =
        browser.post(
            base(p) + "/items/" + notes.key() + "/dates",
            "start_date",
            "2026-04-10",
            "end_date",
            "2026-05-10",
            "version",
            "1");
    assertThat(early.status()).isEqualTo(200);
    assertThat(early.body()).contains("which it depends on, ends on 2026-04-15");
    Browser.Page backwards =
        browser.post(
            base(p) + "/items/" + notes.key() + "/dates",
            "start_date",
            "2026-06-10",
            "end_date",
            "2026-05-10",
            "version",
            "2");
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.body()).contains("end_date must not be before start_date");

    Browser.Page timeline = browser.get(base(p) + "/timeline?scale=month&lane=team");
    assertThat(timeline.status()).isEqualTo(200);
    assertThat(timeline.body())
        .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("data-key=\"" + notes.key() + "\"")
        .contains("bar-warning")
        .contains("1 dependency is broken")
        .contains("The timeline as a table")
        .contains("format=png");
    Browser.Page edit = browser.get(base(p) + "/items/" + notes.key() + "?from=timeline");
    assertThat(edit.body()).contains("value=\"2026-04-10\"").contains("Take off the roadmap");
    Browser.Page saved =
        browser.post(
            base(p) + "/items/" + notes.key(),
            "version",
            "2",
            "from",
            "timeline",
            "horizon",
            "later",
            "start_date",
            "2026-04-20",
            "end_date",
            "2026-05-20");
    assertThat(saved.status()).isEqualTo(303);
    assertThat(saved.location()).endsWith("/roadmap/timeline");
    Browser.Page svg = browser.get(base(p) + "/export?format=svg&lane=objective");
    assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(svg.body()).startsWith("<?xml").contains("No objective");
  }

  @Test
  void aSnapshotIsSavedAndItsDiffPageShowsWhatMoved() {
    Product p = server.product(ana, ws);
    WorkItem a = item(p, "feature", "Invoice export");
    roadmaps()
        .schedule(
            ana, p.slug(), a.key(), null, new ScheduleInput("next", null, null, "R1", null, false));
    Browser.Page list = browser.get(base(p) + "/snapshots");
    assertThat(list.body()).contains("No snapshots yet");

    assertThat(browser.post(base(p) + "/snapshots", "name", "").status()).isEqualTo(422);
    Browser.Page saved = browser.post(base(p) + "/snapshots", "name", "Quarterly review");
    assertThat(saved.status()).isEqualTo(303);
    Browser.Page listed = browser.open(saved.location());
    assertThat(listed.body()).contains("Quarterly review").contains("of 1 entries");
    String href = listed.body().replaceAll("(?s).*href=\"([^\"]*/snapshots/\\d+)\".*", "$1");
    roadmaps().move(ana, p.slug(), a.key(), null, "now");

    Browser.Page diff = browser.get(href);
    assertThat(diff.status()).isEqualTo(200);
    assertThat(diff.body())
        .contains("What changed since “Quarterly review”")
        .contains("Moved (1)")
        .contains("next, no dates → now, no dates");
  }

  @Test
  void thePublicRoadmapNeedsNoLoginShowsOnlyPublicItemsAndIsOffWithThePortal() {
    Product p = server.product(ana, ws);
    WorkItem shown = item(p, "feature", "Saved cards for everyone");
    WorkItem hidden = item(p, "feature", "Secret fraud rules");
    roadmaps()
        .schedule(
            ana,
            p.slug(),
            shown.key(),
            null,
            new ScheduleInput("now", null, null, "2026 Q1", null, true));
    roadmaps()
        .schedule(
            ana,
            p.slug(),
            hidden.key(),
            null,
            new ScheduleInput("now", null, null, "", null, false));
    Browser visitor = new Browser(server.url());

    assertThat(visitor.get("/p/" + p.slug() + "/roadmap").status()).isEqualTo(404);
    server.app().discovery().portal().moderation().saveSettings(ana, p.slug(), 1, true, false, "");

    Browser.Page page = visitor.get("/p/" + p.slug() + "/roadmap");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(p.name())
        .contains("Saved cards for everyone")
        .contains("2026 Q1")
        .doesNotContain("Secret fraud rules")
        .doesNotContain(shown.key())
        .doesNotContain("sidebar");
    assertThat(visitor.get("/p/" + p.slug() + "/feedback").body())
        .contains("href=\"/p/" + p.slug() + "/roadmap\"");
  }
}
