package io.hatrack.kernel.work;

import static io.hatrack.testing.Fixtures.email;
import static io.hatrack.testing.Fixtures.member;
import static io.hatrack.testing.Fixtures.unique;
import static io.hatrack.testing.Fixtures.user;
import static io.hatrack.testing.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.Race;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class WorkspaceServiceTest {

  private static Role roleOf(TestApp app, User owner, Workspace ws, User user) {
    return app.workspaces().members(owner, ws.slug()).stream()
        .filter(m -> m.user().id() == user.id())
        .map(Member::role)
        .findFirst()
        .orElse(null);
  }

  @Test
  void theCreatorOwnsTheNewWorkspace(TestApp app) {
    User ana = user(app, "ana");

    Workspace ws = app.workspaces().create(ana, "  Northwind Labs " + unique(), null);

    assertThat(ws.name()).startsWith("Northwind Labs ");
    assertThat(ws.slug()).startsWith("northwind-labs-");
    assertThat(app.workspaces().mine(ana))
        .singleElement()
        .satisfies(
            access -> {
              assertThat(access.workspace()).isEqualTo(ws);
              assertThat(access.role()).isEqualTo(Role.OWNER);
            });
    assertThat(app.workspaces().members(ana, ws.slug()))
        .singleElement()
        .satisfies(m -> assertThat(m.user()).isEqualTo(ana));
  }

  @Test
  void aTakenNameGetsTheNextFreeSlugButAGivenTakenSlugIsAConflict(TestApp app) {
    User ana = user(app, "ana");
    String name = "Acme " + unique();
    Workspace first = app.workspaces().create(ana, name, null);

    Workspace second = app.workspaces().create(ana, name, null);

    assertThat(second.slug()).isEqualTo(first.slug() + "-2");
    assertThatThrownBy(() -> app.workspaces().create(ana, "Other", first.slug()))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("already_exists"));
  }

  @Test
  void reservedAndMalformedSlugsAreRefused(TestApp app) {
    User ana = user(app, "ana");

    assertThatThrownBy(() -> app.workspaces().create(ana, "Settings", "settings"))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("slug")).contains("reserved"));
    assertThatThrownBy(() -> app.workspaces().create(ana, " ", "Not A Slug"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.reasonFor("name")).isEqualTo("must not be blank");
              assertThat(e.reasonFor("slug")).contains("lowercase letters");
            });
    assertThat(app.workspaces().mine(ana)).isEmpty();
  }

  @Test
  void nonMembersCannotTellAWorkspaceFromOneThatDoesNotExist(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User outsider = user(app, "mallory");

    Throwable bySlug = catchThrowable(() -> app.workspaces().access(outsider, ws.slug()));
    Throwable byId =
        catchThrowable(() -> app.workspaces().access(outsider, Long.toString(ws.id())));
    Throwable missing = catchThrowable(() -> app.workspaces().access(outsider, "no-such-ws"));

    assertThat(List.of(bySlug, byId, missing))
        .allSatisfy(
            e -> assertThat(e).isInstanceOf(NotFound.class).hasMessage("workspace not found"));
    assertThatThrownBy(() -> app.workspaces().members(outsider, ws.slug()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> app.workspaces().rename(outsider, ws.slug(), ws.version(), "Mine now"))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> app.workspaces().invite(outsider, ws.slug(), null, Role.VIEWER))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void membersReachTheWorkspaceBySlugOrIdWithTheirRole(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User ben = member(app, ws, ana, Role.COMMENTER, "ben");

    assertThat(app.workspaces().access(ben, ws.slug().toUpperCase()).role())
        .isEqualTo(Role.COMMENTER);
    assertThat(app.workspaces().access(ben, Long.toString(ws.id())).workspace()).isEqualTo(ws);
  }

  @Test
  void aViewerCannotAddMembers(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User viewer = member(app, ws, ana, Role.VIEWER, "vic");
    User ben = user(app, "ben");

    assertThatThrownBy(
            () -> app.workspaces().addMember(viewer, ws.slug(), ben.email(), Role.VIEWER))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining("admin role");
    assertThat(roleOf(app, ana, ws, ben)).isNull();
  }

  @Test
  void anAdminAddsMembersButCannotMakeOwners(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User admin = member(app, ws, ana, Role.ADMIN, "ada");
    User ben = user(app, "ben");
    User chloe = user(app, "chloe");

    Member added = app.workspaces().addMember(admin, ws.slug(), ben.email(), Role.EDITOR);

    assertThat(added.role()).isEqualTo(Role.EDITOR);
    assertThatThrownBy(
            () -> app.workspaces().addMember(admin, ws.slug(), chloe.email(), Role.OWNER))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> app.workspaces().changeRole(admin, ws.slug(), ben.id(), Role.OWNER))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> app.workspaces().changeRole(admin, ws.slug(), ana.id(), Role.EDITOR))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> app.workspaces().removeMember(admin, ws.slug(), ana.id()))
        .isInstanceOf(Forbidden.class);
    assertThat(roleOf(app, ana, ws, chloe)).isNull();
    assertThat(roleOf(app, ana, ws, ben)).isEqualTo(Role.EDITOR);
    assertThat(roleOf(app, ana, ws, ana)).isEqualTo(Role.OWNER);
  }

  @Test
  void addingSomeoneWithoutAccountOrTwiceIsRefused(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User ben = member(app, ws, ana, Role.EDITOR, "ben");

    assertThatThrownBy(
            () -> app.workspaces().addMember(ana, ws.slug(), email("ghost"), Role.EDITOR))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("email")).contains("invite them"));
    assertThatThrownBy(() -> app.workspaces().addMember(ana, ws.slug(), ben.email(), Role.VIEWER))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("already a member");
    assertThat(roleOf(app, ana, ws, ben)).isEqualTo(Role.EDITOR);
  }

  @Test
  void theLastOwnerCanNeitherBeDemotedNorLeave(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);

    assertThatThrownBy(() -> app.workspaces().changeRole(ana, ws.slug(), ana.id(), Role.ADMIN))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("at least one owner");
    assertThatThrownBy(() -> app.workspaces().removeMember(ana, ws.slug(), ana.id()))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("at least one owner");
    assertThat(roleOf(app, ana, ws, ana)).isEqualTo(Role.OWNER);
  }

  @Test
  void withASecondOwnerAnOwnerMayStepDownOrLeave(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User femi = member(app, ws, ana, Role.ADMIN, "femi");

    app.workspaces().changeRole(ana, ws.slug(), femi.id(), Role.OWNER);
    Member demoted = app.workspaces().changeRole(femi, ws.slug(), ana.id(), Role.ADMIN);
    app.workspaces().removeMember(ana, ws.slug(), ana.id());

    assertThat(demoted.role()).isEqualTo(Role.ADMIN);
    assertThat(app.workspaces().members(femi, ws.slug()))
        .extracting(m -> m.user().id(), Member::role)
        .containsExactly(tuple(femi.id(), Role.OWNER));
    assertThatThrownBy(() -> app.workspaces().access(ana, ws.slug())).isInstanceOf(NotFound.class);
  }

  @Test
  void anyMemberMayLeaveButOnlyAdminsRemoveOthers(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User ben = member(app, ws, ana, Role.EDITOR, "ben");
    User vic = member(app, ws, ana, Role.VIEWER, "vic");

    assertThatThrownBy(() -> app.workspaces().removeMember(ben, ws.slug(), vic.id()))
        .isInstanceOf(Forbidden.class);
    app.workspaces().removeMember(vic, ws.slug(), vic.id());

    assertThat(app.workspaces().members(ana, ws.slug()))
        .extracting(m -> m.user().id())
        .containsExactlyInAnyOrder(ana.id(), ben.id());
  }

  @Test
  void renamingNeedsAnAdmin(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User ben = member(app, ws, ana, Role.EDITOR, "ben");

    assertThatThrownBy(() -> app.workspaces().rename(ben, ws.slug(), ws.version(), "Ben's"))
        .isInstanceOf(Forbidden.class);
    Workspace renamed = app.workspaces().rename(ana, ws.slug(), ws.version(), " Renamed ");

    assertThat(renamed.name()).isEqualTo("Renamed");
    assertThat(renamed.slug()).isEqualTo(ws.slug());
    assertThat(renamed.version()).isEqualTo(ws.version() + 1);
  }

  @Test
  void renamingFromAStaleVersionIsAConflict(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    app.workspaces().rename(ana, ws.slug(), ws.version(), "First");

    assertThatThrownBy(() -> app.workspaces().rename(ana, ws.slug(), ws.version(), "Second"))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));
    assertThat(app.workspaces().access(ana, ws.slug()).workspace().name()).isEqualTo("First");
  }

  @Test
  void acceptingAnInvitationAddsThePersonWithTheInvitedRole(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User ben = user(app, "ben");

    WorkspaceService.CreatedInvitation invitation =
        app.workspaces().invite(ana, ws.slug(), ben.email().toUpperCase(), Role.COMMENTER);

    assertThat(invitation.invitation().email()).isEqualTo(ben.email());
    assertThat(app.workspaces().openInvitations(ana, ws.slug()))
        .extracting(Invitation::id)
        .containsExactly(invitation.invitation().id());
    assertThat(app.workspaces().invitation(invitation.secret()).workspace()).isEqualTo(ws);

    Workspace joined = app.workspaces().accept(ben, invitation.secret());

    assertThat(joined).isEqualTo(ws);
    assertThat(app.workspaces().access(ben, ws.slug()).role()).isEqualTo(Role.COMMENTER);
    assertThat(app.workspaces().openInvitations(ana, ws.slug())).isEmpty();
  }

  @Test
  void aUsedInvitationLinkIsNotFound(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User ben = user(app, "ben");
    User chloe = user(app, "chloe");
    String secret = app.workspaces().invite(ana, ws.slug(), null, Role.EDITOR).secret();
    app.workspaces().accept(ben, secret);

    assertThatThrownBy(() -> app.workspaces().accept(chloe, secret)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> app.workspaces().invitation(secret)).isInstanceOf(NotFound.class);
    assertThat(app.workspaces().mine(chloe)).isEmpty();
    assertThat(app.workspaces().access(ben, ws.slug()).role()).isEqualTo(Role.EDITOR);
  }

  @Test
  void anInvitationForOneEmailRefusesEveryoneElse(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User ben = user(app, "ben");
    User mallory = user(app, "mallory");
    String secret = app.workspaces().invite(ana, ws.slug(), ben.email(), Role.EDITOR).secret();

    assertThatThrownBy(() -> app.workspaces().accept(mallory, secret))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("email")).contains(ben.email()));

    assertThat(app.workspaces().mine(mallory)).isEmpty();
    assertThat(app.workspaces().accept(ben, secret)).isEqualTo(ws);
  }

  @Test
  void aRevokedInvitationIsNotFound(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User ben = user(app, "ben");
    WorkspaceService.CreatedInvitation invitation =
        app.workspaces().invite(ana, ws.slug(), null, Role.EDITOR);

    app.workspaces().revokeInvitation(ana, ws.slug(), invitation.invitation().id());

    assertThatThrownBy(() -> app.workspaces().invitation(invitation.secret()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> app.workspaces().accept(ben, invitation.secret()))
        .isInstanceOf(NotFound.class);
    assertThat(app.workspaces().mine(ben)).isEmpty();
  }

  @Test
  void anInvitationExpiresAfterFourteenDays(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User ben = user(app, "ben");
    String secret = app.workspaces().invite(ana, ws.slug(), null, Role.EDITOR).secret();

    app.clock().advance(Duration.ofDays(14));

    assertThatThrownBy(() -> app.workspaces().accept(ben, secret)).isInstanceOf(NotFound.class);
    assertThat(app.workspaces().openInvitations(ana, ws.slug())).isEmpty();
  }

  @Test
  void invitingNeedsAnAdminAndOnlyOwnersInviteOwners(TestApp app) {
    User ana = user(app, "ana");
    Workspace ws = workspace(app, ana);
    User admin = member(app, ws, ana, Role.ADMIN, "ada");
    User editor = member(app, ws, ana, Role.EDITOR, "ed");

    assertThatThrownBy(() -> app.workspaces().invite(editor, ws.slug(), null, Role.VIEWER))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> app.workspaces().invite(admin, ws.slug(), null, Role.OWNER))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> app.workspaces().openInvitations(editor, ws.slug()))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> app.workspaces().invite(admin, ws.slug(), "not-an-email", Role.EDITOR))
        .isInstanceOf(Invalid.class);
    assertThat(app.workspaces().invite(ana, ws.slug(), null, Role.OWNER).invitation().role())
        .isEqualTo(Role.OWNER);
    assertThat(app.workspaces().openInvitations(admin, ws.slug())).hasSize(1);
  }

  @Test
  void anInvitationOfAnotherWorkspaceCannotBeRevokedHere(TestApp app) {
    User ana = user(app, "ana");
    Workspace mine = workspace(app, ana);
    User ben = user(app, "ben");
    Workspace theirs = workspace(app, ben);
    WorkspaceService.CreatedInvitation invitation =
        app.workspaces().invite(ben, theirs.slug(), null, Role.EDITOR);

    assertThatThrownBy(
            () -> app.workspaces().revokeInvitation(ana, mine.slug(), invitation.invitation().id()))
        .isInstanceOf(NotFound.class);
    assertThat(app.workspaces().invitation(invitation.secret()).workspace()).isEqualTo(theirs);
  }

  // The three tests below pass on SQLite, where writes take turns, and fail on PostgreSQL: the
  // services check a rule (last owner, single use) and then write, in READ COMMITTED
  // transactions that do not see each other's uncommitted change.

  @Test
  void twoOwnersDemotingEachOtherAtOnceStillLeaveAnOwner(TestApp app) throws Exception {
    for (int round = 0; round < 10; round++) {
      User ana = user(app, "ana");
      Workspace ws = workspace(app, ana);
      User ben = member(app, ws, ana, Role.OWNER, "ben");

      int succeeded =
          Race.successes(
              () -> app.workspaces().changeRole(ana, ws.slug(), ben.id(), Role.ADMIN),
              () -> app.workspaces().changeRole(ben, ws.slug(), ana.id(), Role.ADMIN));

      assertThat(ownerCount(app, ws)).as("owners after round %d", round).isEqualTo(1);
      assertThat(succeeded).isEqualTo(1);
    }
  }

  @Test
  void twoOwnersRemovingEachOtherAtOnceStillLeaveAnOwner(TestApp app) throws Exception {
    for (int round = 0; round < 10; round++) {
      User ana = user(app, "ana");
      Workspace ws = workspace(app, ana);
      User ben = member(app, ws, ana, Role.OWNER, "ben");

      int succeeded =
          Race.successes(
              () -> app.workspaces().removeMember(ana, ws.slug(), ben.id()),
              () -> app.workspaces().removeMember(ben, ws.slug(), ana.id()));

      assertThat(ownerCount(app, ws)).as("owners after round %d", round).isEqualTo(1);
      assertThat(succeeded).isEqualTo(1);
    }
  }

  @Test
  void aSingleUseInvitationLinkAdmitsOnlyOneOfTwoPeopleAcceptingAtOnce(TestApp app)
      throws Exception {
    for (int round = 0; round < 10; round++) {
      User ana = user(app, "ana");
      Workspace ws = workspace(app, ana);
      User ben = user(app, "ben");
      User chloe = user(app, "chloe");
      String secret = app.workspaces().invite(ana, ws.slug(), null, Role.EDITOR).secret();

      int succeeded =
          Race.successes(
              () -> app.workspaces().accept(ben, secret),
              () -> app.workspaces().accept(chloe, secret));

      assertThat(app.workspaces().members(ana, ws.slug()))
          .as("members after round %d", round)
          .hasSize(2);
      assertThat(succeeded).isEqualTo(1);
    }
  }

  private static long ownerCount(TestApp app, Workspace ws) {
    return app.database()
        .read(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM membership WHERE workspace_id = :ws AND role ="
                            + " 'owner'")
                    .bind("ws", ws.id())
                    .mapTo(Long.class)
                    .one());
  }
}
