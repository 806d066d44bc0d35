package io.hatrack.kernel.work;

import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.pages.Page;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class TagServiceTest {

  private static TagService tags(TestApp app) {
    return app.collaboration().tags();
  }

  @Test
  void tagNamesAreTrimmedLowercasedAndSpacesCollapsed() {
    assertThat(TagService.normalize("name", "  Q1   Launch ")).isEqualTo("q1 launch");
    assertThat(TagService.normalize("name", "Ünïcode")).isEqualTo("ünïcode");
    assertThatThrownBy(() -> TagService.normalize("tags[0]", "#hash"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("tags[0]")).contains("1-40 letters"));
    assertThatThrownBy(() -> TagService.normalize("name", "x".repeat(41)))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void settingTagsReplacesThemAndTheSameTagInAnyCaseIsOne(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    Page page = page(app, ana, team.product());
    String key = page.item().key();

    assertThat(tags(app).set(ana, key, List.of("Mobile", "mobile ", "Q1 Launch")))
        .containsExactly("mobile", "q1 launch");
    assertThat(tags(app).set(ana, key, List.of("research", "MOBILE")))
        .containsExactly("mobile", "research");
    assertThat(tags(app).list(ana, key)).containsExactly("mobile", "research");
  }

  @Test
  void theTagsOfAPageOfItemsAreReadTogetherAndAnUntaggedItemHasNone(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    Page tagged = page(app, ana, team.product());
    Page untagged = page(app, ana, team.product());
    tags(app).set(ana, tagged.item().key(), List.of("mobile", "beta"));

    var byItem =
        app.database()
            .read(h -> tags(app).forItems(h, List.of(tagged.item().id(), untagged.item().id())));

    assertThat(byItem.get(tagged.item().id())).containsExactly("beta", "mobile");
    assertThat(byItem.get(untagged.item().id())).isEmpty();
  }

  @Test
  void addingAndRemovingOneTagKeepsTheOthers(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    String key = page(app, ana, team.product()).item().key();
    tags(app).set(ana, key, List.of("alpha", "beta"));

    assertThat(tags(app).add(ana, key, "Gamma")).containsExactly("alpha", "beta", "gamma");
    assertThat(tags(app).add(ana, key, "GAMMA")).containsExactly("alpha", "beta", "gamma");
    assertThat(tags(app).remove(ana, key, "Beta")).containsExactly("alpha", "gamma");
    assertThat(tags(app).remove(ana, key, "absent")).containsExactly("alpha", "gamma");
  }

  @Test
  void aWorkspaceCountsTheLiveItemsCarryingEachTag(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    Page one = page(app, ana, team.product());
    Page two = page(app, ana, team.product());
    tags(app).set(ana, one.item().key(), List.of("mobile", "web"));
    tags(app).set(ana, two.item().key(), List.of("mobile"));
    app.pages().delete(ana, one.item().key(), one.version());

    List<TagStore.TagCount> counts =
        tags(app).inWorkspace(app.workspaces().access(ana, team.workspace().slug()));

    assertThat(counts)
        .containsExactly(new TagStore.TagCount("mobile", 1), new TagStore.TagCount("web", 0));
  }

  @Test
  void tagsBelongToTheirWorkspace(TestApp app) {
    Team ours = team(app);
    Team theirs = team(app);
    tags(app)
        .set(ours.owner(), page(app, ours.owner(), ours.product()).item().key(), List.of("secret"));
    tags(app)
        .set(
            theirs.owner(),
            page(app, theirs.owner(), theirs.product()).item().key(),
            List.of("public"));

    assertThat(
            tags(app)
                .inWorkspace(app.workspaces().access(theirs.owner(), theirs.workspace().slug())))
        .extracting(TagStore.TagCount::name)
        .containsExactly("public");
  }

  @Test
  void aCommenterCannotTagAndAnInvalidTagChangesNothing(TestApp app) {
    Team team = team(app);
    User commenter = team.member(app, Role.COMMENTER, "cam");
    String key = page(app, team.owner(), team.product()).item().key();
    tags(app).set(team.owner(), key, List.of("keep"));

    assertThatThrownBy(() -> tags(app).add(commenter, key, "mine")).isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> tags(app).set(team.owner(), key, List.of("fine", "<b>bad</b>")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("tags[1]")).isNotEmpty());
    assertThatThrownBy(
            () ->
                tags(app)
                    .set(team.owner(), key, IntStream.range(0, 51).mapToObj(i -> "t" + i).toList()))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("tags")).contains("at most 50"));

    assertThat(tags(app).list(team.owner(), key)).containsExactly("keep");
  }

  @Test
  void changingTagsIsRecordedWithTheTagsBeforeAndAfter(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    String key = page(app, ana, team.product()).item().key();
    tags(app).set(ana, key, List.of("old"));
    tags(app).set(ana, key, List.of("new"));
    tags(app).set(ana, key, List.of("NEW"));

    var changes =
        app.collaboration().activity().forItem(ana, key, 0, 10).stream()
            .filter(e -> e.action().equals("tags.changed"))
            .toList();

    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).beforeJson()).isEqualTo("{\"tags\":[\"old\"]}");
    assertThat(changes.get(0).afterJson()).isEqualTo("{\"tags\":[\"new\"]}");
    assertThat(changes.get(1).beforeJson()).isEqualTo("{\"tags\":[]}");
    assertThat(tags(app).set(ana, key, Collections.emptyList())).isEmpty();
  }
}
