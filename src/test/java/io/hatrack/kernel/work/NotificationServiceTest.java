package io.hatrack.kernel.work;

import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
class NotificationServiceTest {

  private static NotificationService notifications(TestApp app) {
    return app.collaboration().notifications();
  }

  @Test
  void watchersHearOfPageEditsButTheEditorDoesNot(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User ben = team.member(app, Role.EDITOR, "ben");
    User chloe = team.member(app, Role.VIEWER, "chloe");
    Page page = page(app, ana, team.product());
    notifications(app).watch(chloe, page.item().key());

    Page edited = app.pages().update(ben, page.item().key(), 1, "Edited by Ben", null);

    List<Notification> anas = notifications(app).list(ana, false, 0, 10);
    assertThat(anas)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.reason()).isEqualTo("watching");
              assertThat(n.summary()).isEqualTo(ben.name() + " edited " + edited.item().label());
            });
    assertThat(notifications(app).list(chloe, false, 0, 10)).hasSize(1);
    assertThat(notifications(app).list(ben, false, 0, 10)).isEmpty();
  }

  @Test
  void aMentionAddedByAnEditIsNotifiedOnceAndNotAgainOnTheNextEdit(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User dev = team.member(app, Role.COMMENTER, "dev");
    Page page = page(app, ana, team.product());

    app.pages().update(ana, page.item().key(), 1, null, "Ask @" + dev.handle());
    app.pages().update(ana, page.item().key(), 2, null, "Ask @" + dev.handle() + " again");

    assertThat(notifications(app).list(dev, false, 0, 10))
        .extracting(Notification::reason)
        .containsExactly("mention");
  }

  @Test
  void aPageMentioningSomeoneNotifiesThemWhenWritten(TestApp app) {
    Team team = team(app);
    User dev = team.member(app, Role.COMMENTER, "dev");

    Page page =
        app.pages().create(team.owner(), team.product().slug(), "Plan", "Owner: @" + dev.handle());

    assertThat(notifications(app).list(dev, false, 0, 10))
        .singleElement()
        .satisfies(n -> assertThat(n.item().id()).isEqualTo(page.id()));
  }

  @Test
  void unreadCountsFallAsNotificationsAreRead(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User ben = team.member(app, Role.COMMENTER, "ben");
    Page page = page(app, ana, team.product());
    for (int i = 0; i < 3; i++) {
      app.collaboration().comments().add(ana, page.item().key(), "ping @" + ben.handle());
    }
    List<Notification> bens = notifications(app).list(ben, false, 0, 10);
    assertThat(notifications(app).unreadCount(ben)).isEqualTo(3);

    notifications(app).markRead(ben, bens.get(0).id());

    assertThat(notifications(app).unreadCount(ben)).isEqualTo(2);
    assertThat(notifications(app).list(ben, true, 0, 10))
        .extracting(Notification::id)
        .containsExactly(bens.get(1).id(), bens.get(2).id());
    assertThat(notifications(app).get(ben, bens.get(0).id()).unread()).isFalse();

    assertThat(notifications(app).markAllRead(ben)).isEqualTo(2);
    assertThat(notifications(app).unreadCount(ben)).isZero();
    assertThat(notifications(app).list(ben, false, 0, 10))
        .hasSize(3)
        .noneMatch(Notification::unread);
  }

  @Test
  void nobodyCanReadOrMarkAnotherPersonsNotifications(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User ben = team.member(app, Role.COMMENTER, "ben");
    User mallory = team.member(app, Role.ADMIN, "mallory");
    Page page = page(app, ana, team.product());
    app.collaboration().comments().add(ana, page.item().key(), "ping @" + ben.handle());
    long id = notifications(app).list(ben, false, 0, 10).get(0).id();

    notifications(app).markRead(mallory, id);
    notifications(app).markAllRead(mallory);

    assertThat(notifications(app).unreadCount(ben)).isEqualTo(1);
    assertThatThrownBy(() -> notifications(app).get(mallory, id)).isInstanceOf(NotFound.class);
  }

  @Test
  void notificationsAreListedNewestFirstInPages(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User ben = team.member(app, Role.COMMENTER, "ben");
    Page page = page(app, ana, team.product());
    for (int i = 0; i < 5; i++) {
      app.collaboration().comments().add(ana, page.item().key(), "ping " + i + " @" + ben.handle());
    }

    List<Notification> first = notifications(app).list(ben, false, 0, 3);
    List<Notification> rest =
        notifications(app).list(ben, false, first.get(first.size() - 1).id(), 3);

    assertThat(first).hasSize(3);
    assertThat(rest).hasSize(2);
    assertThat(first.get(0).id()).isGreaterThan(first.get(1).id());
    assertThat(rest.get(0).id()).isLessThan(first.get(2).id());
  }

  @Test
  void someoneWhoLeftTheWorkspaceNoLongerSeesItsNotifications(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User ben = team.member(app, Role.COMMENTER, "ben");
    Page page = page(app, ana, team.product());
    app.collaboration().comments().add(ana, page.item().key(), "ping @" + ben.handle());

    app.workspaces().removeMember(ben, team.workspace().slug(), ben.id());

    assertThat(notifications(app).list(ben, false, 0, 10)).isEmpty();
    assertThat(notifications(app).unreadCount(ben)).isZero();
  }

  @Test
  void unwatchingStopsTheNotifications(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    User ben = team.member(app, Role.EDITOR, "ben");
    Page page = page(app, ana, team.product());

    notifications(app).unwatch(ana, page.item().key());
    app.collaboration().comments().add(ben, page.item().key(), "Anyone?");

    assertThat(notifications(app).watching(ana, page.item().key())).isFalse();
    assertThat(notifications(app).list(ana, false, 0, 10)).isEmpty();
    assertThat(notifications(app).watchers(ana, page.item().key()))
        .extracting(User::id)
        .containsExactly(ben.id());
  }
}
