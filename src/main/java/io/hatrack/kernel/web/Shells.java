package io.hatrack.kernel.web;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.NotificationService;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link Shell} of a page from the request and where in the app it is. */
public final class Shells {
  /** The attribute holding the CSRF token of the current request. */
  public static final String CSRF = "hatrack.csrf";

  private final WorkspaceService workspaces;
  private final ProductService products;
  private final NotificationService notifications;
  private final Hats hats;
  private final Assets assets;
  private final Clock clock;

  public Shells(
      WorkspaceService workspaces,
      ProductService products,
      NotificationService notifications,
      Hats hats,
      Assets assets,
      Clock clock) {
    this.workspaces = workspaces;
    this.products = products;
    this.notifications = notifications;
    this.hats = hats;
    this.assets = assets;
    this.clock = clock;
  }

  public Hats hats() {
    return hats;
  }

  /** A page outside any workspace for someone not signed in (sign-in, set-up, invitations). */
  public Shell anonymous(Context ctx, String title) {
    return new Shell(
        title,
        Requests.userOrNull(ctx),
        ctx.attribute(CSRF),
        Shell.Nav.NONE,
        List.of(),
        0,
        assets,
        Flashes.take(ctx),
        clock.instant());
  }

  /** The shell of an htmx fragment: the reader, their time zone and the CSRF token only. */
  public Shell fragment(Context ctx) {
    return new Shell(
        "",
        Requests.userOrNull(ctx),
        ctx.attribute(CSRF),
        Shell.Nav.NONE,
        List.of(),
        0,
        assets,
        null,
        clock.instant());
  }

  /** The cookie remembering the workspace last visited, for personal pages and for "/". */
  public static final String LAST_WORKSPACE = "hatrack_ws";

  /**
   * A page of one's own (notifications, profile, tokens): the sidebar stays on the workspace the
   * person last visited.
   */
  public Shell personal(Context ctx, String section, String title, List<Shell.Crumb> crumbs) {
    User user = Requests.user(ctx);
    List<WorkspaceAccess> mine = workspaces.mine(user);
    WorkspaceAccess last = lastVisited(ctx, mine);
    Shell.Nav nav =
        last == null
            ? new Shell.Nav(mine, null, List.of(), null, section, List.of())
            : new Shell.Nav(
                mine, last, products.list(last), null, section, workspaceEntries(last, section));
    return shell(ctx, user, title, nav, crumbs);
  }

  /** The workspace the person last visited, if they are still a member; else their first one. */
  public static WorkspaceAccess lastVisited(Context ctx, List<WorkspaceAccess> mine) {
    String slug = ctx.cookie(LAST_WORKSPACE);
    return mine.stream()
        .filter(w -> w.workspace().slug().equals(slug))
        .findFirst()
        .orElse(mine.isEmpty() ? null : mine.get(0));
  }

  private static void remember(Context ctx, WorkspaceAccess ws) {
    if (!ws.workspace().slug().equals(ctx.cookie(LAST_WORKSPACE))) {
      ctx.cookie(
          new io.javalin.http.Cookie(
              LAST_WORKSPACE,
              ws.workspace().slug(),
              "/",
              60 * 60 * 24 * 365,
              false,
              true,
              null,
              io.javalin.http.SameSite.LAX));
    }
  }

  public Shell workspace(
      Context ctx, WorkspaceAccess ws, String section, String title, List<Shell.Crumb> crumbs) {
    User user = Requests.user(ctx);
    remember(ctx, ws);
    List<Product> list = products.list(ws);
    Shell.Nav nav =
        new Shell.Nav(
            workspaces.mine(user), ws, list, null, section, workspaceEntries(ws, section));
    return shell(ctx, user, title, nav, crumbs);
  }

  public Shell product(
      Context ctx, ProductAccess product, String section, String title, List<Shell.Crumb> crumbs) {
    User user = Requests.user(ctx);
    WorkspaceAccess ws = product.workspace();
    remember(ctx, ws);
    List<Product> list = products.list(ws);
    Shell.Nav nav =
        new Shell.Nav(
            workspaces.mine(user),
            ws,
            list,
            product.product(),
            section,
            productEntries(ws, product.product(), section));
    List<Shell.Crumb> all = new ArrayList<>();
    all.add(new Shell.Crumb(ws.workspace().name(), "/w/" + ws.workspace().slug()));
    all.add(
        new Shell.Crumb(
            product.product().name(),
            "/w/" + ws.workspace().slug() + "/" + product.product().slug()));
    all.addAll(crumbs);
    return shell(ctx, user, title, nav, all);
  }

  private Shell shell(
      Context ctx, User user, String title, Shell.Nav nav, List<Shell.Crumb> crumbs) {
    return new Shell(
        title,
        user,
        ctx.attribute(CSRF),
        nav,
        crumbs,
        notifications.unreadCount(user),
        assets,
        Flashes.take(ctx),
        clock.instant());
  }

  private static List<Shell.Section> workspaceEntries(WorkspaceAccess ws, String section) {
    String base = "/w/" + ws.workspace().slug();
    List<Shell.Entry> entries = new ArrayList<>();
    entries.add(new Shell.Entry("home", "Overview", base, "home".equals(section), false));
    entries.add(
        new Shell.Entry(
            "members", "Members", base + "/settings/members", "members".equals(section), false));
    entries.add(
        new Shell.Entry("members", "Teams", base + "/teams", "teams".equals(section), false));
    if (ws.can(io.hatrack.kernel.auth.Role.ADMIN)) {
      entries.add(
          new Shell.Entry(
              "audit", "Audit log", base + "/settings/audit", "audit".equals(section), false));
    }
    entries.add(
        new Shell.Entry(
            "settings", "Settings", base + "/settings", "settings".equals(section), false));
    return List.of(new Shell.Section("", entries));
  }

  private List<Shell.Section> productEntries(WorkspaceAccess ws, Product product, String section) {
    String base = "/w/" + ws.workspace().slug() + "/" + product.slug();
    List<Shell.Entry> entries = new ArrayList<>();
    entries.add(new Shell.Entry("home", "Home", base, "home".equals(section), false));
    entries.add(new Shell.Entry("pages", "Pages", base + "/pages", "pages".equals(section), false));
    List<Shell.Entry> hatEntries = new ArrayList<>();
    for (Hats.Hat hat : hats.all()) {
      hatEntries.add(
          new Shell.Entry(
              hat.id(),
              hat.title(),
              base + "/" + hat.id(),
              hat.id().equals(section),
              !hat.built()));
    }
    List<Shell.Entry> productSettings =
        List.of(
            new Shell.Entry(
                "settings", "Settings", base + "/settings", "settings".equals(section), false));
    String wsBase = "/w/" + ws.workspace().slug();
    List<Shell.Entry> workspace =
        List.of(
            new Shell.Entry("box", "All products", wsBase, false, false),
            new Shell.Entry("members", "Members", wsBase + "/settings/members", false, false));
    return List.of(
        new Shell.Section("", entries),
        new Shell.Section("Hats", hatEntries),
        new Shell.Section("Product", productSettings),
        new Shell.Section("Workspace", workspace));
  }
}
