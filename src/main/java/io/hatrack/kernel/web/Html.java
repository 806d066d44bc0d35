package io.hatrack.kernel.web;

import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What HTML routes need to answer: templates, the page shell, and Markdown rendered safely with the
 * workspace's members and product keys linked.
 */
public final class Html {
  private final Views views;
  private final Shells shells;
  private final Markdown markdown;
  private final WorkspaceService workspaces;
  private final ProductService products;
  private final java.util.concurrent.ConcurrentHashMap<Long, CachedContext> contexts =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final long CONTEXT_TTL_NANOS = 10_000_000_000L;

  public Html(
      Views views,
      Shells shells,
      Markdown markdown,
      WorkspaceService workspaces,
      ProductService products) {
    this.views = views;
    this.shells = shells;
    this.markdown = markdown;
    this.workspaces = workspaces;
    this.products = products;
  }

  public Shells shells() {
    return shells;
  }

  /** Renders a page template with its shell and parameters given as name, value pairs. */
  public void page(Context ctx, String template, Shell shell, Object... params) {
    Map<String, Object> map = pairs(params);
    map.put("shell", shell);
    ctx.html(views.render(template, map));
  }

  /** Renders a fragment (no shell) for htmx. */
  public void fragment(Context ctx, String template, Object... params) {
    ctx.html(views.render(template, pairs(params)));
  }

  public String render(String template, Object... params) {
    return views.render(template, pairs(params));
  }

  private static Map<String, Object> pairs(Object... params) {
    if (params.length % 2 != 0) {
      throw new IllegalArgumentException("template parameters come in name, value pairs");
    }
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.put((String) params[i], params[i + 1]);
    }
    return map;
  }

  /**
   * Who and what Markdown in this workspace may link to. Kept for a few seconds per workspace:
   * every page view renders Markdown, and a mention of someone who joined a moment ago may well
   * wait a few seconds to become a link.
   */
  public Markdown.Context markdownContext(WorkspaceAccess ws) {
    long now = System.nanoTime();
    CachedContext cached = contexts.get(ws.id());
    if (cached != null && now - cached.at() < CONTEXT_TTL_NANOS) {
      return cached.context();
    }
    Markdown.Context context =
        new Markdown.Context(
            workspaces.members(ws).stream()
                .map((Member m) -> m.user().handle())
                .collect(Collectors.toSet()),
            products.list(ws).stream().map(Product::key).collect(Collectors.toSet()));
    contexts.put(ws.id(), new CachedContext(context, now));
    return context;
  }

  private record CachedContext(Markdown.Context context, long at) {}

  /** Safe HTML of Markdown written in {@code ws}. */
  public String markdown(String text, Markdown.Context context) {
    return markdown.render(text, context);
  }

  public Markdown markdownRenderer() {
    return markdown;
  }
}
