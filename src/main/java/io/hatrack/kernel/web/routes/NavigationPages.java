package io.hatrack.kernel.web.routes;

import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Markdown;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemKinds;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Getting around: search, the command palette, item addresses ({@code /i/CHK-42}), the Markdown
 * preview and the suggestions of {@code @mentions} and item keys while typing.
 */
public final class NavigationPages implements Routes {
  private static final Pattern PRODUCT_PATH = Pattern.compile("^/w/([a-z0-9-]+)(?:/([a-z0-9-]+))?");

  private final ItemService items;
  private final ItemKinds kinds;
  private final WorkspaceService workspaces;
  private final ProductService products;
  private final Html html;

  public NavigationPages(
      ItemService items,
      ItemKinds kinds,
      WorkspaceService workspaces,
      ProductService products,
      Html html) {
    this.items = items;
    this.kinds = kinds;
    this.workspaces = workspaces;
    this.products = products;
    this.html = html;
  }

  /** A command in the palette. */
  public record Command(String label, String url, String hint) {}

  @Override
  public void register(Router r) {
    r.getPage("/search", this::search);
    r.getPage("/palette", this::palette);
    r.getPage("/i/{ref}", this::open);
    r.postPage("/markdown/preview", this::preview);
    r.getPage("/w/{ws}/suggest", this::suggest);
  }

  private void search(Context ctx) {
    User user = Requests.user(ctx);
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").trim();
    List<Item> found = q.isEmpty() ? List.of() : items.find(user, q, 100);
    Shell shell =
        html.shells().personal(ctx, "search", "Search", List.of(new Shell.Crumb("Search", null)));
    html.page(ctx, "kernel/search.jte", shell, "q", q, "found", found, "kinds", kinds);
  }

  private void palette(Context ctx) {
    User user = Requests.user(ctx);
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").trim();
    List<Item> found = q.isEmpty() ? List.of() : items.find(user, q, 8);
    List<Command> commands = new ArrayList<>();
    String from = ctx.header("Referer");
    Matcher m = PRODUCT_PATH.matcher(from == null ? "" : from.replaceFirst("^https?://[^/]+", ""));
    if (m.find()) {
      try {
        WorkspaceAccess ws = workspaces.access(user, m.group(1));
        String wsBase = "/w/" + ws.workspace().slug();
        if (m.group(2) != null) {
          ProductAccess p = products.access(user, m.group(2));
          if (p.workspace().id() == ws.id() && p.role().atLeast(Role.EDITOR)) {
            commands.add(
                new Command(
                    "New page in " + p.product().name(),
                    wsBase + "/" + p.product().slug() + "/pages/new",
                    "Create"));
          }
        }
        if (ws.can(Role.ADMIN)) {
          commands.add(
              new Command(
                  "New product in " + ws.workspace().name(), wsBase + "/products/new", "Create"));
          commands.add(
              new Command(
                  "Invite people to " + ws.workspace().name(),
                  wsBase + "/settings/members",
                  "Create"));
        }
      } catch (NotFound e) {
        // The page the palette was opened on is not a product page of the caller's.
      }
    }
    commands.add(new Command("New workspace", "/workspaces/new", "Create"));
    commands.add(new Command("New API token", "/settings/tokens", "Create"));
    commands.add(new Command("Notifications", "/notifications", "Go to"));
    commands.add(new Command("Profile and password", "/settings/profile", "Go to"));
    String needle = q.toLowerCase(Locale.ROOT);
    List<Command> matching =
        commands.stream().filter(c -> c.label().toLowerCase(Locale.ROOT).contains(needle)).toList();
    html.fragment(ctx, "kernel/palette.jte", "q", q, "found", found, "commands", matching);
  }

  private void open(Context ctx) {
    User user = Requests.user(ctx);
    ItemAccess access = items.access(user, ctx.pathParam("ref"));
    Item item = access.item();
    if (item.productId() == null) {
      // An item of the whole workspace (a customer) is shown inside any of its products.
      List<io.hatrack.kernel.work.Product> shared = products.list(access.workspace());
      if (shared.isEmpty()) {
        throw new NotFound("item");
      }
      ctx.redirect(
          "/w/"
              + access.workspace().workspace().slug()
              + "/"
              + shared.get(0).slug()
              + "/"
              + kinds.get(item.kind()).collection()
              + "/"
              + item.id());
      return;
    }
    ProductAccess product = products.access(user, Long.toString(item.productId()));
    ctx.redirect(
        "/w/"
            + access.workspace().workspace().slug()
            + "/"
            + product.product().slug()
            + "/"
            + kinds.get(item.kind()).collection()
            + "/"
            + item.id());
  }

  private void preview(Context ctx) {
    User user = Requests.user(ctx);
    String ws = ctx.formParam("workspace");
    Markdown.Context context =
        ws == null || ws.isBlank()
            ? Markdown.Context.NONE
            : html.markdownContext(workspaces.access(user, ws));
    ctx.html(html.markdown(ctx.formParam("body"), context));
  }

  private void suggest(Context ctx) {
    User user = Requests.user(ctx);
    WorkspaceAccess ws = workspaces.access(user, ctx.pathParam("ws"));
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").toLowerCase(Locale.ROOT);
    List<Map<String, String>> options = new ArrayList<>();
    if ("item".equals(ctx.queryParam("kind"))) {
      for (Item item : items.find(user, q.toUpperCase(Locale.ROOT).replaceAll("-$", ""), 8)) {
        if (item.workspaceId() == ws.id() && item.key() != null) {
          options.add(Map.of("value", item.key(), "label", item.key(), "sub", item.title()));
        }
      }
      if (options.isEmpty() && q.contains("-")) {
        String key = q.substring(0, q.indexOf('-')).toUpperCase(Locale.ROOT);
        for (Item item : items.find(user, key, 50)) {
          if (item.workspaceId() == ws.id()
              && item.key() != null
              && item.key().startsWith(key + "-")) {
            options.add(Map.of("value", item.key(), "label", item.key(), "sub", item.title()));
          }
        }
      }
    } else {
      for (Member member : workspaces.members(ws)) {
        String handle = member.user().handle();
        if (handle.startsWith(q) || member.user().name().toLowerCase(Locale.ROOT).contains(q)) {
          options.add(Map.of("value", handle, "label", "@" + handle, "sub", member.user().name()));
        }
      }
    }
    ctx.json(options.size() > 8 ? options.subList(0, 8) : options);
  }
}
