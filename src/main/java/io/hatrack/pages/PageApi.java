package io.hatrack.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Markdown;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.CommentJson;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.Comment;
import io.hatrack.kernel.work.CommentService;
import io.hatrack.kernel.work.Item;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** Pages over the API. */
public final class PageApi implements Routes {
  private static final String TAG = "Pages";

  private final PageService pages;
  private final CommentService comments;
  private final Html html;
  private final ObjectMapper json;

  public PageApi(PageService pages, CommentService comments, Html html, ObjectMapper json) {
    this.pages = pages;
    this.comments = comments;
    this.html = html;
    this.json = json;
  }

  /** A page in a listing: everything but the body. */
  public record PageSummaryJson(
      long id,
      String key,
      String title,
      long version,
      long productId,
      Instant createdAt,
      Instant updatedAt,
      String url) {
    static PageSummaryJson of(Item i) {
      return new PageSummaryJson(
          i.id(),
          i.key(),
          i.title(),
          i.version(),
          i.productId(),
          i.createdAt(),
          i.updatedAt(),
          "/i/" + i.key());
    }
  }

  /**
   * A page. {@code comments} is present when asked for with {@code include=comments}: the first 50,
   * oldest first, with {@code comment_count} the number in all.
   */
  public record PageJson(
      long id,
      String key,
      String title,
      String body,
      String bodyHtml,
      long version,
      long productId,
      long createdBy,
      Instant createdAt,
      long updatedBy,
      Instant updatedAt,
      String url,
      Long commentCount,
      List<CommentJson> comments) {}

  /** Writing a page. */
  public record PageInput(String title, String body) {}

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/pages", this::list)
        .summary("A product's pages, most recently updated first")
        .tag(TAG)
        .paged()
        .returnsList(PageSummaryJson.class);
    r.post("/api/v1/products/{product}/pages", this::create)
        .summary("Write a page (editors); @mentions in the body notify the members named")
        .tag(TAG)
        .body(PageInput.class)
        .returns(201, PageJson.class);
    r.get("/api/v1/pages/{id}", this::get)
        .summary("A page by id or key")
        .tag(TAG)
        .query("include", "comments: also the first 50 comments")
        .etag()
        .returns(200, PageJson.class);
    r.patch("/api/v1/pages/{id}", this::update)
        .summary("Edit a page's title and/or body (editors)")
        .tag(TAG)
        .body(PageInput.class)
        .ifMatch()
        .etag()
        .returns(200, PageJson.class);
    r.delete("/api/v1/pages/{id}", this::delete)
        .summary("Delete a page (editors); it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post("/api/v1/pages/{id}/restore", this::restore)
        .summary("Restore a deleted page (editors)")
        .tag(TAG)
        .returns(200, PageJson.class);
  }

  private void list(Context ctx) {
    int limit = Requests.limit(ctx, 50);
    var slice =
        pages.list(Requests.user(ctx), ctx.pathParam("product"), ctx.queryParam("cursor"), limit);
    ctx.json(
        new ListJson<>(
            slice.items().stream().map(PageSummaryJson::of).toList(),
            slice.total(),
            slice.nextCursor()));
  }

  private void create(Context ctx) {
    PageInput input = Requests.body(ctx, json, PageInput.class);
    User user = Requests.user(ctx);
    Page page = pages.create(user, ctx.pathParam("product"), input.title(), input.body());
    var view = pages.get(user, Long.toString(page.id()));
    Requests.etag(ctx, page.version());
    ctx.header("Location", "/api/v1/pages/" + page.id());
    ctx.status(201).json(json(view, null));
  }

  private void get(Context ctx) {
    User user = Requests.user(ctx);
    if ("comments".equals(ctx.queryParam("include"))) {
      var read = pages.getWithComments(user, ctx.pathParam("id"), comments, 50);
      Requests.etag(ctx, read.view().page().version());
      ctx.json(json(read.view(), read.comments()));
      return;
    }
    var view = pages.get(user, ctx.pathParam("id"));
    Requests.etag(ctx, view.page().version());
    ctx.json(json(view, null));
  }

  private PageJson json(PageService.PageView view, CommentService.CommentPage commentPage) {
    Page page = view.page();
    Item item = page.item();
    Markdown.Context context = html.markdownContext(view.access().workspace());
    List<CommentJson> list =
        commentPage == null
            ? null
            : commentPage.comments().stream()
                .map((Comment c) -> CommentJson.of(c, html.markdown(c.body(), context)))
                .toList();
    return new PageJson(
        item.id(),
        item.key(),
        item.title(),
        page.body(),
        html.markdown(page.body(), context),
        item.version(),
        item.productId(),
        item.createdBy(),
        item.createdAt(),
        item.updatedBy(),
        item.updatedAt(),
        "/i/" + item.key(),
        commentPage == null ? null : commentPage.total(),
        list);
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    PageInput input = Requests.body(ctx, json, PageInput.class);
    User user = Requests.user(ctx);
    Page page = pages.update(user, ctx.pathParam("id"), expected, input.title(), input.body());
    Requests.etag(ctx, page.version());
    ctx.json(json(pages.get(user, Long.toString(page.id())), null));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    pages.delete(Requests.user(ctx), ctx.pathParam("id"), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    User user = Requests.user(ctx);
    Page page = pages.restore(user, ctx.pathParam("id"));
    Requests.etag(ctx, page.version());
    ctx.json(json(pages.get(user, Long.toString(page.id())), null));
  }
}
