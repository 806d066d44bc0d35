package io.hatrack.pages;

import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class PageServiceTest {

  /** The tables a page creation writes to, with their row counts. */
  private static Map<String, Long> footprint(TestApp app) {
    return Map.of(
        "entity", app.count("entity"),
        "page", app.count("page"),
        "watcher", app.count("watcher"),
        "activity", app.count("activity"),
        "notification", app.count("notification"));
  }

  @Test
  void anEditorWritesAPageThatEveryMemberCanRead(TestApp app) {
    Team team = team(app);
    User editor = team.member(app, Role.EDITOR, "ed");
    User viewer = team.member(app, Role.VIEWER, "vic");

    Page page = app.pages().create(editor, team.product().slug(), "  Vision  ", "# Where next");

    assertThat(page.title()).isEqualTo("Vision");
    assertThat(page.body()).isEqualTo("# Where next");
    assertThat(page.version()).isEqualTo(1);
    assertThat(page.item().kind()).isEqualTo(PageStore.KIND);
    assertThat(page.item().createdBy()).isEqualTo(editor.id());
    PageService.PageView read = app.pages().get(viewer, page.item().key());
    assertThat(read.page()).isEqualTo(page);
    assertThat(read.access().role()).isEqualTo(Role.VIEWER);
    assertThat(app.pages().get(viewer, Long.toString(page.id())).page()).isEqualTo(page);
  }

  @Test
  void viewersAndCommentersCannotWritePagesAndNothingIsWritten(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    User commenter = team.member(app, Role.COMMENTER, "cam");
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(() -> app.pages().create(viewer, team.product().slug(), "Mine", ""))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining("editor role");
    assertThatThrownBy(() -> app.pages().create(commenter, team.product().slug(), "Mine", ""))
        .isInstanceOf(Forbidden.class);

    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void aBlankTitleOrATooLongBodyIsRefusedAndNothingIsWritten(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                app.pages().create(team.owner(), slug, "  ", "x".repeat(PageService.MAX_BODY + 1)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .containsExactlyInAnyOrder(
                        new FieldError("title", "must not be blank"),
                        new FieldError("body", "must be at most 200000 characters")));
    assertThatThrownBy(() -> app.pages().create(team.owner(), slug, "t".repeat(201), ""))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("title")).isEqualTo("must be at most 200 characters"));

    assertThat(footprint(app)).isEqualTo(before);
    assertThat(page(app, team.owner(), team.product()).item().key()).isEqualTo("CHK-1");
  }

  @Test
  void aFailureLateInTheTransactionLeavesNoHalfWrittenPage(TestApp app) {
    Team team = team(app);
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                app.database()
                    .tx(
                        h -> {
                          ProductAccess product =
                              app.products().access(h, team.owner(), team.product().slug());
                          app.pages().create(h, team.owner(), product, "Doomed", "Never saved.");
                          throw new IllegalStateException("the disk is full");
                        }))
        .hasMessage("the disk is full");

    assertThat(footprint(app)).isEqualTo(before);
    assertThat(page(app, team.owner(), team.product()).item().key()).isEqualTo("CHK-1");
  }

  @Test
  void nonMembersCannotReadAPage(TestApp app) {
    Team team = team(app);
    Page page = page(app, team.owner(), team.product());
    User outsider = user(app, "mallory");

    assertThatThrownBy(() -> app.pages().get(outsider, page.item().key()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> app.pages().get(outsider, Long.toString(page.id())))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> app.pages().create(outsider, team.product().slug(), "Mine", ""))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void anUpdateAtTheCurrentVersionChangesTheGivenFieldsAndMovesTheVersionOn(TestApp app) {
    Team team = team(app);
    Page page = app.pages().create(team.owner(), team.product().slug(), "Vision", "Old body");
    app.clock().advance(Duration.ofMinutes(1));

    Page retitled = app.pages().update(team.owner(), page.item().key(), 1, "Vision 2027", null);
    Page rewritten = app.pages().update(team.owner(), page.item().key(), 2, null, "New body");

    assertThat(retitled.title()).isEqualTo("Vision 2027");
    assertThat(retitled.body()).isEqualTo("Old body");
    assertThat(rewritten.title()).isEqualTo("Vision 2027");
    assertThat(rewritten.body()).isEqualTo("New body");
    assertThat(rewritten.version()).isEqualTo(3);
    assertThat(rewritten.item().updatedAt()).isEqualTo(app.clock().instant());
    assertThat(app.pages().get(team.owner(), page.item().key()).page()).isEqualTo(rewritten);
  }

  @Test
  void anUpdateAtAStaleVersionIsAConflictAndChangesNothing(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    Page page = app.pages().create(team.owner(), team.product().slug(), "Vision", "First");
    app.pages().update(ben, page.item().key(), page.version(), null, "Ben's edit");
    Page afterBen = app.pages().get(team.owner(), page.item().key()).page();
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                app.pages()
                    .update(team.owner(), page.item().key(), page.version(), "Mine", "Ana's edit"))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));

    assertThat(app.pages().get(team.owner(), page.item().key()).page()).isEqualTo(afterBen);
    assertThat(afterBen.body()).isEqualTo("Ben's edit");
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void anUpdateIsValidatedLikeACreate(TestApp app) {
    Team team = team(app);
    Page page = page(app, team.owner(), team.product());

    assertThatThrownBy(() -> app.pages().update(team.owner(), page.item().key(), 1, " ", null))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("title")).isEqualTo("must not be blank"));
    assertThat(app.pages().get(team.owner(), page.item().key()).page()).isEqualTo(page);
  }

  @Test
  void aViewerCannotEditOrDelete(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    Page page = page(app, team.owner(), team.product());

    assertThatThrownBy(() -> app.pages().update(viewer, page.item().key(), 1, "Mine", null))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> app.pages().delete(viewer, page.item().key(), 1))
        .isInstanceOf(Forbidden.class);
    assertThat(app.pages().get(viewer, page.item().key()).page()).isEqualTo(page);
  }

  @Test
  void aDeletedPageIsNotFoundUntilItIsRestored(TestApp app) {
    Team team = team(app);
    Page page = page(app, team.owner(), team.product());
    String key = page.item().key();

    app.pages().delete(team.owner(), key, page.version());

    assertThatThrownBy(() -> app.pages().get(team.owner(), key)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> app.pages().update(team.owner(), key, 2, "Zombie", null))
        .isInstanceOf(NotFound.class);
    assertThat(app.pages().list(team.owner(), team.product().slug(), null, 10).total()).isZero();

    Page restored = app.pages().restore(team.owner(), key);

    assertThat(restored.body()).isEqualTo(page.body());
    assertThat(restored.title()).isEqualTo(page.title());
    assertThat(restored.version()).isEqualTo(3);
    assertThat(app.pages().get(team.owner(), key).page()).isEqualTo(restored);
    assertThat(app.pages().list(team.owner(), team.product().slug(), null, 10).items())
        .extracting(Item::id)
        .containsExactly(page.id());
  }

  @Test
  void deletingAtAStaleVersionIsAConflictAndRestoringALivePageToo(TestApp app) {
    Team team = team(app);
    Page page = page(app, team.owner(), team.product());
    app.pages().update(team.owner(), page.item().key(), 1, "Changed", null);

    assertThatThrownBy(() -> app.pages().delete(team.owner(), page.item().key(), 1))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));
    assertThatThrownBy(() -> app.pages().restore(team.owner(), page.item().key()))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("not deleted");
    assertThat(app.pages().get(team.owner(), page.item().key()).page().title())
        .isEqualTo("Changed");
  }

  @Test
  void listingWithACursorReturnsEveryPageOnceMostRecentlyUpdatedFirst(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    List<Page> pages = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      pages.add(page(app, team.owner(), team.product()));
      if (i % 3 == 0) {
        // Some pages share their update time: the id must break the tie.
        app.clock().advance(Duration.ofSeconds(1));
      }
    }
    app.clock().advance(Duration.ofSeconds(1));
    Page touched = app.pages().update(team.owner(), pages.get(4).item().key(), 1, "Touched", null);
    Page deleted = pages.get(7);
    app.pages().delete(team.owner(), deleted.item().key(), deleted.version());

    List<Item> seen = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    String cursor = null;
    int rounds = 0;
    do {
      Slice<Item> slice = app.pages().list(team.owner(), slug, cursor, 3);
      assertThat(slice.items()).hasSizeLessThanOrEqualTo(3);
      seen.addAll(slice.items());
      totals.add(slice.total());
      cursor = slice.nextCursor();
      rounds++;
    } while (cursor != null && rounds < 10);

    List<Item> expected =
        app.pages().list(team.owner(), slug, null, 100).items().stream()
            .sorted(Comparator.comparing(Item::updatedAt).thenComparing(Item::id).reversed())
            .toList();
    assertThat(rounds).isEqualTo(4);
    assertThat(totals).containsOnly(10L);
    assertThat(seen)
        .extracting(Item::id)
        .doesNotHaveDuplicates()
        .hasSize(10)
        .doesNotContain(deleted.id());
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(seen.get(0).id()).isEqualTo(touched.id());
  }

  @Test
  void aCursorThatTheListingDidNotGiveOutIsInvalid(TestApp app) {
    Team team = team(app);

    assertThatThrownBy(() -> app.pages().list(team.owner(), team.product().slug(), "bogus!", 5))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("cursor")).isNotEmpty());
  }

  @Test
  void listingNeedsMembership(TestApp app) {
    Team team = team(app);
    page(app, team.owner(), team.product());
    User outsider = user(app, "mallory");

    assertThatThrownBy(() -> app.pages().list(outsider, team.product().slug(), null, 5))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void textWithANulCharacterIsRefusedAsInvalidOnEveryDatabase(TestApp app) {
    // PostgreSQL cannot store U+0000 in text and SQLite can. Today SQLite stores it (and a
    // backup holding it then cannot be restored into PostgreSQL), while PostgreSQL fails with
    // a raw SQL error instead of a validation error naming the field.
    Team team = team(app);
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () -> app.pages().create(team.owner(), team.product().slug(), "Nul", "a\u0000b"))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("body")).isNotEmpty());
    assertThatThrownBy(
            () -> app.pages().create(team.owner(), team.product().slug(), "N\u0000l", ""))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("title")).isNotEmpty());

    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void aPageSizeBelowOneIsInvalid(TestApp app) {
    // Today a limit of 0 fails with a NullPointerException from PageService.list.
    Team team = team(app);
    page(app, team.owner(), team.product());

    assertThatThrownBy(() -> app.pages().list(team.owner(), team.product().slug(), null, 0))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("limit")).isNotEmpty());
  }
}
