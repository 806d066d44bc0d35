package io.hatrack.delivery.imports;

import io.hatrack.delivery.imports.source.CsvField;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The import of work items in the browser: upload a file and say which tool wrote it; see its first
 * records as they will be imported, with the mapping of its statuses, types (and a CSV file's
 * columns) to choose; check it all (a dry run, as a job with a progress bar) and see the counts,
 * notes and problems; then import it (a job again) and see the report. Nothing is saved before the
 * last step, and a file with any problem cannot be imported. The page links the exports too.
 */
public final class ImportRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/delivery/import";

  /** The upload page's title, and the crumb back to it from the pages after it. */
  private static final String FORM_TITLE = "Import work items";

  private final ItemImport imports;
  private final ProductService products;
  private final Html html;

  public ImportRoutes(ItemImport imports, ProductService products, Html html) {
    this.imports = imports;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::form);
    r.postPage(BASE, this::upload);
    r.getPage(BASE + "/{staged}", this::preview);
    r.postPage(BASE + "/{staged}/check", ctx -> start(ctx, true));
    r.postPage(BASE + "/{staged}/run", ctx -> start(ctx, false));
    r.getPage(BASE + "/{staged}/jobs/{job}", this::job);
  }

  /** The address of the import pages of a product. */
  public static String base(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/delivery/import";
  }

  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products).require(Role.EDITOR, "import work items");
  }

  private Shell shell(Context ctx, ProductAccess product, String title) {
    String hat =
        "/w/"
            + product.workspace().workspace().slug()
            + "/"
            + product.product().slug()
            + "/delivery";
    return html.shells()
        .product(
            ctx,
            product,
            "delivery",
            title,
            FORM_TITLE.equals(title)
                ? List.of(new Shell.Crumb("Delivery", hat), new Shell.Crumb(title, null))
                : List.of(
                    new Shell.Crumb("Delivery", hat),
                    new Shell.Crumb(FORM_TITLE, base(product)),
                    new Shell.Crumb(title, null)));
  }

  private void form(Context ctx) {
    renderForm(ctx, product(ctx), null, null, null);
  }

  private void renderForm(
      Context ctx, ProductAccess product, ItemImport.Report refused, String error, String format) {
    html.page(
        ctx,
        "delivery/imports/form.jte",
        shell(ctx, product, FORM_TITLE),
        "product",
        product,
        "base",
        base(product),
        "refused",
        refused,
        "error",
        error,
        "format",
        format == null ? "jira" : format,
        "maxBytes",
        ItemImport.MAX_UPLOAD);
  }

  private void upload(Context ctx) {
    ProductAccess product = product(ctx);
    String format = ctx.formParam("format");
    ImportOptions options;
    Uploads.Sent sent;
    try {
      options = ImportOptions.ofEntries(format, true, List.of());
      sent = Uploads.file(ctx);
    } catch (Invalid e) {
      ctx.status(422);
      String reason = e.reasonFor(Uploads.FIELD);
      renderForm(
          ctx, product, null, reason != null ? reason : "Format " + e.reasonFor("format"), format);
      return;
    }
    ItemImport.Preview preview =
        imports.stage(
            Requests.user(ctx), Long.toString(product.id()), sent.name(), sent.bytes(), options);
    if (preview.stagedId() == 0) {
      ctx.status(422);
      renderForm(ctx, product, preview.report(), null, format);
      return;
    }
    ctx.redirect(base(product) + "/" + preview.stagedId());
  }

  private static List<String> mapping(Context ctx, boolean form) {
    List<String> map = new ArrayList<>(form ? ctx.formParams("map") : ctx.queryParams("map"));
    map.removeIf(String::isBlank);
    return map;
  }

  private void preview(Context ctx) {
    ProductAccess product = product(ctx);
    ItemImport.Preview preview;
    ImportOptions options;
    try {
      options = ImportOptions.ofEntries("csv", true, mapping(ctx, false));
      preview =
          imports.staged(
              Requests.user(ctx),
              Long.toString(product.id()),
              Requests.idParam(ctx, "staged"),
              options);
    } catch (NotFound e) {
      ctx.status(404);
      renderForm(ctx, product, null, gone(), null);
      return;
    }
    html.page(
        ctx,
        "delivery/imports/preview.jte",
        shell(ctx, product, "Preview"),
        "product",
        product,
        "base",
        base(product),
        "preview",
        preview,
        "types",
        ItemImport.typeIds(),
        "fields",
        List.of(CsvField.values()).stream().map(CsvField::id).toList());
  }

  private static String gone() {
    return "That upload is no longer waiting (it was imported already, or is more than a day old):"
        + " upload the file again.";
  }

  private void start(Context ctx, boolean dryRun) {
    ProductAccess product = product(ctx);
    long staged = Requests.idParam(ctx, "staged");
    ImportOptions options = ImportOptions.ofEntries("csv", dryRun, mapping(ctx, true));
    String doneUrl = base(product) + "/" + staged + "/jobs/{id}";
    Job job;
    try {
      job =
          imports.startStaged(
              Requests.user(ctx), Long.toString(product.id()), staged, options, doneUrl);
    } catch (NotFound e) {
      ctx.status(404);
      renderForm(ctx, product, null, gone(), null);
      return;
    }
    ctx.redirect(job.doneUrl());
  }

  private void job(Context ctx) {
    ProductAccess product = product(ctx);
    long staged = Requests.idParam(ctx, "staged");
    Job job = imports.job(Requests.user(ctx), ctx.pathParam("job"));
    ItemImport.Report report = job.result() instanceof ItemImport.Report r ? r : null;
    if (job.finished() && report != null && !report.ok()) {
      ctx.status(422);
    }
    html.page(
        ctx,
        "delivery/imports/job.jte",
        shell(ctx, product, job.finished() ? "Report" : "Progress"),
        "product",
        product,
        "base",
        base(product),
        "staged",
        staged,
        "job",
        job,
        "report",
        report);
  }
}
