package io.hatrack.definition.query;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.query.SavedViewService.ViewInput;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class SavedViewServiceTest {

  private static SavedViewService views(TestApp app) {
    return app.app().definition().views();
  }

  private static ViewInput list(String name, String query) {
    return new ViewInput(name, "list", query, null, null);
  }

  @Test
  void anEditorSavesAViewThatEveryMemberReads(TestApp app) {
    Team team = team(app);
    User editor = team.member(app, Role.EDITOR, "ed");
    User viewer = team.member(app, Role.VIEWER, "vic");
    String slug = team.product().slug();

    SavedView view =
        views(app)
            .create(
                editor,
                slug,
                new ViewInput(
                    "  Open bugs  ",
                    "BOARD",
                    " type:bug -category:done ",
                    "Status",
                    List.of("key", "Title", "owner")));

    assertThat(view.name()).isEqualTo("Open bugs");
    assertThat(view.layout()).isEqualTo(ViewLayout.BOARD);
    assertThat(view.query()).isEqualTo("type:bug -category:done");
    assertThat(view.groupBy()).isEqualTo("status");
    assertThat(view.columns()).containsExactly("key", "title", "owner");
    assertThat(view.createdBy()).isEqualTo(editor.id());
    assertThat(view.version()).isEqualTo(1);
    assertThat(views(app).get(viewer, slug, view.id())).isEqualTo(view);
    assertThat(views(app).list(viewer, slug)).containsExactly(view);
  }

  @Test
  void aViewDefaultsToAListOfEveryItem(TestApp app) {
    Team team = team(app);

    SavedView view =
        views(app)
            .create(
                team.owner(), team.product().slug(), new ViewInput("All", null, null, null, null));

    assertThat(view.layout()).isEqualTo(ViewLayout.LIST);
    assertThat(view.query()).isEmpty();
    assertThat(view.groupBy()).isEmpty();
    assertThat(view.columns()).isEmpty();
  }

  @Test
  void viewersCannotSaveViewsAndNothingIsWritten(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    long before = app.count("saved_view");

    assertThatThrownBy(() -> views(app).create(viewer, team.product().slug(), list("Mine", "")))
        .isInstanceOf(Forbidden.class);
    assertThat(app.count("saved_view")).isEqualTo(before);
  }

  @Test
  void aWrongQueryIsRefusedOnTheQueryFieldWithWhereItGoesWrong(TestApp app) {
    Team team = team(app);
    long before = app.count("saved_view");

    assertThatThrownBy(
            () ->
                views(app)
                    .create(
                        team.owner(), team.product().slug(), list("Typo", "type:bug stauts:done")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("query"))
                    .isEqualTo(
                        "column 10: unknown field \"stauts\": did you mean \"status\"?\n"
                            + "type:bug stauts:done\n"
                            + "         ^^^^^^"));
    assertThat(app.count("saved_view")).isEqualTo(before);
  }

  @Test
  void everyBadValueIsReportedAtOnce(TestApp app) {
    Team team = team(app);

    assertThatThrownBy(
            () ->
                views(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        new ViewInput(
                            " ", "grid", "status:nope", "risk", List.of("key", "colour"))))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(
            () ->
                views(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        new ViewInput(
                            "X", "list", "status:nope", "risk", List.of("key", "colour", "key"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("query")).contains("no state named \"nope\"");
              assertThat(e.reasonFor("group_by"))
                  .contains("must be status or the key of a select field");
              assertThat(e.reasonFor("columns[1]"))
                  .startsWith("unknown column \"colour\"; columns are key, title, type, status");
              assertThat(e.reasonFor("columns[2]")).isEqualTo("\"key\" is listed twice");
            });
    assertThatThrownBy(
            () ->
                views(app)
                    .create(
                        team.owner(),
                        team.product().slug(),
                        new ViewInput("X", "grid", "", "", null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("layout")).isEqualTo("must be list, board or tree"));
  }

  @Test
  void namesAreUniqueInAProductWhateverTheCase(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    views(app).create(team.owner(), slug, list("Bugs", "type:bug"));

    assertThatThrownBy(() -> views(app).create(team.owner(), slug, list("BUGS", "")))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("BUGS");
    var other = Fixtures.product(app, team.owner(), team.workspace(), "OTH");
    assertThat(views(app).create(team.owner(), other.slug(), list("Bugs", "")).name())
        .isEqualTo("Bugs");
  }

  @Test
  void anUpdateKeepsWhatItDoesNotNameAndMovesTheVersionOn(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    SavedView view =
        views(app)
            .create(
                team.owner(),
                slug,
                new ViewInput("Stories", "list", "type:story", "", List.of("key")));
    app.clock().advance(java.time.Duration.ofMinutes(5));

    SavedView changed =
        views(app)
            .update(
                team.owner(),
                slug,
                view.id(),
                1,
                new ViewInput(null, "board", null, "status", null));

    assertThat(changed.name()).isEqualTo("Stories");
    assertThat(changed.query()).isEqualTo("type:story");
    assertThat(changed.columns()).containsExactly("key");
    assertThat(changed.layout()).isEqualTo(ViewLayout.BOARD);
    assertThat(changed.groupBy()).isEqualTo("status");
    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.updatedAt()).isAfter(view.updatedAt());
    assertThat(changed.createdAt()).isEqualTo(view.createdAt());
  }

  @Test
  void aStaleVersionIsAConflictAndChangesNothing(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    SavedView view = views(app).create(team.owner(), slug, list("Shared", ""));
    views(app)
        .update(
            team.owner(), slug, view.id(), 1, new ViewInput(null, null, "type:bug", null, null));

    assertThatThrownBy(
            () ->
                views(app)
                    .update(
                        team.owner(),
                        slug,
                        view.id(),
                        1,
                        new ViewInput(null, null, "type:task", null, null)))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("version 2");
    assertThatThrownBy(() -> views(app).delete(team.owner(), slug, view.id(), 1))
        .isInstanceOf(Conflict.class);
    assertThat(views(app).get(team.owner(), slug, view.id()).query()).isEqualTo("type:bug");
  }

  @Test
  void renamingOntoAnotherViewsNameIsAConflictButKeepingOnesOwnNameIsFine(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    views(app).create(team.owner(), slug, list("First", ""));
    SavedView second = views(app).create(team.owner(), slug, list("Second", ""));

    assertThatThrownBy(
            () ->
                views(app)
                    .update(
                        team.owner(),
                        slug,
                        second.id(),
                        1,
                        new ViewInput("first", null, null, null, null)))
        .isInstanceOf(Conflict.class);
    assertThat(
            views(app)
                .update(
                    team.owner(),
                    slug,
                    second.id(),
                    1,
                    new ViewInput("SECOND", null, null, null, null))
                .name())
        .isEqualTo("SECOND");
  }

  @Test
  void aDeletedViewIsGoneAndViewsOfOtherProductsAreNotFound(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    SavedView view = views(app).create(team.owner(), slug, list("Temporary", ""));
    var other = Fixtures.product(app, team.owner(), team.workspace(), "OTH");

    assertThatThrownBy(() -> views(app).get(team.owner(), other.slug(), view.id()))
        .isInstanceOf(NotFound.class);
    views(app).delete(team.owner(), slug, view.id(), 1);

    assertThatThrownBy(() -> views(app).get(team.owner(), slug, view.id()))
        .isInstanceOf(NotFound.class);
    assertThat(views(app).list(team.owner(), slug)).isEmpty();
  }

  @Test
  void strangersCannotSeeAProductsViews(TestApp app) {
    Team team = team(app);
    views(app).create(team.owner(), team.product().slug(), list("Private", ""));
    User stranger = Fixtures.user(app, "stranger");

    assertThatThrownBy(() -> views(app).list(stranger, team.product().slug()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void changesAreRecordedInTheProductsActivity(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    long before = app.count("activity");
    SavedView view = views(app).create(team.owner(), slug, list("Audited", ""));
    views(app)
        .update(
            team.owner(), slug, view.id(), 1, new ViewInput(null, null, "type:bug", null, null));
    views(app).delete(team.owner(), slug, view.id(), 2);

    assertThat(app.count("activity")).isEqualTo(before + 3);
  }

  @Test
  void checkingAQueryGivesTheErrorToUnderline(TestApp app) {
    Team team = team(app);

    var outcome = views(app).checkQuery(team.owner(), team.product().slug(), "estimate>abc");

    assertThat(outcome).isEqualTo(new QueryError(9, 3, "\"abc\" is not a number for estimate"));
    assertThat(views(app).checkQuery(team.owner(), team.product().slug(), "type:bug"))
        .isInstanceOf(WorkItemQuery.Compiled.class);
  }
}
