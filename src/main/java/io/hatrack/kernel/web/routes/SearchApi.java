package io.hatrack.kernel.web.routes;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.search.SearchHit;
import io.hatrack.kernel.search.SearchService;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.time.Instant;

/** Full-text search over the API, and rebuilding a product's index. */
public final class SearchApi implements Routes {
  private static final String TAG = "Search";

  private final SearchService search;

  public SearchApi(SearchService search) {
    this.search = search;
  }

  /** One hit: the item, its highlighted title and snippet (HTML: matches in mark), its score. */
  public record SearchHitJson(
      long id,
      String kind,
      String key,
      String title,
      String titleHtml,
      String snippet,
      double score,
      String url,
      String product,
      String source,
      String status,
      Double sentiment,
      Instant happenedAt) {
    static SearchHitJson of(SearchHit h) {
      return new SearchHitJson(
          h.id(),
          h.kind(),
          h.key(),
          h.title(),
          h.titleHtml(),
          h.snippetHtml(),
          h.score(),
          h.url(),
          h.productSlug(),
          h.source(),
          h.status(),
          h.sentiment(),
          h.happenedAt());
    }
  }

  /** How many documents a rebuild indexed. */
  public record ReindexJson(long documents) {}

  @Override
  public void register(Router r) {
    r.get("/api/v1/search", this::search)
        .summary("Full-text search over the items of the products you can see, best first")
        .description(
            "q: words (all must match), \"quoted phrases\", OR between two terms, -word to"
                + " exclude, word* for a prefix. title_html and snippet are HTML: matches in"
                + " <mark>, everything else escaped. Each bad parameter answers 400 with its field"
                + " and reason. Deleted items are never found.")
        .tag(TAG)
        .query("q", "what to look for (required, up to 500 characters)")
        .query("product", "only this product: slug, id or key (e.g. CHK)")
        .query("kind", "only this kind of item, e.g. work_item, feedback, insight")
        .query("source", "only documents from this source (feedback: support, sales_call, ...)")
        .query("customer", "only documents about this customer (id)")
        .query("segment", "only documents about customers of this segment")
        .query("from", "only documents that happened on or after this date (2025-01-31, UTC)")
        .query("to", "only documents that happened on or before this date")
        .query("tag", "only items with this tag")
        .query("status", "only documents with this status")
        .query("sentiment", "positive (>= 0.05), neutral or negative (<= -0.05)")
        .paged()
        .returnsList(SearchHitJson.class);
    r.post("/api/v1/products/{product}/search/reindex", this::reindex)
        .summary("Rebuild the product's search index from its items (admins)")
        .tag(TAG)
        .returns(200, ReindexJson.class);
  }

  private void search(Context ctx) {
    SearchService.Results results =
        search.search(
            Requests.user(ctx),
            new SearchService.Request(
                ctx.queryParam("q"),
                ctx.queryParam("product"),
                ctx.queryParam("kind"),
                ctx.queryParam("source"),
                ctx.queryParam("customer"),
                ctx.queryParam("segment"),
                ctx.queryParam("from"),
                ctx.queryParam("to"),
                ctx.queryParam("tag"),
                ctx.queryParam("status"),
                ctx.queryParam("sentiment"),
                ctx.queryParam("cursor"),
                limit(ctx)));
    ctx.json(
        new ListJson<>(
            results.slice().items().stream().map(SearchHitJson::of).toList(),
            results.slice().total(),
            results.slice().nextCursor()));
  }

  static Integer limit(Context ctx) {
    String value = ctx.queryParam("limit");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw Invalid.field("limit", "must be a whole number from 1 to " + SearchService.MAX_LIMIT);
    }
  }

  private void reindex(Context ctx) {
    ctx.json(new ReindexJson(search.reindex(Requests.user(ctx), ctx.pathParam("product"))));
  }
}
