package io.hatrack.delivery.imports;

import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.jobs.JobRoutes.JobJson;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Imports and exports of work items over the API: a file is posted (a multipart form's {@code
 * file}, or the body) and imported as a job whose result is the report; the export streams a
 * product's work items as CSV or JSON.
 */
public final class ImportApi implements Routes {
  private final ItemImport imports;
  private final ItemExport export;

  public ImportApi(ItemImport imports, ItemExport export) {
    this.imports = imports;
    this.export = export;
  }

  @Override
  public void register(Router r) {
    r.post("/api/v1/products/{product}/imports", this::start)
        .summary("Import work items from Jira, GitHub, Trello or a CSV file (editors), as a job")
        .description(
            "Send the file as a multipart form's \"file\" field or as the body (at most "
                + String.format(Locale.ROOT, "%,d", ItemImport.MAX_UPLOAD)
                + " bytes; UTF-8, UTF-16 with a byte-order mark, or Windows-1252). format=jira"
                + " reads Jira's \"CSV (all fields)\" export; github a JSON array of issues as"
                + " GET /repos/{owner}/{repo}/issues returns it (pull requests are skipped and"
                + " counted); trello a board's JSON export (archived cards skipped, checklists"
                + " added to the description as task lists); csv any CSV with a header row, its"
                + " columns mapped to title (required), type, status, description, estimate, tags,"
                + " parent, key, owner. The answer is a job (202; poll GET /api/v1/jobs/{id});"
                + " its result is the report: counts of created, updated, unchanged and skipped"
                + " records (skipped with why), the status and type mapping used, notes (unknown"
                + " users, parents or links outside the file, the date format found, the"
                + " encoding), and every problem naming its record (line, issue key or card). A"
                + " file with any problem fails the job and saves nothing; otherwise everything"
                + " is saved in one transaction. Each record's item is remembered by its key, so"
                + " importing the same file again updates the items (or leaves them unchanged).")
        .tag("Imports")
        .query("format", "jira, github, trello or csv (required)")
        .query("dry_run", "true to check and count without saving")
        .query(
            "map",
            "FROM=TO entries (repeat it, or separate by commas): status:In QA=In review maps a"
                + " status to a workflow state, type:Spike=task a type, and for csv"
                + " Column=field a column to a field (ignore leaves it out)")
        .returns(202, JobJson.class);
    r.get("/api/v1/products/{product}/export", this::export)
        .summary("Export the product's work items as CSV or JSON")
        .description(
            "Every live work item of the product (objectives, initiatives, epics, features,"
                + " stories, bugs, tasks), or those of one type, in key order, with the columns "
                + String.join(", ", ItemExport.COLUMNS)
                + ". Other hats' items (feedback, documents, decisions) are not part of it. The"
                + " CSV reads back with format=csv.")
        .tag("Imports")
        .query("format", "csv (default) or json")
        .query("type", "only items of this type, e.g. story")
        .returns(200, String.class);
  }

  private void start(Context ctx) {
    boolean multipart = Uploads.multipart(ctx);
    if (multipart) {
      Uploads.prepare(ctx);
    }
    String format = multipart ? param(ctx, "format") : ctx.queryParam("format");
    List<String> map = new ArrayList<>(ctx.queryParams("map"));
    if (multipart) {
      map.addAll(ctx.formParams("map"));
    }
    boolean dryRun =
        Requests.flag(ctx, "dry_run")
            || (multipart && "true".equalsIgnoreCase(ctx.formParam("dry_run")));
    Uploads.Sent sent = multipart ? Uploads.file(ctx) : null;
    ImportOptions options = ImportOptions.parse(format, dryRun, map);
    byte[] bytes = multipart ? sent.bytes() : Uploads.body(ctx);
    String name = ItemImport.name(multipart ? sent.name() : null, options.format());
    Job job =
        imports.start(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ImportFile.of(name, bytes),
            options,
            null,
            null);
    ctx.status(202);
    ctx.header("Location", "/api/v1/jobs/" + job.id());
    ctx.json(JobJson.of(job));
  }

  private static String param(Context ctx, String name) {
    String form = ctx.formParam(name);
    return form != null ? form : ctx.queryParam(name);
  }

  private void export(Context ctx) {
    ItemExport.Format format = ItemExport.Format.parse(ctx.queryParam("format"));
    String type = ctx.queryParam("type");
    String product = ctx.pathParam("product");
    ctx.contentType(format.contentType());
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\""
            + product.replaceAll("[^A-Za-z0-9_-]", "")
            + "-items."
            + format.id()
            + "\"");
    // Checked before anything is written, so that a wrong product or type answers as an error.
    export.check(Requests.user(ctx), product, type);
    try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
      export.export(Requests.user(ctx), product, format, type, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
