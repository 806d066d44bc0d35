package io.hatrack.kernel.work;

import static io.hatrack.testing.Fixtures.member;
import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.product;
import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static io.hatrack.testing.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.pages.Page;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class ItemServiceTest {

  @Test
  void itemsAreNumberedInOrderWithinTheirProduct(TestApp app) {
    Team team = team(app);
    Product mobile = product(app, team.owner(), team.workspace(), "MOB");

    Page first = page(app, team.owner(), team.product());
    Page second = page(app, team.owner(), team.product());
    Page otherProduct = page(app, team.owner(), mobile);
    Page third = page(app, team.owner(), team.product());

    assertThat(List.of(first, second, third))
        .extracting(p -> p.item().key())
        .containsExactly("CHK-1", "CHK-2", "CHK-3");
    assertThat(otherProduct.item().key()).isEqualTo("MOB-1");
  }

  @Test
  void theSameKeyInAnotherWorkspaceIsAnotherItem(TestApp app) {
    Team ours = team(app);
    Team theirs = team(app);
    Page mine = page(app, ours.owner(), ours.product());
    Page other = page(app, theirs.owner(), theirs.product());

    assertThat(mine.item().key()).isEqualTo(other.item().key()).isEqualTo("CHK-1");
    assertThat(app.items().access(ours.owner(), "CHK-1").id()).isEqualTo(mine.id());
    assertThat(app.items().access(theirs.owner(), "CHK-1").id()).isEqualTo(other.id());
  }

  @Test
  void anItemIsReachedByIdOrByKeyInAnyCase(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    Page page = page(app, team.owner(), team.product());

    ItemAccess byId = app.items().access(viewer, Long.toString(page.id()));
    ItemAccess byKey = app.items().access(viewer, "chk-1");

    assertThat(byId.item()).isEqualTo(byKey.item()).isEqualTo(page.item());
    assertThat(byKey.role()).isEqualTo(Role.VIEWER);
    assertThat(byKey.item().label()).isEqualTo("CHK-1 \u201c" + page.title() + "\u201d");
  }

  @Test
  void aKeyThatExistsInTwoOfMyWorkspacesNeedsTheId(TestApp app) {
    Team ours = team(app);
    Team theirs = team(app);
    page(app, ours.owner(), ours.product());
    page(app, theirs.owner(), theirs.product());
    User both = ours.member(app, Role.VIEWER, "bo");
    app.workspaces()
        .addMember(theirs.owner(), theirs.workspace().slug(), both.email(), Role.VIEWER);

    assertThatThrownBy(() -> app.items().access(both, "CHK-1"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("item")).contains("use the id"));
  }

  @Test
  void nonMembersCannotTellAnItemFromOneThatDoesNotExist(TestApp app) {
    Team team = team(app);
    Page page = page(app, team.owner(), team.product());
    User outsider = user(app, "mallory");

    assertThatThrownBy(() -> app.items().access(outsider, Long.toString(page.id())))
        .isInstanceOf(NotFound.class)
        .hasMessage("item not found");
    assertThatThrownBy(() -> app.items().access(outsider, page.item().key()))
        .isInstanceOf(NotFound.class)
        .hasMessage("item not found");
    assertThatThrownBy(() -> app.items().access(team.owner(), "CHK-999"))
        .isInstanceOf(NotFound.class)
        .hasMessage("item not found");
    assertThatThrownBy(() -> app.items().access(team.owner(), Long.toString(Long.MAX_VALUE / 10)))
        .isInstanceOf(NotFound.class)
        .hasMessage("item not found");
  }

  @Test
  void aReferenceThatIsNeitherIdNorKeyIsInvalid(TestApp app) {
    Team team = team(app);

    assertThatThrownBy(() -> app.items().access(team.owner(), "saved cards"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("item")).contains("CHK-42"));
  }

  @Test
  void findLooksUpItemsByKeyOrByWordsOfTheTitle(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    Page cards = app.pages().create(ana, team.product().slug(), "Saved Cards research", "");
    Page discount = app.pages().create(ana, team.product().slug(), "100% discount codes", "");
    app.pages().create(ana, team.product().slug(), "Payouts", "");
    User outsider = user(app, "mallory");

    assertThat(app.items().find(ana, "saved CARDS", 10)).containsExactly(cards.item());
    assertThat(app.items().find(ana, cards.item().key().toLowerCase(), 10))
        .containsExactly(cards.item());
    assertThat(app.items().find(ana, "%", 10)).containsExactly(discount.item());
    assertThat(app.items().find(ana, "_", 10)).isEmpty();
    assertThat(app.items().find(outsider, "saved", 10)).isEmpty();
  }

  @Test
  void recentItemsComeMostRecentlyUpdatedFirst(TestApp app) {
    Team team = team(app);
    Page older = page(app, team.owner(), team.product());
    app.clock().advance(Duration.ofSeconds(1));
    Page newer = page(app, team.owner(), team.product());
    app.clock().advance(Duration.ofSeconds(1));
    app.pages().update(team.owner(), older.item().key(), older.version(), "Touched", null);

    ProductAccess product = app.products().access(team.owner(), team.product().slug());

    assertThat(app.items().recent(product, 10))
        .extracting(Item::id)
        .containsExactly(older.id(), newer.id());
    assertThat(app.items().recent(product, 1)).extracting(Item::id).containsExactly(older.id());
  }

  @Test
  void itemsCreatedAtTheSameTimeStillGetDistinctConsecutiveNumbers(TestApp app) throws Exception {
    Team team = team(app);
    User editor = team.member(app, Role.EDITOR, "ed");
    int writers = 4;
    int each = 8;
    List<Callable<Void>> work = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      User author = w % 2 == 0 ? team.owner() : editor;
      work.add(
          () -> {
            for (int i = 0; i < each; i++) {
              page(app, author, team.product());
            }
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (Future<Void> done : pool.invokeAll(work)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<Long> numbers =
        app.database()
            .read(
                h ->
                    h.createQuery("SELECT number FROM entity WHERE product_id = :p ORDER BY number")
                        .bind("p", team.product().id())
                        .mapTo(Long.class)
                        .list());
    assertThat(numbers)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, writers * each).boxed().toList());
  }

  @Test
  void theCreatorWatchesANewItem(TestApp app) {
    Team team = team(app);
    User editor = team.member(app, Role.EDITOR, "ed");

    Page page = page(app, editor, team.product());

    assertThat(app.collaboration().notifications().watching(editor, page.item().key())).isTrue();
    assertThat(app.collaboration().notifications().watching(team.owner(), page.item().key()))
        .isFalse();
  }

  @Test
  void membersOfAnotherWorkspaceDoNotSeeItsItems(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    Product product = product(app, ana, ws);
    User ben = member(app, workspace(app, ana), ana, Role.OWNER, "ben");
    Page page = page(app, ana, product);

    assertThatThrownBy(() -> app.items().access(ben, Long.toString(page.id())))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void findIgnoresCaseInAccentedLettersToo(TestApp app) {
    // Fails on SQLite: its LOWER() folds only ASCII letters, so "Über" never matches "über".
    Team team = team(app);
    Page page =
        app.pages().create(team.owner(), team.product().slug(), "Über-Zahlungen in Ärzte-Apps", "");

    assertThat(app.items().find(team.owner(), "über", 10)).containsExactly(page.item());
    assertThat(app.items().find(team.owner(), "ÄRZTE", 10)).containsExactly(page.item());
  }
}
