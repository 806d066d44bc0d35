package io.hatrack.kernel.web.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Markdown;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.CommentInput;
import io.hatrack.kernel.web.routes.KernelJson.CommentJson;
import io.hatrack.kernel.work.Comment;
import io.hatrack.kernel.work.CommentService;
import io.hatrack.kernel.work.ItemService;
import io.javalin.http.Context;

/** Comments on any item over the API; each answer carries the Markdown rendered to safe HTML. */
public final class CommentApi implements Routes {
  private final CommentService comments;
  private final ItemService items;
  private final Html html;
  private final ObjectMapper json;

  public CommentApi(CommentService comments, ItemService items, Html html, ObjectMapper json) {
    this.comments = comments;
    this.items = items;
    this.html = html;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.get("/api/v1/items/{item}/comments", this::list)
        .summary("Comments on an item, oldest first")
        .tag("Comments")
        .paged()
        .returnsList(CommentJson.class);
    r.post("/api/v1/items/{item}/comments", this::add)
        .summary("Comment on an item (commenters); @mentions notify the members named")
        .tag("Comments")
        .body(CommentInput.class)
        .returns(201, CommentJson.class);
    r.get("/api/v1/comments/{id}", this::get)
        .summary("One comment")
        .tag("Comments")
        .etag()
        .returns(200, CommentJson.class);
    r.patch("/api/v1/comments/{id}", this::edit)
        .summary("Edit your own comment")
        .tag("Comments")
        .body(CommentInput.class)
        .ifMatch()
        .etag()
        .returns(200, CommentJson.class);
    r.delete("/api/v1/comments/{id}", this::delete)
        .summary("Delete your comment (admins: anyone's)")
        .tag("Comments")
        .ifMatch()
        .noContent();
  }

  /** The Markdown context of the workspace an item lives in. */
  private Markdown.Context context(User user, long itemId) {
    return html.markdownContext(items.access(user, Long.toString(itemId)).workspace());
  }

  private CommentJson render(Comment c, Markdown.Context context) {
    return CommentJson.of(c, html.markdown(c.body(), context));
  }

  private void list(Context ctx) {
    User user = Requests.user(ctx);
    String item = ctx.pathParam("item");
    int limit = Requests.limit(ctx, 50);
    var page = comments.list(user, item, Requests.cursorId(ctx), limit + 1);
    Markdown.Context context = html.markdownContext(items.access(user, item).workspace());
    ctx.json(
        Listings.of(page.comments(), limit, page.total(), Comment::id, c -> render(c, context)));
  }

  private void add(Context ctx) {
    CommentInput input = Requests.body(ctx, json, CommentInput.class);
    User user = Requests.user(ctx);
    Comment comment = comments.add(user, ctx.pathParam("item"), input.body());
    Requests.etag(ctx, comment.version());
    ctx.header("Location", "/api/v1/comments/" + comment.id());
    ctx.status(201).json(render(comment, context(user, comment.itemId())));
  }

  private void get(Context ctx) {
    User user = Requests.user(ctx);
    Comment comment = comments.get(user, Requests.idParam(ctx, "id"));
    Requests.etag(ctx, comment.version());
    ctx.json(render(comment, context(user, comment.itemId())));
  }

  private void edit(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    CommentInput input = Requests.body(ctx, json, CommentInput.class);
    User user = Requests.user(ctx);
    Comment comment = comments.edit(user, Requests.idParam(ctx, "id"), expected, input.body());
    Requests.etag(ctx, comment.version());
    ctx.json(render(comment, context(user, comment.itemId())));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    comments.delete(Requests.user(ctx), Requests.idParam(ctx, "id"), expected);
    ctx.status(204);
  }
}
