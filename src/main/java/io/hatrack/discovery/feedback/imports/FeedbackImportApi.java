package io.hatrack.discovery.feedback.imports;

import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.jobs.JobRoutes.JobJson;
import io.hatrack.kernel.web.BadRequest;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The feedback import over the API: the file is the request's body, the import runs as a job, and
 * the answer is that job ({@code 202}, with its address in {@code Location}), whose result is the
 * import's report.
 */
public final class FeedbackImportApi implements Routes {
  private final FeedbackImport imports;

  public FeedbackImportApi(FeedbackImport imports) {
    this.imports = imports;
  }

  @Override
  public void register(Router r) {
    r.post("/api/v1/products/{product}/feedback/imports", this::start)
        .summary("Import feedback from a CSV or JSON file (editors), as a job; all or nothing")
        .description(
            "Send the file as the body (UTF-8, at most "
                + String.format(Locale.ROOT, "%,d", FeedbackFile.MAX_BYTES)
                + " bytes): CSV with a header row, or JSON (an array of objects, or"
                + " {\"feedback\": [...]}). The answer is a job (202; poll GET /api/v1/jobs/{id});"
                + " its result is the report: counts of new, updated and unchanged feedback, the"
                + " mapping used, the ignored columns, and every problem with its line and column"
                + " (for JSON also the record). A file with any problem fails the job and saves"
                + " nothing. Columns map to the fields text (required), title, source, customer"
                + " (external id or name), contact (e-mail), date, status, importance (0-3), tags"
                + " (separated by ; or ,) and external_id; without map they are guessed from the"
                + " header names. A row whose external_id names feedback of the product updates it,"
                + " so importing the same file again changes nothing.")
        .tag("Feedback")
        .query("format", "csv or json (default: csv)")
        .query("dry_run", "true to check and count without saving")
        .query(
            "map",
            "column:field pairs separated by commas, e.g. Comment:text,Account:customer;"
                + " field ignore leaves a column out; columns not named are guessed")
        .query(
            "date_format",
            "how dates without ISO 8601 are written: dd/MM/yyyy, MM/dd/yyyy or dd.MM.yyyy")
        .returns(202, JobJson.class);
  }

  private void start(Context ctx) {
    FeedbackImport.Options options =
        FeedbackImport.Options.parse(
            ctx.queryParam("format") == null ? "csv" : ctx.queryParam("format"),
            null,
            ctx.queryParams("map"),
            ctx.queryParam("date_format"),
            Requests.flag(ctx, "dry_run"));
    byte[] bytes = body(ctx);
    Job job =
        imports.start(
            Requests.user(ctx),
            ctx.pathParam("product"),
            "upload." + options.format().id(),
            bytes,
            options,
            null);
    ctx.status(202);
    ctx.header("Location", "/api/v1/jobs/" + job.id());
    ctx.json(JobJson.of(job));
  }

  /** The body, read up to the import's limit (larger than the API's usual one). */
  static byte[] body(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > FeedbackFile.MAX_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = ctx.bodyInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > FeedbackFile.MAX_BYTES) {
          throw tooLarge();
        }
        out.write(buffer, 0, n);
      }
      if (total == 0) {
        throw new BadRequest(400, "empty_body", "Send the file as the body of the request.");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BadRequest tooLarge() {
    return new BadRequest(
        413,
        "payload_too_large",
        "The file is larger than the limit of "
            + String.format(Locale.ROOT, "%,d", FeedbackFile.MAX_BYTES)
            + " bytes; split it.");
  }
}
