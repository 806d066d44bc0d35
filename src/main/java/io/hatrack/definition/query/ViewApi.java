package io.hatrack.definition.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** Saved views over the API, and a check of a query as the query box types it. */
public final class ViewApi implements Routes {
  private static final String TAG = "Views";

  private final SavedViewService views;
  private final ObjectMapper json;

  public ViewApi(SavedViewService views, ObjectMapper json) {
    this.views = views;
    this.json = json;
  }

  /** A saved view. */
  public record ViewJson(
      long id,
      long productId,
      String name,
      String layout,
      String query,
      String groupBy,
      List<String> columns,
      long createdBy,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    static ViewJson of(SavedView v) {
      return new ViewJson(
          v.id(),
          v.productId(),
          v.name(),
          v.layout().id(),
          v.query(),
          v.groupBy(),
          v.columns(),
          v.createdBy(),
          v.createdAt(),
          v.updatedAt(),
          v.version());
    }
  }

  /**
   * Saving a view. {@code layout}: list, board or tree; {@code query}: the work-item query
   * language; {@code group_by}: status or a select field's key; {@code columns}: column ids. On
   * PATCH, absent or null fields keep their value.
   */
  public record ViewInputJson(
      String name, String layout, String query, String groupBy, List<String> columns) {
    SavedViewService.ViewInput input() {
      return new SavedViewService.ViewInput(name, layout, query, groupBy, columns);
    }
  }

  /** Where a query goes wrong: offset and length (0-based characters) to underline, and why. */
  public record QueryErrorJson(
      int offset, int length, int column, String message, String excerpt) {}

  /** One term of a query as read: a filter, a word of the title, or a sort key. */
  public record TermJson(
      String kind,
      boolean negated,
      String field,
      String op,
      List<String> values,
      int offset,
      int length) {}

  /** Whether a query is right for a product; when it is not, where and why. */
  public record QueryCheckJson(boolean valid, QueryErrorJson error, List<TermJson> terms) {}

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/views", this::list)
        .summary("A product's saved views, by name")
        .tag(TAG)
        .returnsList(ViewJson.class);
    r.post("/api/v1/products/{product}/views", this::create)
        .summary("Save a view (editors); its query must be valid for the product")
        .tag(TAG)
        .body(ViewInputJson.class)
        .returns(201, ViewJson.class);
    r.get("/api/v1/products/{product}/views/{view}", this::get)
        .summary("A saved view")
        .tag(TAG)
        .etag()
        .returns(200, ViewJson.class);
    r.patch("/api/v1/products/{product}/views/{view}", this::update)
        .summary("Change a saved view (editors)")
        .tag(TAG)
        .body(ViewInputJson.class)
        .ifMatch()
        .etag()
        .returns(200, ViewJson.class);
    r.delete("/api/v1/products/{product}/views/{view}", this::delete)
        .summary("Delete a saved view (editors)")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.get("/api/v1/products/{product}/query", this::check)
        .summary("Check a work-item query: its terms, or where and why it is wrong")
        .description(
            "Answers 200 either way: valid=false carries the error's offset and length for the"
                + " query box to underline.")
        .tag(TAG)
        .query("q", "the query, e.g. type:feature status:\"in review\" owner:@ana")
        .returns(200, QueryCheckJson.class);
  }

  private void list(Context ctx) {
    List<SavedView> all = views.list(Requests.user(ctx), ctx.pathParam("product"));
    ctx.json(new ListJson<>(all.stream().map(ViewJson::of).toList(), all.size(), null));
  }

  private void create(Context ctx) {
    ViewInputJson input = Requests.body(ctx, json, ViewInputJson.class);
    String product = ctx.pathParam("product");
    SavedView view = views.create(Requests.user(ctx), product, input.input());
    Requests.etag(ctx, view.version());
    ctx.header("Location", "/api/v1/products/" + product + "/views/" + view.id());
    ctx.status(201).json(ViewJson.of(view));
  }

  private void get(Context ctx) {
    SavedView view =
        views.get(Requests.user(ctx), ctx.pathParam("product"), Requests.idParam(ctx, "view"));
    Requests.etag(ctx, view.version());
    ctx.json(ViewJson.of(view));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    ViewInputJson input = Requests.body(ctx, json, ViewInputJson.class);
    SavedView view =
        views.update(
            Requests.user(ctx),
            ctx.pathParam("product"),
            Requests.idParam(ctx, "view"),
            expected,
            input.input());
    Requests.etag(ctx, view.version());
    ctx.json(ViewJson.of(view));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    views.delete(
        Requests.user(ctx), ctx.pathParam("product"), Requests.idParam(ctx, "view"), expected);
    ctx.status(204);
  }

  private void check(Context ctx) {
    String q = ctx.queryParam("q");
    User user = Requests.user(ctx);
    WorkItemQuery.Outcome outcome = views.checkQuery(user, ctx.pathParam("product"), q);
    String text = q == null ? "" : q;
    if (outcome instanceof QueryError e) {
      ctx.json(
          new QueryCheckJson(
              false,
              new QueryErrorJson(e.offset(), e.length(), e.column(), e.message(), e.excerpt(text)),
              List.of()));
      return;
    }
    ParsedQuery parsed = ((WorkItemQuery.Compiled) outcome).query();
    ctx.json(new QueryCheckJson(true, null, parsed.terms().stream().map(ViewApi::term).toList()));
  }

  private static TermJson term(ParsedQuery.Term t) {
    if (t instanceof ParsedQuery.Filter f) {
      return new TermJson(
          "filter",
          f.negated(),
          f.field(),
          f.op().symbol(),
          f.values().stream().map(ParsedQuery.Value::text).toList(),
          f.span().offset(),
          f.span().length());
    }
    if (t instanceof ParsedQuery.Word w) {
      return new TermJson(
          "word", w.negated(), null, null, List.of(w.text()), w.span().offset(), w.span().length());
    }
    ParsedQuery.SortKey k = (ParsedQuery.SortKey) t;
    return new TermJson(
        "sort",
        false,
        k.field(),
        null,
        List.of(k.descending() ? "desc" : "asc"),
        k.span().offset(),
        k.span().length());
  }
}
