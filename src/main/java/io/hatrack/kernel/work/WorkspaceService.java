package io.hatrack.kernel.work;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.AccountService;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.SecretTokens;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.auth.UserStore;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Workspaces, their members and roles, and invitations. Whoever creates a workspace owns it; a
 * workspace always keeps at least one owner. Workspaces the caller is not a member of are reported
 * as not found, so that their existence never leaks.
 */
public final class WorkspaceService {
  private static final Duration INVITATION_LIFETIME = Duration.ofDays(14);

  private final Database db;
  private final WorkspaceStore workspaces;
  private final InvitationStore invitations;
  private final UserStore users;
  private final AuditLog audit;
  private final Clock clock;

  public WorkspaceService(
      Database db,
      WorkspaceStore workspaces,
      InvitationStore invitations,
      UserStore users,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.workspaces = workspaces;
    this.invitations = invitations;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates a workspace owned by {@code creator}; the slug is proposed from the name if absent. */
  public Workspace create(User creator, String name, String slug) {
    return db.tx(h -> create(h, creator, name, slug));
  }

  public Workspace create(Handle h, User creator, String name, String slug) {
    String trimmed = name == null ? null : name.trim();
    Validation v = new Validation().text("name", trimmed, 80);
    if (slug != null) {
      v.matches("slug", slug, Slugs.SLUG, Slugs.SLUG_RULE);
      v.check("slug", !Slugs.reserved(slug), "is reserved by Hatrack; choose another");
    }
    v.orThrow();
    String chosen;
    if (slug != null) {
      if (workspaces.slugTaken(h, slug)) {
        throw Conflict.taken("slug", slug);
      }
      chosen = slug;
    } else {
      chosen = freeSlug(h, Slugs.fromName(trimmed));
    }
    Instant now = clock.instant();
    Workspace ws = workspaces.insert(h, chosen, trimmed, creator.id(), now);
    workspaces.addMember(h, ws.id(), creator.id(), Role.OWNER, now);
    audit.record(
        h,
        new Change(
            ws.id(),
            null,
            null,
            creator.id(),
            "workspace.created",
            "created the workspace " + trimmed,
            null,
            Map.of("name", trimmed, "slug", chosen),
            true));
    return ws;
  }

  private String freeSlug(Handle h, String base) {
    String candidate = base;
    for (int n = 2; workspaces.slugTaken(h, candidate); n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }

  /** The workspaces {@code user} belongs to, with their role in each. */
  public List<WorkspaceAccess> mine(User user) {
    return db.read(h -> workspaces.forUser(h, user.id()));
  }

  /** A workspace by id or slug, if {@code user} is a member. */
  public WorkspaceAccess access(User user, String ref) {
    return db.read(h -> access(h, user, new Ref(ref)));
  }

  public WorkspaceAccess access(Handle h, User user, Ref ref) {
    var ws =
        ref.id().isPresent()
            ? workspaces.byId(h, ref.id().getAsLong())
            : workspaces.bySlug(h, ref.slug());
    return ws.flatMap(
            w -> workspaces.role(h, w.id(), user.id()).map(r -> new WorkspaceAccess(w, r)))
        .orElseThrow(() -> new NotFound("workspace"));
  }

  /** The workspace with this id, if {@code user} is a member. */
  public WorkspaceAccess access(Handle h, User user, long workspaceId) {
    return workspaces
        .byId(h, workspaceId)
        .flatMap(w -> workspaces.role(h, w.id(), user.id()).map(r -> new WorkspaceAccess(w, r)))
        .orElseThrow(() -> new NotFound("workspace"));
  }

  /** Renames a workspace if it is still at {@code expectedVersion}. */
  public Workspace rename(User user, String ref, long expectedVersion, String name) {
    String trimmed = name == null ? null : name.trim();
    new Validation().text("name", trimmed, 80).orThrow();
    return db.tx(
        h -> {
          WorkspaceAccess ws =
              access(h, user, new Ref(ref)).require(Role.ADMIN, "rename the workspace");
          Workspace renamed =
              workspaces
                  .rename(h, ws.id(), expectedVersion, trimmed, clock.instant())
                  .orElseThrow(
                      () ->
                          Conflict.staleVersion(
                              "The workspace", expectedVersion, ws.workspace().version()));
          audit.record(
              h,
              new Change(
                  ws.id(),
                  null,
                  null,
                  user.id(),
                  "workspace.renamed",
                  "renamed the workspace to " + trimmed,
                  Map.of("name", ws.workspace().name()),
                  Map.of("name", trimmed),
                  true));
          return renamed;
        });
  }

  public List<Member> members(User user, String ref) {
    return db.read(h -> workspaces.members(h, access(h, user, new Ref(ref)).id()));
  }

  /** Members of a workspace the caller already has access to. */
  public List<Member> members(WorkspaceAccess ws) {
    return db.read(h -> workspaces.members(h, ws.id()));
  }

  /** The member with this handle ({@code ana} or {@code @ana}), inside the caller's transaction. */
  public java.util.Optional<User> memberByHandle(Handle h, long workspaceId, String handle) {
    String clean =
        handle == null
            ? ""
            : handle.trim().replaceFirst("^@", "").toLowerCase(java.util.Locale.ROOT);
    return users
        .byHandle(h, clean)
        .filter(u -> workspaces.role(h, workspaceId, u.id()).isPresent());
  }

  /** The member with this id, inside the caller's transaction; empty when not a member. */
  public java.util.Optional<User> memberById(Handle h, long workspaceId, long userId) {
    return users.byId(h, userId).filter(u -> workspaces.role(h, workspaceId, u.id()).isPresent());
  }

  /** Adds an existing account to the workspace with {@code role}. */
  public Member addMember(User actor, String ref, String email, Role role) {
    return db.tx(
        h -> {
          WorkspaceAccess ws = access(h, actor, new Ref(ref));
          requireCanGrant(ws, role);
          User user =
              users
                  .byEmail(h, AccountService.normalizeEmail(email))
                  .orElseThrow(
                      () ->
                          Invalid.field(
                              "email", "no account has this e-mail address; invite them"));
          return addMember(h, ws, actor, user, role);
        });
  }

  /**
   * Adds {@code user} to a workspace without checking the actor's rights: for the CLI, which is run
   * by whoever administers the installation.
   */
  public Member addMemberAsAdministrator(Handle h, long workspaceId, User user, Role role) {
    Workspace ws = workspaces.byId(h, workspaceId).orElseThrow(() -> new NotFound("workspace"));
    return addMember(h, new WorkspaceAccess(ws, Role.OWNER), null, user, role);
  }

  /** The workspace with this id or slug, without an access check: for the CLI. */
  public java.util.Optional<Workspace> findAsAdministrator(Handle h, String ref) {
    Ref r = new Ref(ref);
    return r.id().isPresent()
        ? workspaces.byId(h, r.id().getAsLong())
        : workspaces.bySlug(h, r.slug());
  }

  private Member addMember(Handle h, WorkspaceAccess ws, User actor, User user, Role role) {
    if (workspaces.role(h, ws.id(), user.id()).isPresent()) {
      throw Conflict.state(user.name() + " is already a member of " + ws.workspace().name());
    }
    Instant now = clock.instant();
    workspaces.addMember(h, ws.id(), user.id(), role, now);
    audit.record(
        h,
        new Change(
            ws.id(),
            null,
            null,
            actor == null ? user.id() : actor.id(),
            "member.added",
            "added " + user.name() + " as " + role.id(),
            null,
            Map.of("user", user.handle(), "role", role.id()),
            false));
    return new Member(user, role, now);
  }

  private static void requireCanGrant(WorkspaceAccess ws, Role role) {
    ws.require(Role.ADMIN, "manage members");
    if (role == Role.OWNER) {
      ws.require(Role.OWNER, "make someone an owner");
    }
  }

  /** Changes a member's role; only owners touch owners, and the last owner stays an owner. */
  public Member changeRole(User actor, String ref, long userId, Role role) {
    return db.tx(
        h -> {
          WorkspaceAccess ws = access(h, actor, new Ref(ref));
          requireCanGrant(ws, role);
          workspaces.lock(h, ws.id());
          Role current =
              workspaces.role(h, ws.id(), userId).orElseThrow(() -> new NotFound("member"));
          if (current == Role.OWNER) {
            ws.require(Role.OWNER, "change an owner's role");
            if (role != Role.OWNER && workspaces.countWithRole(h, ws.id(), Role.OWNER) == 1) {
              throw Conflict.state(
                  "A workspace needs at least one owner; make someone else owner first.");
            }
          }
          workspaces.setRole(h, ws.id(), userId, role);
          User user = users.byId(h, userId).orElseThrow();
          audit.record(
              h,
              new Change(
                  ws.id(),
                  null,
                  null,
                  actor.id(),
                  "member.role_changed",
                  "changed " + user.name() + "'s role from " + current.id() + " to " + role.id(),
                  Map.of("role", current.id()),
                  Map.of("role", role.id()),
                  false));
          return workspaces.members(h, ws.id()).stream()
              .filter(m -> m.user().id() == userId)
              .findFirst()
              .orElseThrow();
        });
  }

  /** Removes a member (admins remove others; anyone may leave); the last owner cannot go. */
  public void removeMember(User actor, String ref, long userId) {
    db.txVoid(
        h -> {
          WorkspaceAccess ws = access(h, actor, new Ref(ref));
          if (userId != actor.id()) {
            ws.require(Role.ADMIN, "remove members");
          }
          workspaces.lock(h, ws.id());
          Role current =
              workspaces.role(h, ws.id(), userId).orElseThrow(() -> new NotFound("member"));
          if (current == Role.OWNER) {
            if (userId != actor.id()) {
              ws.require(Role.OWNER, "remove an owner");
            }
            if (workspaces.countWithRole(h, ws.id(), Role.OWNER) == 1) {
              throw Conflict.state(
                  "A workspace needs at least one owner; make someone else owner first.");
            }
          }
          workspaces.removeMember(h, ws.id(), userId);
          User user = users.byId(h, userId).orElseThrow();
          audit.record(
              h,
              new Change(
                  ws.id(),
                  null,
                  null,
                  actor.id(),
                  "member.removed",
                  userId == actor.id() ? "left the workspace" : "removed " + user.name(),
                  Map.of("user", user.handle(), "role", current.id()),
                  null,
                  false));
        });
  }

  /** An invitation just created, with its secret: the only time the secret is known. */
  public record CreatedInvitation(Invitation invitation, String secret) {}

  /** Creates an invitation link; {@code email} may be null for a link anyone can use once. */
  public CreatedInvitation invite(User actor, String ref, String email, Role role) {
    String normalized =
        email == null || email.isBlank() ? null : AccountService.normalizeEmail(email);
    new Validation()
        .matches(
            "email",
            normalized,
            java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"),
            "must be an e-mail address such as ben@example.com")
        .orThrow();
    return db.tx(
        h -> {
          WorkspaceAccess ws = access(h, actor, new Ref(ref));
          requireCanGrant(ws, role);
          String secret = SecretTokens.generate("");
          Instant now = clock.instant();
          long id =
              invitations.insert(
                  h,
                  ws.id(),
                  SecretTokens.hash(secret),
                  normalized,
                  role,
                  actor.id(),
                  now,
                  now.plus(INVITATION_LIFETIME));
          audit.record(
              h,
              new Change(
                  ws.id(),
                  null,
                  null,
                  actor.id(),
                  "invitation.created",
                  "invited "
                      + (normalized == null ? "someone with a link" : normalized)
                      + " as "
                      + role.id(),
                  null,
                  Map.of("role", role.id(), "email", normalized == null ? "" : normalized),
                  false));
          return new CreatedInvitation(invitations.byId(h, id).orElseThrow(), secret);
        });
  }

  public List<Invitation> openInvitations(User actor, String ref) {
    return db.read(
        h -> {
          WorkspaceAccess ws =
              access(h, actor, new Ref(ref)).require(Role.ADMIN, "see invitations");
          return invitations.open(h, ws.id(), clock.instant());
        });
  }

  public void revokeInvitation(User actor, String ref, long invitationId) {
    db.txVoid(
        h -> {
          WorkspaceAccess ws =
              access(h, actor, new Ref(ref)).require(Role.ADMIN, "revoke invitations");
          Invitation inv =
              invitations
                  .byId(h, invitationId)
                  .filter(i -> i.workspaceId() == ws.id())
                  .orElseThrow(() -> new NotFound("invitation"));
          invitations.revoke(h, inv.id(), clock.instant());
          audit.record(
              h,
              Change.security(ws.id(), actor.id(), "invitation.revoked", "revoked an invitation"));
        });
  }

  /** What an invitation link offers, for the page that asks whether to accept it. */
  public record InvitationView(Invitation invitation, Workspace workspace) {}

  /** Reads a usable invitation by its secret; used, revoked or expired links are not found. */
  public InvitationView invitation(String secret) {
    return db.read(
        h -> {
          Invitation inv =
              invitations
                  .byTokenHash(h, SecretTokens.hash(secret == null ? "" : secret))
                  .filter(i -> i.usableAt(clock.instant()))
                  .orElseThrow(() -> new NotFound("invitation"));
          return new InvitationView(inv, workspaces.byId(h, inv.workspaceId()).orElseThrow());
        });
  }

  /** Accepts an invitation for {@code user}; returns the workspace joined. */
  public Workspace accept(User user, String secret) {
    return db.tx(
        h -> {
          Invitation inv =
              invitations
                  .byTokenHash(h, SecretTokens.hash(secret == null ? "" : secret))
                  .filter(i -> i.usableAt(clock.instant()))
                  .orElseThrow(() -> new NotFound("invitation"));
          if (inv.email() != null && !inv.email().equals(user.email())) {
            throw Invalid.field(
                "email", "this invitation is for " + inv.email() + "; sign in with that address");
          }
          // Claim the single-use link first: of two people accepting at once, one wins.
          if (!invitations.claim(h, inv.id(), user.id(), clock.instant())) {
            throw new NotFound("invitation");
          }
          Workspace ws = workspaces.byId(h, inv.workspaceId()).orElseThrow();
          if (workspaces.role(h, ws.id(), user.id()).isEmpty()) {
            Instant now = clock.instant();
            workspaces.addMember(h, ws.id(), user.id(), inv.role(), now);
            audit.record(
                h,
                new Change(
                    ws.id(),
                    null,
                    null,
                    user.id(),
                    "invitation.accepted",
                    "joined as " + inv.role().id() + " by invitation",
                    null,
                    Map.of("role", inv.role().id()),
                    false));
          }
          return ws;
        });
  }
}
