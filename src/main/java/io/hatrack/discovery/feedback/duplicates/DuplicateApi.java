package io.hatrack.discovery.feedback.duplicates;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.jobs.JobRoutes.JobJson;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * Near-duplicate feedback over the API: a product's suggested pairs, one piece's suggestions, a
 * check of a text before it is added, a scan as a job, and dismissing a pair. Merging is the
 * inbox's {@code POST /api/v1/feedback/{id}/merge}.
 */
public final class DuplicateApi implements Routes {
  private static final String TAG = "Feedback duplicates";

  private final DuplicateService duplicates;
  private final ObjectMapper json;

  public DuplicateApi(DuplicateService duplicates, ObjectMapper json) {
    this.duplicates = duplicates;
    this.json = json;
  }

  /** One side of a pair. */
  public record SideJson(
      long id,
      String key,
      String summary,
      String text,
      String source,
      String customerName,
      Integer portalVotes,
      Instant happenedAt) {
    static SideJson of(DuplicateSide s) {
      return new SideJson(
          s.id(),
          s.key(),
          s.summary(),
          s.text(),
          s.source(),
          s.customerName(),
          s.votes(),
          s.happenedAt());
    }
  }

  /** A suggested pair: the older piece, the newer one, their estimated Jaccard similarity. */
  public record PairJson(
      SideJson older,
      SideJson newer,
      double similarity,
      String state,
      Instant foundAt,
      long suggestedKeep) {
    static PairJson of(PossibleDuplicate p) {
      return new PairJson(
          SideJson.of(p.older()),
          SideJson.of(p.newer()),
          p.similarity(),
          p.state(),
          p.foundAt(),
          DuplicateGroup.keep(p).id());
    }
  }

  /** A near-duplicate of a checked text. */
  public record MatchJson(long id, double similarity) {}

  /** The text to check. */
  public record CheckInput(String text) {}

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/feedback/duplicates", this::list)
        .summary("Suggested pairs of near-duplicate feedback of a product, most similar first")
        .description(
            "Found when feedback arrives and by scans: MinHash (64 minima over 1- and 2-word"
                + " shingles of stemmed terms) with LSH (16 bands of 4 rows); similarity is the"
                + " estimated Jaccard similarity (at least "
                + DuplicateService.MIN_SIMILARITY
                + "). Only live feedback (not deleted, not merged) is listed. Merge a pair with"
                + " POST /api/v1/feedback/{suggested_keep}/merge {\"ids\": [other]}; dismiss it"
                + " with POST /api/v1/feedback/{id}/duplicates/{other}/dismiss. total counts up"
                + " to "
                + DuplicateService.COUNT_CAP
                + " (a product with more answers that number).")
        .tag(TAG)
        .paged()
        .returnsList(PairJson.class);
    r.post("/api/v1/products/{product}/feedback/duplicates/scan", this::scan)
        .summary("Scan a product's feedback for near-duplicates (editors), as a job")
        .description(
            "Indexes feedback that has no signature yet, then compares every piece with the"
                + " older ones that share an LSH band, and suggests new pairs; dismissed pairs"
                + " stay dismissed. The answer is a job (202; poll GET /api/v1/jobs/{id}); its"
                + " result counts what was indexed, compared and found, and the groups.")
        .tag(TAG)
        .returns(202, JobJson.class);
    r.post("/api/v1/products/{product}/feedback/duplicates/check", this::check)
        .summary("The product's feedback that a text nearly duplicates, without saving anything")
        .tag(TAG)
        .body(CheckInput.class)
        .returnsList(MatchJson.class);
    r.get("/api/v1/feedback/{feedback}/duplicates", this::of)
        .summary("The suggested near-duplicates of a piece of feedback, most similar first")
        .tag(TAG)
        .returnsList(PairJson.class);
    r.post("/api/v1/feedback/{feedback}/duplicates/{other}/dismiss", this::dismiss)
        .summary("Not a duplicate: the pair is never suggested again (editors)")
        .tag(TAG)
        .noContent();
  }

  private void list(Context ctx) {
    Slice<PossibleDuplicate> slice =
        duplicates.suggestions(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.queryParam("cursor"),
            Requests.limit(ctx, 50));
    ctx.json(
        new ListJson<>(
            slice.items().stream().map(PairJson::of).toList(), slice.total(), slice.nextCursor()));
  }

  private void scan(Context ctx) {
    Job job = duplicates.scan(Requests.user(ctx), ctx.pathParam("product"), null);
    ctx.status(202);
    ctx.header("Location", "/api/v1/jobs/" + job.id());
    ctx.json(JobJson.of(job));
  }

  private void check(Context ctx) {
    CheckInput input = Requests.body(ctx, json, CheckInput.class);
    List<MatchJson> matches =
        duplicates.check(Requests.user(ctx), ctx.pathParam("product"), input.text()).stream()
            .map(m -> new MatchJson(m.id(), m.similarity()))
            .toList();
    ctx.json(new ListJson<>(matches, matches.size(), null));
  }

  private void of(Context ctx) {
    List<PairJson> pairs =
        duplicates.of(Requests.user(ctx), ctx.pathParam("feedback")).stream()
            .map(PairJson::of)
            .toList();
    ctx.json(new ListJson<>(pairs, pairs.size(), null));
  }

  private void dismiss(Context ctx) {
    duplicates.dismiss(Requests.user(ctx), ctx.pathParam("feedback"), ctx.pathParam("other"));
    ctx.status(204);
  }
}
