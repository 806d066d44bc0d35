package io.hatrack.kernel.work;

import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.product;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.pages.Page;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.Race;
import io.hatrack.testing.TestApp;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class LinkServiceTest {

  private static LinkService links(TestApp app) {
    return app.collaboration().links();
  }

  private static String key(Page page) {
    return page.item().key();
  }

  @Test
  void aLinkReadsFromBothEndsWithItsLabels(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    Page story = page(app, ana, team.product());
    Page api = page(app, ana, team.product());

    Link added = links(app).add(ana, key(story), key(api), "depends-on");

    assertThat(added.outgoing()).isTrue();
    assertThat(added.label()).isEqualTo("depends on");
    assertThat(added.other().id()).isEqualTo(api.id());
    assertThat(links(app).list(ana, key(story))).containsExactly(added);
    assertThat(links(app).list(ana, key(api)))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.id()).isEqualTo(added.id());
              assertThat(l.outgoing()).isFalse();
              assertThat(l.label()).isEqualTo("blocks");
              assertThat(l.other().id()).isEqualTo(story.id());
            });
  }

  @Test
  void anItemCannotLinkToItself(TestApp app) {
    Team team = team(app);
    Page page = page(app, team.owner(), team.product());

    assertThatThrownBy(
            () -> links(app).add(team.owner(), key(page), Long.toString(page.id()), "relates-to"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("target")).contains("itself"));
    assertThat(links(app).list(team.owner(), key(page))).isEmpty();
  }

  @Test
  void theSameLinkTwiceIsAConflictAndSoIsASymmetricOneBackwards(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    Page a = page(app, ana, team.product());
    Page b = page(app, ana, team.product());
    links(app).add(ana, key(a), key(b), "relates-to");
    links(app).add(ana, key(a), key(b), "supports");

    assertThatThrownBy(() -> links(app).add(ana, key(a), key(b), "relates-to"))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> links(app).add(ana, key(b), key(a), "relates-to"))
        .isInstanceOf(Conflict.class);
    assertThat(links(app).add(ana, key(b), key(a), "supports").label()).isEqualTo("supports");
    assertThat(links(app).list(ana, key(a))).hasSize(3);
  }

  @Test
  void anUnknownTypeOrMissingTargetIsInvalid(TestApp app) {
    Team team = team(app);
    Page a = page(app, team.owner(), team.product());

    assertThatThrownBy(() -> links(app).add(team.owner(), key(a), "CHK-999", "implements"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("type")).contains("depends-on"));
    assertThatThrownBy(() -> links(app).add(team.owner(), key(a), " ", "relates-to"))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("target")).isNotEmpty());
    assertThatThrownBy(() -> links(app).add(team.owner(), key(a), "CHK-999", "relates-to"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("target")).contains("CHK-999"));
  }

  @Test
  void itemsOfDifferentWorkspacesCannotBeLinked(TestApp app) {
    Team ours = team(app);
    Team theirs = team(app);
    User both = ours.owner();
    app.workspaces()
        .addMember(theirs.owner(), theirs.workspace().slug(), both.email(), Role.EDITOR);
    Page mine = page(app, both, ours.product());
    Page other = page(app, theirs.owner(), theirs.product());
    Page hidden =
        page(app, theirs.owner(), product(app, theirs.owner(), theirs.workspace(), "HID"));

    // Both workspaces have a CHK-1, so this member names the items by id.
    String mineId = Long.toString(mine.id());
    assertThatThrownBy(() -> links(app).add(both, mineId, Long.toString(other.id()), "relates-to"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("target")).contains("same workspace"));
    assertThatThrownBy(
            () ->
                links(app)
                    .add(
                        ours.member(app, Role.EDITOR, "ed"),
                        key(mine),
                        Long.toString(hidden.id()),
                        "relates-to"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("target")).contains("that you can see"));
    assertThat(links(app).list(both, mineId)).isEmpty();
  }

  @Test
  void aDependencyThatWouldCloseACycleIsRefusedNamingThePath(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    Page a = page(app, ana, team.product());
    Page b = page(app, ana, team.product());
    Page c = page(app, ana, team.product());
    links(app).add(ana, key(a), key(b), "depends-on");
    links(app).add(ana, key(b), key(c), "depends-on");

    assertThatThrownBy(() -> links(app).add(ana, key(c), key(a), "depends-on"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("target"))
                    .isEqualTo(
                        "this dependency would make a cycle: "
                            + String.join(" \u2192 ", key(c), key(a), key(b), key(c))));
    assertThat(links(app).list(ana, key(c))).extracting(Link::label).containsExactly("blocks");
  }

  @Test
  void otherLinkTypesMayGoInCircles(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    Page a = page(app, ana, team.product());
    Page b = page(app, ana, team.product());
    links(app).add(ana, key(a), key(b), "supports");

    assertThat(links(app).add(ana, key(b), key(a), "supports").outgoing()).isTrue();
  }

  @Test
  void linkingNeedsAnEditorAndRemovingToo(TestApp app) {
    Team team = team(app);
    User commenter = team.member(app, Role.COMMENTER, "cam");
    Page a = page(app, team.owner(), team.product());
    Page b = page(app, team.owner(), team.product());

    assertThatThrownBy(() -> links(app).add(commenter, key(a), key(b), "relates-to"))
        .isInstanceOf(Forbidden.class);
    Link link = links(app).add(team.owner(), key(a), key(b), "relates-to");
    assertThatThrownBy(() -> links(app).remove(commenter, link.id())).isInstanceOf(Forbidden.class);

    links(app).remove(team.owner(), link.id());

    assertThat(links(app).list(team.owner(), key(a))).isEmpty();
    assertThat(links(app).list(team.owner(), key(b))).isEmpty();
    assertThatThrownBy(() -> links(app).remove(team.owner(), link.id()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void linksToADeletedItemAreHiddenUntilItIsRestored(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    Page a = page(app, ana, team.product());
    Page b = page(app, ana, team.product());
    links(app).add(ana, key(a), key(b), "relates-to");

    app.pages().delete(ana, key(b), b.version());
    assertThat(links(app).list(ana, key(a))).isEmpty();

    app.pages().restore(ana, key(b));
    assertThat(links(app).list(ana, key(a))).hasSize(1);
  }

  @Test
  void twoOppositeDependenciesAddedAtOnceDoNotMakeACycle(TestApp app) throws Exception {
    // Passes on SQLite, where writes take turns; fails on PostgreSQL, where each transaction
    // checks for a cycle without seeing the other's new link.
    Team team = team(app);
    User ana = team.owner();
    for (int round = 0; round < 10; round++) {
      Page a = page(app, ana, team.product());
      Page b = page(app, ana, team.product());

      int succeeded =
          Race.successes(
              () -> links(app).add(ana, key(a), key(b), "depends-on"),
              () -> links(app).add(ana, key(b), key(a), "depends-on"));

      assertThat(succeeded).as("dependencies added in round %d", round).isEqualTo(1);
    }
  }
}
