package io.hatrack.kernel.web.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.audit.ActivityEntry;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ActivityJson;
import io.hatrack.kernel.web.routes.KernelJson.InvitationInput;
import io.hatrack.kernel.web.routes.KernelJson.InvitationJson;
import io.hatrack.kernel.web.routes.KernelJson.MemberInput;
import io.hatrack.kernel.web.routes.KernelJson.MemberJson;
import io.hatrack.kernel.web.routes.KernelJson.ProductInput;
import io.hatrack.kernel.web.routes.KernelJson.ProductJson;
import io.hatrack.kernel.web.routes.KernelJson.RoleInput;
import io.hatrack.kernel.web.routes.KernelJson.TagCountJson;
import io.hatrack.kernel.web.routes.KernelJson.WorkspaceInput;
import io.hatrack.kernel.web.routes.KernelJson.WorkspaceJson;
import io.hatrack.kernel.web.routes.KernelJson.WorkspacePatch;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;

/** Workspaces over the API: the workspace itself, members, invitations, products, feeds, tags. */
public final class WorkspaceApi implements Routes {
  private static final String TAG = "Workspaces";

  private final WorkspaceService workspaces;
  private final ProductService products;
  private final Collaboration collaboration;
  private final ObjectMapper json;
  private final String baseUrl;

  public WorkspaceApi(
      WorkspaceService workspaces,
      ProductService products,
      Collaboration collaboration,
      ObjectMapper json,
      String baseUrl) {
    this.workspaces = workspaces;
    this.products = products;
    this.collaboration = collaboration;
    this.json = json;
    this.baseUrl = baseUrl;
  }

  @Override
  public void register(Router r) {
    r.get(
            "/api/v1/workspaces",
            ctx -> ctx.json(Listings.all(workspaces.mine(Requests.user(ctx)), WorkspaceJson::of)))
        .summary("The workspaces you belong to, with your role")
        .tag(TAG)
        .returnsList(WorkspaceJson.class);
    r.post("/api/v1/workspaces", this::create)
        .summary("Create a workspace; you become its owner")
        .tag(TAG)
        .body(WorkspaceInput.class)
        .returns(201, WorkspaceJson.class);
    r.get("/api/v1/workspaces/{workspace}", this::get)
        .summary("A workspace")
        .tag(TAG)
        .etag()
        .returns(200, WorkspaceJson.class);
    r.patch("/api/v1/workspaces/{workspace}", this::rename)
        .summary("Rename a workspace (admins)")
        .tag(TAG)
        .body(WorkspacePatch.class)
        .ifMatch()
        .etag()
        .returns(200, WorkspaceJson.class);
    r.get(
            "/api/v1/workspaces/{workspace}/members",
            ctx ->
                ctx.json(
                    Listings.all(
                        workspaces.members(Requests.user(ctx), ctx.pathParam("workspace")),
                        MemberJson::of)))
        .summary("Members and their roles")
        .tag(TAG)
        .returnsList(MemberJson.class);
    r.post("/api/v1/workspaces/{workspace}/members", this::addMember)
        .summary("Add an existing account as a member (admins)")
        .tag(TAG)
        .body(MemberInput.class)
        .returns(201, MemberJson.class);
    r.patch("/api/v1/workspaces/{workspace}/members/{user_id}", this::changeRole)
        .summary("Change a member's role (admins; owners for owners)")
        .tag(TAG)
        .body(RoleInput.class)
        .returns(200, MemberJson.class);
    r.delete(
            "/api/v1/workspaces/{workspace}/members/{user_id}",
            ctx -> {
              workspaces.removeMember(
                  Requests.user(ctx), ctx.pathParam("workspace"), Requests.idParam(ctx, "user_id"));
              ctx.status(204);
            })
        .summary("Remove a member, or leave the workspace yourself")
        .tag(TAG)
        .noContent();
    r.get(
            "/api/v1/workspaces/{workspace}/invitations",
            ctx ->
                ctx.json(
                    Listings.all(
                        workspaces.openInvitations(Requests.user(ctx), ctx.pathParam("workspace")),
                        i -> InvitationJson.of(i, null))))
        .summary("Open invitations (admins)")
        .tag(TAG)
        .returnsList(InvitationJson.class);
    r.post("/api/v1/workspaces/{workspace}/invitations", this::invite)
        .summary("Create an invitation link; the link is in this answer only")
        .tag(TAG)
        .body(InvitationInput.class)
        .returns(201, InvitationJson.class);
    r.delete(
            "/api/v1/workspaces/{workspace}/invitations/{id}",
            ctx -> {
              workspaces.revokeInvitation(
                  Requests.user(ctx), ctx.pathParam("workspace"), Requests.idParam(ctx, "id"));
              ctx.status(204);
            })
        .summary("Revoke an invitation")
        .tag(TAG)
        .noContent();
    r.get(
            "/api/v1/workspaces/{workspace}/products",
            ctx ->
                ctx.json(
                    Listings.all(
                        products.list(Requests.user(ctx), ctx.pathParam("workspace")),
                        ProductJson::of)))
        .summary("Products of a workspace")
        .tag("Products")
        .returnsList(ProductJson.class);
    r.post("/api/v1/workspaces/{workspace}/products", this::createProduct)
        .summary("Create a product (admins); slug and key are proposed from the name if absent")
        .tag("Products")
        .body(ProductInput.class)
        .returns(201, ProductJson.class);
    r.get("/api/v1/workspaces/{workspace}/activity", ctx -> activity(ctx, false))
        .summary("What happened in the workspace, newest first")
        .tag("Activity")
        .paged()
        .returnsList(ActivityJson.class);
    r.get("/api/v1/workspaces/{workspace}/audit", ctx -> activity(ctx, true))
        .summary("The audit log: every change with values before and after (admins)")
        .tag("Activity")
        .paged()
        .returnsList(ActivityJson.class);
    r.get(
            "/api/v1/workspaces/{workspace}/tags",
            ctx -> {
              WorkspaceAccess ws =
                  workspaces.access(Requests.user(ctx), ctx.pathParam("workspace"));
              ctx.json(
                  Listings.all(
                      collaboration.tags().inWorkspace(ws),
                      t -> new TagCountJson(t.name(), t.items())));
            })
        .summary("Tags used in the workspace, with how many items carry each")
        .tag("Tags")
        .returnsList(TagCountJson.class);
  }

  private void create(Context ctx) {
    WorkspaceInput input = Requests.body(ctx, json, WorkspaceInput.class);
    User user = Requests.user(ctx);
    var ws = workspaces.create(user, input.name(), input.slug());
    WorkspaceAccess access = workspaces.access(user, Long.toString(ws.id()));
    Requests.etag(ctx, ws.version());
    ctx.header("Location", "/api/v1/workspaces/" + ws.slug());
    ctx.status(201).json(WorkspaceJson.of(access));
  }

  private void get(Context ctx) {
    WorkspaceAccess ws = workspaces.access(Requests.user(ctx), ctx.pathParam("workspace"));
    Requests.etag(ctx, ws.workspace().version());
    ctx.json(WorkspaceJson.of(ws));
  }

  private void rename(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    WorkspacePatch patch = Requests.body(ctx, json, WorkspacePatch.class);
    User user = Requests.user(ctx);
    var renamed = workspaces.rename(user, ctx.pathParam("workspace"), expected, patch.name());
    Requests.etag(ctx, renamed.version());
    ctx.json(WorkspaceJson.of(workspaces.access(user, Long.toString(renamed.id()))));
  }

  private void addMember(Context ctx) {
    MemberInput input = Requests.body(ctx, json, MemberInput.class);
    Role role = input.role() == null ? Role.EDITOR : Role.parse("role", input.role());
    var member =
        workspaces.addMember(Requests.user(ctx), ctx.pathParam("workspace"), input.email(), role);
    ctx.status(201).json(MemberJson.of(member));
  }

  private void changeRole(Context ctx) {
    RoleInput input = Requests.body(ctx, json, RoleInput.class);
    var member =
        workspaces.changeRole(
            Requests.user(ctx),
            ctx.pathParam("workspace"),
            Requests.idParam(ctx, "user_id"),
            Role.parse("role", input.role()));
    ctx.json(MemberJson.of(member));
  }

  private void invite(Context ctx) {
    InvitationInput input = Requests.body(ctx, json, InvitationInput.class);
    Role role = input.role() == null ? Role.EDITOR : Role.parse("role", input.role());
    var created =
        workspaces.invite(Requests.user(ctx), ctx.pathParam("workspace"), input.email(), role);
    ctx.status(201)
        .json(InvitationJson.of(created.invitation(), baseUrl + "/invite/" + created.secret()));
  }

  private void createProduct(Context ctx) {
    ProductInput input = Requests.body(ctx, json, ProductInput.class);
    var product =
        products.create(
            Requests.user(ctx),
            ctx.pathParam("workspace"),
            new ProductService.ProductInput(
                input.name(), input.slug(), input.key(), input.description()));
    Requests.etag(ctx, product.version());
    ctx.header("Location", "/api/v1/products/" + product.slug());
    ctx.status(201).json(ProductJson.of(product));
  }

  private void activity(Context ctx, boolean audit) {
    WorkspaceAccess ws = workspaces.access(Requests.user(ctx), ctx.pathParam("workspace"));
    int limit = Requests.limit(ctx, 50);
    long before = Requests.cursorId(ctx);
    var page =
        audit
            ? collaboration.activity().pageForAudit(ws, before, limit + 1)
            : collaboration.activity().pageForWorkspace(ws, before, limit + 1);
    ctx.json(
        Listings.of(
            page.entries(), limit, page.total(), ActivityEntry::id, a -> ActivityJson.of(a, json)));
  }
}
