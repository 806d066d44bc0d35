package io.hatrack.kernel.work;

import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.audit.ActivityEntry;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.pages.Page;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class ActivityFeedTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ActivityFeed activity(TestApp app) {
    return app.collaboration().activity();
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void anItemsFeedHoldsItsChangesNewestFirstWithValuesBeforeAndAfter(TestApp app) throws Exception {
    Team team = team(app);
    User ana = team.owner();
    User ben = team.member(app, Role.EDITOR, "ben");
    Page page = app.pages().create(ana, team.product().slug(), "Vision", "First draft");
    app.pages().update(ben, page.item().key(), 1, "Vision 2027", "Second draft");
    app.collaboration().comments().add(ben, page.item().key(), "Done.");

    List<ActivityEntry> feed = activity(app).forItem(ana, page.item().key(), 0, 10);

    assertThat(feed)
        .extracting(ActivityEntry::action)
        .containsExactly("comment.added", "page.updated", "page.created");
    ActivityEntry update = feed.get(1);
    assertThat(update.actorId()).isEqualTo(ben.id());
    assertThat(update.actorName()).isEqualTo(ben.name());
    assertThat(update.entityId()).isEqualTo(page.id());
    assertThat(update.productId()).isEqualTo(team.product().id());
    assertThat(update.itemTitle()).isEqualTo("Vision 2027");
    assertThat(json(update.beforeJson()))
        .isEqualTo(json("{\"title\":\"Vision\",\"body\":\"First draft\"}"));
    assertThat(json(update.afterJson()))
        .isEqualTo(json("{\"title\":\"Vision 2027\",\"body\":\"Second draft\"}"));
    assertThat(json(feed.get(2).afterJson())).isEqualTo(json("{\"title\":\"Vision\"}"));
    assertThat(json(feed.get(0).afterJson()).path("body").asText()).isEqualTo("Done.");
  }

  @Test
  void anEditRecordsOnlyTheFieldsThatChanged(TestApp app) throws Exception {
    Team team = team(app);
    Page page = app.pages().create(team.owner(), team.product().slug(), "Vision", "Body");

    app.pages().update(team.owner(), page.item().key(), 1, "Vision", "New body");

    ActivityEntry update = activity(app).forItem(team.owner(), page.item().key(), 0, 1).get(0);
    assertThat(json(update.beforeJson())).isEqualTo(json("{\"body\":\"Body\"}"));
    assertThat(json(update.afterJson())).isEqualTo(json("{\"body\":\"New body\"}"));
  }

  @Test
  void feedsArePagedByTheIdOfTheLastEntrySeen(TestApp app) {
    Team team = team(app);
    Page page = page(app, team.owner(), team.product());
    for (int i = 0; i < 4; i++) {
      app.collaboration().comments().add(team.owner(), page.item().key(), "comment " + i);
    }

    List<ActivityEntry> first = activity(app).forItem(team.owner(), page.item().key(), 0, 3);
    List<ActivityEntry> rest =
        activity(app).forItem(team.owner(), page.item().key(), first.get(2).id(), 3);

    assertThat(first).hasSize(3);
    assertThat(rest)
        .extracting(ActivityEntry::action)
        .containsExactly("comment.added", "page.created");
  }

  @Test
  void theProductFeedHoldsTheProductAndItsLiveItems(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    Page kept = page(app, ana, team.product());
    Page deleted = page(app, ana, team.product());
    app.pages().delete(ana, deleted.item().key(), deleted.version());

    List<ActivityEntry> feed =
        activity(app).forProduct(app.products().access(ana, team.product().slug()), 0, 20);

    assertThat(feed)
        .extracting(ActivityEntry::action, ActivityEntry::entityId)
        .containsExactly(tuple("page.created", kept.id()), tuple("product.created", null));
  }

  @Test
  void theWorkspaceFeedLeavesOutSecurityEventsThatTheAuditLogKeeps(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    team.member(app, Role.EDITOR, "ben");
    page(app, ana, team.product());
    WorkspaceAccess ws = app.workspaces().access(ana, team.workspace().slug());

    List<String> feed =
        activity(app).forWorkspace(ws, 0, 20).stream().map(ActivityEntry::action).toList();
    List<String> audit =
        activity(app).auditLog(ws, 0, 20).stream().map(ActivityEntry::action).toList();

    assertThat(feed).containsExactly("page.created", "product.created", "workspace.created");
    assertThat(audit)
        .containsExactly("page.created", "member.added", "product.created", "workspace.created");
  }

  @Test
  void onlyAdminsReadTheAuditLog(TestApp app) {
    Team team = team(app);
    User admin = team.member(app, Role.ADMIN, "ada");
    User editor = team.member(app, Role.EDITOR, "ed");
    String slug = team.workspace().slug();

    assertThatThrownBy(() -> activity(app).auditLog(app.workspaces().access(editor, slug), 0, 10))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining("audit log");
    assertThat(activity(app).auditLog(app.workspaces().access(admin, slug), 0, 10))
        .extracting(ActivityEntry::action)
        .contains("member.added", "workspace.created");
  }

  @Test
  void roleChangesAreAuditedWithTheRoleBeforeAndAfter(TestApp app) throws Exception {
    Team team = team(app);
    User ben = team.member(app, Role.VIEWER, "ben");

    app.workspaces().changeRole(team.owner(), team.workspace().slug(), ben.id(), Role.EDITOR);

    ActivityEntry change =
        activity(app)
            .auditLog(app.workspaces().access(team.owner(), team.workspace().slug()), 0, 1)
            .get(0);
    assertThat(change.action()).isEqualTo("member.role_changed");
    assertThat(json(change.beforeJson())).isEqualTo(json("{\"role\":\"viewer\"}"));
    assertThat(json(change.afterJson())).isEqualTo(json("{\"role\":\"editor\"}"));
  }

  @Test
  void aPersonSeesTheSecurityEventsOfTheirOwnAccount(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    var token = app.tokens().create(ana, "laptop");
    app.tokens().revoke(ana, token.token().id());

    assertThat(activity(app).forAccount(ana, 0, 10))
        .extracting(ActivityEntry::action)
        .containsExactly("token.revoked", "token.created", "account.created");
  }
}
