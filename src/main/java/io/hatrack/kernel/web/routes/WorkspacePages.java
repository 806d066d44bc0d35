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
import io.hatrack.kernel.work.ActivityFeed;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.util.List;

/** Workspaces in the browser: home, creating one, settings, the audit log, new products. */
public final class WorkspacePages implements Routes {
  private final WorkspaceService workspaces;
  private final ProductService products;
  private final ActivityFeed activity;
  private final Html html;

  public WorkspacePages(
      WorkspaceService workspaces, ProductService products, ActivityFeed activity, Html html) {
    this.workspaces = workspaces;
    this.products = products;
    this.activity = activity;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage("/", this::home);
    r.getPage("/workspaces/new", ctx -> newWorkspace(ctx, Form.EMPTY));
    r.postPage("/workspaces", this::createWorkspace);
    r.getPage("/w/{ws}", this::workspace);
    r.getPage("/w/{ws}/settings", ctx -> settings(ctx, Form.EMPTY));
    r.postPage("/w/{ws}/settings", this::rename);
    r.getPage("/w/{ws}/settings/audit", this::audit);
    r.getPage("/w/{ws}/products/new", ctx -> newProduct(ctx, Form.EMPTY));
    r.postPage("/w/{ws}/products", this::createProduct);
  }

  private void home(Context ctx) {
    List<WorkspaceAccess> mine = workspaces.mine(Requests.user(ctx));
    WorkspaceAccess last = io.hatrack.kernel.web.Shells.lastVisited(ctx, mine);
    ctx.redirect(last == null ? "/workspaces/new" : "/w/" + last.workspace().slug());
  }

  private void newWorkspace(Context ctx, Form form) {
    Shell shell =
        html.shells()
            .personal(ctx, "", "New workspace", List.of(new Shell.Crumb("New workspace", null)));
    html.page(ctx, "workspace/new.jte", shell, "form", form);
  }

  private void createWorkspace(Context ctx) {
    try {
      String slug = Requests.form(ctx, "slug");
      Workspace ws =
          workspaces.create(
              Requests.user(ctx),
              Requests.form(ctx, "name"),
              slug == null || slug.isEmpty() ? null : slug);
      Flashes.success(ctx, "Created the workspace " + ws.name() + ".");
      ctx.redirect("/w/" + ws.slug());
    } catch (Invalid e) {
      ctx.status(422);
      newWorkspace(ctx, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      newWorkspace(ctx, Form.refused(ctx, e.getMessage()));
    }
  }

  private WorkspaceAccess access(Context ctx) {
    return workspaces.access(Requests.user(ctx), ctx.pathParam("ws"));
  }

  private void workspace(Context ctx) {
    WorkspaceAccess ws = access(ctx);
    List<Product> list = products.list(ws);
    Shell shell = html.shells().workspace(ctx, ws, "home", ws.workspace().name(), List.of());
    html.page(
        ctx,
        "workspace/home.jte",
        shell,
        "ws",
        ws,
        "products",
        list,
        "members",
        workspaces.members(ws).size(),
        "activity",
        activity.forWorkspace(ws, 0, 20));
  }

  private void settings(Context ctx, Form form) {
    WorkspaceAccess ws = access(ctx);
    Shell shell =
        html.shells()
            .workspace(
                ctx,
                ws,
                "settings",
                "Workspace settings",
                List.of(
                    new Shell.Crumb(ws.workspace().name(), "/w/" + ws.workspace().slug()),
                    new Shell.Crumb("Settings", null)));
    Form shown =
        form == Form.EMPTY
            ? Form.of(
                "name", ws.workspace().name(), "version", Long.toString(ws.workspace().version()))
            : form;
    html.page(ctx, "workspace/settings.jte", shell, "ws", ws, "form", shown);
  }

  private void rename(Context ctx) {
    WorkspaceAccess ws = access(ctx);
    try {
      long version = Long.parseLong(String.valueOf(ctx.formParam("version")));
      Workspace renamed =
          workspaces.rename(
              Requests.user(ctx), Long.toString(ws.id()), version, Requests.form(ctx, "name"));
      Flashes.success(ctx, "Renamed the workspace to " + renamed.name() + ".");
      ctx.redirect("/w/" + renamed.slug() + "/settings");
    } catch (NumberFormatException e) {
      settings(ctx, Form.refused(ctx, "The form is missing its version; reload the page."));
    } catch (Invalid e) {
      ctx.status(422);
      settings(ctx, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      settings(
          ctx, Form.refused(ctx, e.getMessage() + " Reload the page to see the current name."));
    }
  }

  private void audit(Context ctx) {
    WorkspaceAccess ws = access(ctx);
    User user = Requests.user(ctx);
    long before = Requests.longQuery(ctx, "before");
    var entries = activity.auditLog(ws, before, 51);
    boolean more = entries.size() > 50;
    Shell shell =
        html.shells()
            .workspace(
                ctx,
                ws,
                "audit",
                "Audit log",
                List.of(
                    new Shell.Crumb(ws.workspace().name(), "/w/" + ws.workspace().slug()),
                    new Shell.Crumb("Audit log", null)));
    html.page(
        ctx,
        "workspace/audit.jte",
        shell,
        "ws",
        ws,
        "entries",
        more ? entries.subList(0, 50) : entries,
        "nextBefore",
        more ? entries.get(49).id() : 0L,
        "viewer",
        user);
  }

  private void newProduct(Context ctx, Form form) {
    WorkspaceAccess ws = access(ctx).require(Role.ADMIN, "create products");
    Shell shell =
        html.shells()
            .workspace(
                ctx,
                ws,
                "home",
                "New product",
                List.of(
                    new Shell.Crumb(ws.workspace().name(), "/w/" + ws.workspace().slug()),
                    new Shell.Crumb("New product", null)));
    html.page(ctx, "workspace/new-product.jte", shell, "ws", ws, "form", form);
  }

  private void createProduct(Context ctx) {
    WorkspaceAccess ws = access(ctx);
    try {
      String slug = Requests.form(ctx, "slug");
      String key = Requests.form(ctx, "key");
      Product product =
          products.create(
              Requests.user(ctx),
              Long.toString(ws.id()),
              new ProductService.ProductInput(
                  Requests.form(ctx, "name"),
                  slug == null || slug.isEmpty() ? null : slug,
                  key == null || key.isEmpty() ? null : key,
                  Requests.form(ctx, "description")));
      Flashes.success(ctx, "Created the product " + product.name() + " (" + product.key() + ").");
      ctx.redirect("/w/" + ws.workspace().slug() + "/" + product.slug());
    } catch (Invalid e) {
      ctx.status(422);
      newProduct(ctx, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      newProduct(ctx, Form.refused(ctx, e.getMessage()));
    }
  }
}
