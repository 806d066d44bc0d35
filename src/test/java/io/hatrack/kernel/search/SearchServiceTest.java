package io.hatrack.kernel.search;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.Patch;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Item;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Full-text search on both databases: the query language, ranking, filters, highlights, access. */
@OnEveryDatabase
class SearchServiceTest {
  private static final Instant JAN = Instant.parse("2025-01-15T10:00:00Z");
  private static final Instant MAR = Instant.parse("2025-03-15T10:00:00Z");

  /** A feedback-like document in the team's product, with an entity row of its own. */
  private static long feedback(TestApp app, Team team, String title, String body) {
    return feedback(app, team, title, body, null, null, null, null, JAN);
  }

  private static long feedback(
      TestApp app,
      Team team,
      String title,
      String body,
      String source,
      Long customer,
      String status,
      Double sentiment,
      Instant at) {
    return app.database()
        .tx(
            h -> {
              var product = app.products().access(h, team.owner(), team.product().slug());
              Item item = app.items().create(h, team.owner(), product, "feedback", title);
              app.app()
                  .search()
                  .index()
                  .put(
                      h,
                      new SearchDoc(
                          item.id(),
                          team.product().id(),
                          "feedback",
                          title,
                          body,
                          source,
                          customer,
                          status,
                          sentiment,
                          at));
              return item.id();
            });
  }

  private static List<Long> ids(TestApp app, Team team, String q) {
    return ids(app, team.owner(), SearchService.Request.of(q).inProduct(team.product().slug()));
  }

  private static List<Long> ids(TestApp app, User reader, SearchService.Request r) {
    return app.app().search().search(reader, r).slice().items().stream()
        .map(SearchHit::id)
        .toList();
  }

  private static SearchService.Request filtered(Team team, String q, String field, String value) {
    return new SearchService.Request(
        q,
        team.product().slug(),
        field.equals("kind") ? value : null,
        field.equals("source") ? value : null,
        field.equals("customer") ? value : null,
        field.equals("segment") ? value : null,
        field.equals("from") ? value : null,
        field.equals("to") ? value : null,
        field.equals("tag") ? value : null,
        field.equals("status") ? value : null,
        field.equals("sentiment") ? value : null,
        null,
        null);
  }

  @Test
  void aMatchInTheTitleRanksAboveAPassingMentionInALongBody(TestApp app) {
    Team team = team(app);
    long passing =
        feedback(
            app,
            team,
            "Checkout feels slow",
            "The page loads slowly on mobile, the button is small, the colours are dull and"
                + " somewhere in the middle of all this the refund link is hard to find.");
    long titled = feedback(app, team, "Refund takes weeks", "We asked for a refund in March.");
    feedback(app, team, "Dark mode", "Please add a dark mode.");

    assertThat(ids(app, team, "refund")).containsExactly(titled, passing);
  }

  @Test
  void everyWordMustMatchUnlessJoinedByOrAndWordsMatchInAnyForm(TestApp app) {
    Team team = team(app);
    long cards = feedback(app, team, "Saved cards", "Let me keep my cards for next time.");
    long wallet = feedback(app, team, "Wallet", "Apple Pay and Google Pay, please.");
    feedback(app, team, "Cards expire", "My card expired.");

    assertThat(ids(app, team, "keep card")).containsExactly(cards);
    assertThat(ids(app, team, "keep OR apple")).containsExactlyInAnyOrder(cards, wallet);
  }

  @Test
  void aQuotedPhraseMatchesItsWordsInThatOrderOnly(TestApp app) {
    Team team = team(app);
    long inOrder = feedback(app, team, "One", "We want saved cards at checkout.");
    feedback(app, team, "Two", "The cards were saved but checkout failed.");

    assertThat(ids(app, team, "\"saved cards\"")).containsExactly(inOrder);
    assertThat(ids(app, team, "saved cards")).hasSize(2);
  }

  @Test
  void aMinusLeavesOutWhatMentionsAWordOrPhrase(TestApp app) {
    Team team = team(app);
    long payouts = feedback(app, team, "Payouts", "Payouts arrive on time.");
    feedback(app, team, "Payouts late", "Payouts are delayed again.");

    assertThat(ids(app, team, "payouts -delayed")).containsExactly(payouts);
    assertThat(ids(app, team, "payouts -\"are delayed\"")).containsExactly(payouts);
  }

  @Test
  void aStarFindsWordsThatStartSo(TestApp app) {
    Team team = team(app);
    long invoices = feedback(app, team, "Invoices", "Export invoices as PDF.");
    long invoicing = feedback(app, team, "Billing", "Invoicing in euros.");
    feedback(app, team, "Inventory", "Inventory sync.");

    assertThat(ids(app, team, "invoic*")).containsExactlyInAnyOrder(invoices, invoicing);
  }

  @Test
  void eachFilterNarrowsTheSearch(TestApp app) {
    Team team = team(app);
    Customer big =
        app.app()
            .discovery()
            .customers()
            .create(
                team.owner(),
                team.workspace().slug(),
                CustomerDraft.of("Big Co " + Fixtures.unique()).in("Enterprise", "", ""));
    Customer small =
        app.app()
            .discovery()
            .customers()
            .create(
                team.owner(),
                team.workspace().slug(),
                CustomerDraft.of("Small Co " + Fixtures.unique()).in("SMB", "", ""));
    long support = feedback(app, team, "Refund", "refund", "support", big.id(), "new", 0.6, JAN);
    long sales =
        feedback(app, team, "Refund", "refund", "sales_call", small.id(), "triaged", -0.7, MAR);
    long neutral = feedback(app, team, "Refund", "refund", "email", null, "new", 0.0, MAR);
    WorkItem item =
        app.app()
            .definition()
            .workItems()
            .create(
                team.owner(),
                team.product().slug(),
                new NewWorkItem(
                    "feature",
                    "Refund flow",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of("payments")));

    assertThat(ids(app, team.owner(), filtered(team, "refund", "kind", "work_item")))
        .containsExactly(item.id());
    assertThat(ids(app, team.owner(), filtered(team, "refund", "kind", "feedback")))
        .containsExactlyInAnyOrder(support, sales, neutral);
    assertThat(ids(app, team.owner(), filtered(team, "refund", "source", "support")))
        .containsExactly(support);
    assertThat(
            ids(app, team.owner(), filtered(team, "refund", "customer", Long.toString(small.id()))))
        .containsExactly(sales);
    assertThat(ids(app, team.owner(), filtered(team, "refund", "segment", "enterprise")))
        .containsExactly(support);
    assertThat(ids(app, team.owner(), filtered(team, "refund", "from", "2025-02-01")))
        .contains(sales, neutral)
        .doesNotContain(support);
    assertThat(ids(app, team.owner(), filtered(team, "refund", "to", "2025-01-15")))
        .containsExactly(support);
    assertThat(ids(app, team.owner(), filtered(team, "refund", "tag", "payments")))
        .containsExactly(item.id());
    assertThat(ids(app, team.owner(), filtered(team, "refund", "status", "Triaged")))
        .containsExactly(sales);
    assertThat(ids(app, team.owner(), filtered(team, "refund", "sentiment", "positive")))
        .containsExactly(support);
    assertThat(ids(app, team.owner(), filtered(team, "refund", "sentiment", "negative")))
        .containsExactly(sales);
    assertThat(ids(app, team.owner(), filtered(team, "refund", "sentiment", "neutral")))
        .containsExactly(neutral);
  }

  @Test
  void matchesAreMarkedAndEverythingElseIsEscaped(TestApp app) {
    Team team = team(app);
    feedback(
        app,
        team,
        "Refund <b>now</b>",
        "Before <script>alert('x')</script> & the refund \"link\" after.");

    SearchHit hit =
        app.app()
            .search()
            .search(
                team.owner(), SearchService.Request.of("refund").inProduct(team.product().slug()))
            .slice()
            .items()
            .get(0);

    assertThat(hit.titleHtml()).isEqualTo("<mark>Refund</mark> &lt;b&gt;now&lt;/b&gt;");
    assertThat(hit.snippetHtml())
        .contains("<mark>refund</mark>")
        .contains("&lt;script&gt;alert(")
        .contains("&amp;")
        .doesNotContain("<script>")
        .doesNotContain("<b>");
    assertThat(hit.title()).isEqualTo("Refund <b>now</b>");
  }

  @Test
  void hostileInputNeverBreaksTheQuery(TestApp app) {
    Team team = team(app);
    long refund = feedback(app, team, "Refund", "refund near the end and or not");
    List<String> hostile =
        List.of(
            "\"",
            "*",
            "NEAR(",
            "AND",
            "'",
            "\\",
            "\"refund",
            "refund\"",
            "refund OR",
            "OR refund",
            "NEAR(refund end)",
            "refund AND OR NOT",
            "title:refund",
            "{refund}",
            "refund^",
            "(refund",
            "refund)",
            "- -refund",
            "-",
            "\"\" \"\"",
            "refund'; DROP TABLE search_doc; --",
            "refund \\\" \\",
            "réfund*",
            "::* & | ! <->");
    for (String q : hostile) {
      try {
        ids(app, team, q);
      } catch (Invalid e) {
        assertThat(e.errors()).extracting(FieldError::field).as(q).containsOnly("q");
      }
    }
    assertThat(ids(app, team, "NEAR(")).containsExactly(refund);
    assertThat(ids(app, team, "\"refund")).containsExactly(refund);
    assertThat(ids(app, team, "refund'; DROP TABLE search_doc; --")).isEmpty();
    assertThat(ids(app, team, "{refund}")).containsExactly(refund);
    assertThat(app.count("search_doc")).isPositive();
  }

  @Test
  void deletedItemsAreNotFoundAndRestoredOnesAreAgain(TestApp app) {
    Team team = team(app);
    var items = app.app().definition().workItems();
    WorkItem item =
        items.create(team.owner(), team.product().slug(), NewWorkItem.of("bug", "Zebra crash"));
    long note = feedback(app, team, "Zebra stripes", "zebra");
    assertThat(ids(app, team, "zebra")).containsExactlyInAnyOrder(item.id(), note);

    items.delete(team.owner(), item.key(), item.version());
    app.database()
        .txVoid(
            h -> app.items().delete(h, team.owner(), app.items().access(h, team.owner(), note), 1));

    assertThat(ids(app, team, "zebra")).isEmpty();
    items.restore(team.owner(), item.key());
    assertThat(ids(app, team, "zebra")).containsExactly(item.id());
  }

  @Test
  void aWorkItemIsFoundByItsNewTextAfterAChange(TestApp app) {
    Team team = team(app);
    var items = app.app().definition().workItems();
    WorkItem item =
        items.create(team.owner(), team.product().slug(), NewWorkItem.of("story", "Aardvark"));

    items.update(
        team.owner(),
        item.key(),
        item.version(),
        new WorkItemChanges(
            Patch.of("Okapi"),
            Patch.keep(),
            Patch.of("Mentions a narwhal."),
            Patch.keep(),
            Patch.keep(),
            Patch.keep(),
            Patch.keep(),
            Patch.keep(),
            Patch.keep(),
            Patch.keep(),
            Patch.keep(),
            Patch.keep(),
            Patch.keep()));

    assertThat(ids(app, team, "aardvark")).isEmpty();
    assertThat(ids(app, team, "okapi narwhal")).containsExactly(item.id());
    assertThat(ids(app, team.owner(), filtered(team, "okapi", "status", item.state().name())))
        .containsExactly(item.id());
  }

  @Test
  void reindexRebuildsAProductFromItsItemsForAdminsOnly(TestApp app) {
    Team team = team(app);
    WorkItem item =
        app.app()
            .definition()
            .workItems()
            .create(team.owner(), team.product().slug(), NewWorkItem.of("epic", "Quokka"));
    app.database()
        .txVoid(
            h ->
                app.app().search().index().removeAll(h, team.product().id(), List.of("work_item")));
    assertThat(ids(app, team, "quokka")).isEmpty();
    User editor = team.member(app, Role.EDITOR, "eddie");

    assertThatThrownBy(() -> app.app().search().reindex(editor, team.product().slug()))
        .isInstanceOf(Forbidden.class);
    long documents = app.app().search().reindex(team.owner(), team.product().slug());

    assertThat(documents).isEqualTo(1);
    assertThat(ids(app, team, "quokka")).containsExactly(item.id());
  }

  @Test
  void readersFindOnlyWhatIsInTheirProducts(TestApp app) {
    Team ours = team(app);
    Team theirs = team(app);
    long mine = feedback(app, ours, "Platypus", "platypus");
    long other = feedback(app, theirs, "Platypus", "platypus");
    User viewer = ours.member(app, Role.VIEWER, "vera");

    assertThat(ids(app, viewer, SearchService.Request.of("platypus"))).containsExactly(mine);
    assertThat(ids(app, theirs.owner(), SearchService.Request.of("platypus")))
        .containsExactly(other);
    assertThatThrownBy(
            () ->
                ids(
                    app,
                    viewer,
                    SearchService.Request.of("platypus").inProduct(theirs.product().slug())))
        .isInstanceOf(Invalid.class)
        .satisfies(e -> assertThat(((Invalid) e).reasonFor("product")).isNotEmpty());
  }

  @Test
  void badFiltersAreRefusedTogetherWithTheirFieldsAndReasons(TestApp app) {
    Team team = team(app);
    SearchService.Request bad =
        new SearchService.Request(
            "-only",
            team.product().slug(),
            "Not A Kind",
            null,
            "abc",
            null,
            "yesterday",
            "2025-13-01",
            "no spaces allowed here!",
            null,
            "happy",
            "garbage",
            500);

    assertThatThrownBy(() -> app.app().search().search(team.owner(), bad))
        .isInstanceOf(Invalid.class)
        .satisfies(
            e ->
                assertThat(((Invalid) e).errors())
                    .extracting(FieldError::field)
                    .contains(
                        "q",
                        "kind",
                        "customer",
                        "from",
                        "to",
                        "tag",
                        "sentiment",
                        "limit",
                        "cursor"));
  }

  @Test
  void aLongResultComesInPagesWithACursor(TestApp app) {
    Team team = team(app);
    for (int i = 0; i < 5; i++) {
      feedback(app, team, "Wombat " + i, "wombat");
    }
    var first =
        app.app()
            .search()
            .search(
                team.owner(),
                new SearchService.Request(
                    "wombat",
                    team.product().slug(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    3))
            .slice();
    var second =
        app.app()
            .search()
            .search(
                team.owner(),
                new SearchService.Request(
                    "wombat",
                    team.product().slug(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    first.nextCursor(),
                    3))
            .slice();

    assertThat(first.total()).isEqualTo(5);
    assertThat(first.items()).hasSize(3);
    assertThat(second.items()).hasSize(2);
    assertThat(second.nextCursor()).isNull();
    assertThat(first.items())
        .extracting(SearchHit::id)
        .doesNotContainAnyElementsOf(second.items().stream().map(SearchHit::id).toList());
  }

  /** Documents with these titles, bodies and sources, created in one go, oldest first. */
  private static List<Long> documents(
      TestApp app, Team team, List<String> titles, String body, String source) {
    return app.database()
        .tx(
            h -> {
              var product = app.products().access(h, team.owner(), team.product().slug());
              List<Long> ids = app.items().createAll(h, team.owner(), product, "feedback", titles);
              List<SearchDoc> docs = new java.util.ArrayList<>();
              for (int i = 0; i < ids.size(); i++) {
                docs.add(
                    new SearchDoc(
                        ids.get(i),
                        team.product().id(),
                        "feedback",
                        titles.get(i),
                        body,
                        source,
                        null,
                        null,
                        null,
                        JAN));
              }
              app.app().search().index().putAll(h, docs);
              return ids;
            });
  }

  @Test
  void onlyTheMostRecentMatchesAreRankedAndOlderOnesFollowNewestFirst(TestApp app) {
    Team team = team(app);
    List<Long> oldStrong =
        documents(app, team, List.of("Refund refund", "Refund refund refund"), "refund", "email");
    List<String> titles = new java.util.ArrayList<>();
    for (int i = 0; i < SearchDocStore.RANK_WINDOW + 100; i++) {
      titles.add("Ticket " + i);
    }
    documents(app, team, titles, "It mentions a refund once among many other words.", "support");
    long newWeak =
        documents(
                app,
                team,
                List.of("Checkout"),
                "Many words about the checkout and, once, a refund.",
                "email")
            .get(0);

    SearchService.Results email =
        app.app().search().search(team.owner(), filtered(team, "refund", "source", "email"));
    SearchService.Results all =
        app.app().search().search(team.owner(), SearchService.Request.of("refund"));

    // The strong old matches lie outside the 2,000 newest documents with the word: they follow
    // the ranked newest match, newest first, instead of outranking it.
    assertThat(email.slice().items())
        .extracting(SearchHit::id)
        .containsExactly(newWeak, oldStrong.get(1), oldStrong.get(0));
    assertThat(email.slice().total()).isEqualTo(3);
    assertThat(all.slice().total()).isEqualTo(SearchIndex.COUNT_LIMIT);
  }
}
