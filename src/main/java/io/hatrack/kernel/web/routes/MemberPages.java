package io.hatrack.kernel.web.routes;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.util.List;

/** Members, roles and invitation links of a workspace in the browser. */
public final class MemberPages implements Routes {
  private final WorkspaceService workspaces;
  private final Html html;
  private final String baseUrl;

  public MemberPages(WorkspaceService workspaces, Html html, String baseUrl) {
    this.workspaces = workspaces;
    this.html = html;
    this.baseUrl = baseUrl;
  }

  @Override
  public void register(Router r) {
    r.getPage("/w/{ws}/settings/members", ctx -> render(ctx, Form.EMPTY, Form.EMPTY, null));
    r.postPage("/w/{ws}/settings/members", this::add);
    r.postPage("/w/{ws}/settings/members/{user}/role", this::changeRole);
    r.postPage("/w/{ws}/settings/members/{user}/remove", this::remove);
    r.postPage("/w/{ws}/invitations", this::invite);
    r.postPage("/w/{ws}/invitations/{id}/revoke", this::revoke);
  }

  private void render(Context ctx, Form addForm, Form inviteForm, String newLink) {
    User user = Requests.user(ctx);
    WorkspaceAccess ws = workspaces.access(user, ctx.pathParam("ws"));
    String slug = ws.workspace().slug();
    Shell shell =
        html.shells()
            .workspace(
                ctx,
                ws,
                "members",
                "Members",
                List.of(
                    new Shell.Crumb(ws.workspace().name(), "/w/" + slug),
                    new Shell.Crumb("Members", null)));
    html.page(
        ctx,
        "workspace/members.jte",
        shell,
        "ws",
        ws,
        "members",
        workspaces.members(ws),
        "invitations",
        ws.can(Role.ADMIN) ? workspaces.openInvitations(user, slug) : List.of(),
        "roles",
        List.of(Role.values()),
        "addForm",
        addForm,
        "inviteForm",
        inviteForm,
        "newLink",
        newLink,
        "viewer",
        user);
  }

  private String back(Context ctx) {
    return "/w/" + ctx.pathParam("ws") + "/settings/members";
  }

  private void add(Context ctx) {
    try {
      var member =
          workspaces.addMember(
              Requests.user(ctx),
              ctx.pathParam("ws"),
              Requests.form(ctx, "email"),
              Role.parse("role", Requests.form(ctx, "role")));
      Flashes.success(ctx, "Added " + member.user().name() + " as " + member.role().id() + ".");
      ctx.redirect(back(ctx));
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, Form.refused(ctx, e), Form.EMPTY, null);
    } catch (Conflict e) {
      ctx.status(409);
      render(ctx, Form.refused(ctx, e.getMessage()), Form.EMPTY, null);
    }
  }

  private void changeRole(Context ctx) {
    try {
      var member =
          workspaces.changeRole(
              Requests.user(ctx),
              ctx.pathParam("ws"),
              Requests.idParam(ctx, "user"),
              Role.parse("role", Requests.form(ctx, "role")));
      Flashes.success(ctx, member.user().name() + " is now " + member.role().id() + ".");
    } catch (Conflict e) {
      Flashes.error(ctx, e.getMessage());
    }
    ctx.redirect(back(ctx));
  }

  private void remove(Context ctx) {
    User user = Requests.user(ctx);
    long target = Requests.idParam(ctx, "user");
    try {
      workspaces.removeMember(user, ctx.pathParam("ws"), target);
      if (target == user.id()) {
        Flashes.success(ctx, "You left the workspace.");
        ctx.redirect("/");
        return;
      }
      Flashes.success(ctx, "Removed the member.");
    } catch (Conflict e) {
      Flashes.error(ctx, e.getMessage());
    }
    ctx.redirect(back(ctx));
  }

  private void invite(Context ctx) {
    try {
      var created =
          workspaces.invite(
              Requests.user(ctx),
              ctx.pathParam("ws"),
              Requests.form(ctx, "email"),
              Role.parse("role", Requests.form(ctx, "role")));
      render(ctx, Form.EMPTY, Form.EMPTY, baseUrl + "/invite/" + created.secret());
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, Form.EMPTY, Form.refused(ctx, e), null);
    }
  }

  private void revoke(Context ctx) {
    workspaces.revokeInvitation(
        Requests.user(ctx), ctx.pathParam("ws"), Requests.idParam(ctx, "id"));
    Flashes.success(ctx, "Revoked the invitation; its link no longer works.");
    ctx.redirect(back(ctx));
  }
}
