package io.hatrack.kernel.work;

import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
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
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class CommentServiceTest {

  private static List<Notification> notificationsOf(TestApp app, User user) {
    return app.collaboration().notifications().list(user, false, 0, 100);
  }

  @Test
  void aMentionNotifiesTheMentionedMemberOnce(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User ben = team.member(app, Role.COMMENTER, "ben");
    Page page = page(app, ana, team.product());

    Comment comment =
        app.collaboration()
            .comments()
            .add(ana, page.item().key(), "@" + ben.handle() + " please look, @" + ben.handle());

    assertThat(notificationsOf(app, ben))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.reason()).isEqualTo("mention");
              assertThat(n.item().id()).isEqualTo(page.id());
              assertThat(n.actorName()).isEqualTo(ana.name());
              assertThat(n.summary())
                  .isEqualTo(ana.name() + " mentioned you on " + page.item().label());
              assertThat(n.unread()).isTrue();
            });
    assertThat(comment.authorId()).isEqualTo(ana.id());
    assertThat(comment.authorHandle()).isEqualTo(ana.handle());
  }

  @Test
  void aMentionedWatcherIsToldOnlyOfTheMention(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User ben = team.member(app, Role.EDITOR, "ben");
    Page page = page(app, ben, team.product());

    app.collaboration()
        .comments()
        .add(ana, page.item().key(), "What do you think, @" + ben.handle() + "?");

    assertThat(notificationsOf(app, ben))
        .extracting(Notification::reason)
        .containsExactly("mention");
  }

  @Test
  void neitherTheAuthorNorNonMembersAreNotifiedOfMentions(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User outsider = user(app, "otto");
    Page page = page(app, ana, team.product());

    app.collaboration()
        .comments()
        .add(
            ana,
            page.item().key(),
            "Note to self @" + ana.handle() + ", and @" + outsider.handle());

    assertThat(notificationsOf(app, ana)).isEmpty();
    assertThat(notificationsOf(app, outsider)).isEmpty();
  }

  @Test
  void mentionsInCodeAndEmailAddressesDoNotNotify(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.VIEWER, "ben");
    Page page = page(app, team.owner(), team.product());

    app.collaboration()
        .comments()
        .add(
            team.owner(),
            page.item().key(),
            "Write to x@"
                + ben.handle()
                + ".io or run `ping @"
                + ben.handle()
                + "`\n\n```\n@"
                + ben.handle()
                + "\n```");

    assertThat(notificationsOf(app, ben)).isEmpty();
  }

  @Test
  void watchersHearOfNewCommentsButNotOfTheirOwn(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User ben = team.member(app, Role.COMMENTER, "ben");
    User chloe = team.member(app, Role.VIEWER, "chloe");
    Page page = page(app, ana, team.product());
    app.collaboration().notifications().watch(chloe, page.item().key());

    app.collaboration().comments().add(ben, page.item().key(), "Looks good.");

    assertThat(notificationsOf(app, ana))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.reason()).isEqualTo("watching");
              assertThat(n.summary())
                  .isEqualTo(ben.name() + " commented on " + page.item().label());
            });
    assertThat(notificationsOf(app, chloe))
        .extracting(Notification::reason)
        .containsExactly("watching");
    assertThat(notificationsOf(app, ben)).isEmpty();
    assertThat(app.collaboration().notifications().watching(ben, page.item().key()))
        .as("commenting makes the author a watcher")
        .isTrue();
  }

  @Test
  void aViewerCannotComment(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    Page page = page(app, team.owner(), team.product());

    assertThatThrownBy(() -> app.collaboration().comments().add(viewer, page.item().key(), "Hi"))
        .isInstanceOf(Forbidden.class);
    assertThat(app.collaboration().comments().list(team.owner(), page.item().key(), 0, 10).total())
        .isZero();
  }

  @Test
  void aBlankCommentIsInvalid(TestApp app) {
    Team team = team(app);
    Page page = page(app, team.owner(), team.product());

    assertThatThrownBy(
            () -> app.collaboration().comments().add(team.owner(), page.item().key(), " \n "))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("body")).isEqualTo("must not be blank"));
  }

  @Test
  void commentsAreListedOldestFirstAfterAGivenComment(TestApp app) {
    Team team = team(app);
    Page page = page(app, team.owner(), team.product());
    String key = page.item().key();
    Comment first = app.collaboration().comments().add(team.owner(), key, "one");
    Comment second = app.collaboration().comments().add(team.owner(), key, "two");
    Comment third = app.collaboration().comments().add(team.owner(), key, "three");

    CommentService.CommentPage all = app.collaboration().comments().list(team.owner(), key, 0, 10);
    CommentService.CommentPage rest =
        app.collaboration().comments().list(team.owner(), key, first.id(), 10);

    assertThat(all.comments()).containsExactly(first, second, third);
    assertThat(all.total()).isEqualTo(3);
    assertThat(rest.comments()).containsExactly(second, third);
  }

  @Test
  void onlyTheAuthorEditsACommentAndNewMentionsAreNotified(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User ben = team.member(app, Role.EDITOR, "ben");
    User chloe = team.member(app, Role.VIEWER, "chloe");
    Page page = page(app, ana, team.product());
    Comment comment =
        app.collaboration().comments().add(ana, page.item().key(), "Hi @" + chloe.handle());

    assertThatThrownBy(() -> app.collaboration().comments().edit(ben, comment.id(), 1, "Mine"))
        .isInstanceOf(Forbidden.class);
    Comment edited =
        app.collaboration()
            .comments()
            .edit(ana, comment.id(), 1, "Hi @" + chloe.handle() + " and @" + ben.handle());

    assertThat(edited.body()).endsWith("@" + ben.handle());
    assertThat(edited.edited()).isTrue();
    assertThat(notificationsOf(app, chloe)).hasSize(1);
    assertThat(notificationsOf(app, ben))
        .extracting(Notification::reason)
        .containsExactly("mention");
    assertThatThrownBy(() -> app.collaboration().comments().edit(ana, comment.id(), 1, "Stale"))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));
  }

  @Test
  void authorsDeleteTheirOwnCommentsAndAdminsAnyone(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    User chloe = team.member(app, Role.EDITOR, "chloe");
    Page page = page(app, team.owner(), team.product());
    Comment bens = app.collaboration().comments().add(ben, page.item().key(), "Ben's");
    Comment chloes = app.collaboration().comments().add(chloe, page.item().key(), "Chloe's");

    assertThatThrownBy(() -> app.collaboration().comments().delete(ben, chloes.id(), 1))
        .isInstanceOf(Forbidden.class);
    app.collaboration().comments().delete(ben, bens.id(), 1);
    app.collaboration().comments().delete(team.owner(), chloes.id(), 1);

    assertThat(app.collaboration().comments().list(ben, page.item().key(), 0, 10).comments())
        .isEmpty();
    assertThatThrownBy(() -> app.collaboration().comments().get(ben, bens.id()))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void nonMembersCannotReadOrAddComments(TestApp app) {
    Team team = team(app);
    Page page = page(app, team.owner(), team.product());
    Comment comment = app.collaboration().comments().add(team.owner(), page.item().key(), "Secret");
    User outsider = user(app, "mallory");

    assertThatThrownBy(() -> app.collaboration().comments().get(outsider, comment.id()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () -> app.collaboration().comments().list(outsider, page.item().key(), 0, 10))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> app.collaboration().comments().add(outsider, page.item().key(), "Hi"))
        .isInstanceOf(NotFound.class);
  }
}
