package io.hatrack.discovery.feedback.imports;

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
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The feedback import in the browser: upload a file; see its first rows with a field chosen for
 * each column (the guess preselected); check it (a dry run, as a job with a progress bar) and see
 * the counts and every problem; then import it (a job again) and see the report. Nothing is saved
 * before the last step, and a file with any problem cannot be imported.
 */
public final class FeedbackImportRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/discovery/feedback/import";

  /** The form field of the file. */
  static final String FIELD = "file";

  private static final long ENVELOPE = 16 * 1024;
  private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

  private final FeedbackImport imports;
  private final ProductService products;
  private final Html html;

  public FeedbackImportRoutes(FeedbackImport imports, ProductService products, Html html) {
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
        + "/discovery/feedback/import";
  }

  private static String hat(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/discovery";
  }

  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products).require(Role.EDITOR, "import feedback");
  }

  private Shell shell(Context ctx, ProductAccess product, String title) {
    String hat =
        "/w/"
            + product.workspace().workspace().slug()
            + "/"
            + product.product().slug()
            + "/discovery";
    return html.shells()
        .product(
            ctx,
            product,
            "discovery",
            title,
            List.of(
                new Shell.Crumb("Discovery", hat),
                new Shell.Crumb("Feedback", hat + "/feedback"),
                new Shell.Crumb("Import", base(product)),
                new Shell.Crumb(title, null)));
  }

  private void form(Context ctx) {
    ProductAccess product = product(ctx);
    renderForm(ctx, product, null, null);
  }

  private void renderForm(
      Context ctx, ProductAccess product, FeedbackImport.Preview refused, String error) {
    html.page(
        ctx,
        "discovery/feedback/import.jte",
        shell(ctx, product, "Upload"),
        "product",
        product,
        "hat",
        hat(product),
        "base",
        base(product),
        "refused",
        refused,
        "error",
        error,
        "maxBytes",
        FeedbackFile.MAX_BYTES);
  }

  private void upload(Context ctx) {
    ProductAccess product = product(ctx);
    UploadedFile file;
    byte[] bytes;
    try {
      file = file(ctx);
      try (InputStream in = file.content()) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } catch (Invalid e) {
      ctx.status(422);
      renderForm(ctx, product, null, e.reasonFor(FIELD));
      return;
    }
    String format = ctx.formParam("format");
    FileFormat f =
        format == null || format.isBlank() || format.equals("auto")
            ? FileFormat.ofFileName(file.filename())
            : FileFormat.byId(format).orElse(FileFormat.CSV);
    FeedbackImport.Preview preview =
        imports.stage(Requests.user(ctx), Long.toString(product.id()), file.filename(), bytes, f);
    if (!preview.ok()) {
      ctx.status(422);
      renderForm(ctx, product, preview, null);
      return;
    }
    ctx.redirect(base(product) + "/" + preview.stagedId());
  }

  private void preview(Context ctx) {
    ProductAccess product = product(ctx);
    FeedbackImport.Preview preview;
    try {
      preview =
          imports.staged(
              Requests.user(ctx), Long.toString(product.id()), Requests.idParam(ctx, "staged"));
    } catch (NotFound e) {
      ctx.status(404);
      renderForm(ctx, product, null, gone());
      return;
    }
    html.page(
        ctx,
        "discovery/feedback/import-preview.jte",
        shell(ctx, product, "Preview"),
        "product",
        product,
        "hat",
        hat(product),
        "base",
        base(product),
        "preview",
        preview,
        "fields",
        List.of(FeedbackField.values()),
        "dateFormats",
        List.of(DateFormat.values()));
  }

  private static String gone() {
    return "That upload is no longer waiting (it was imported already, or is more than a day old):"
        + " upload the file again.";
  }

  private void start(Context ctx, boolean dryRun) {
    ProductAccess product = product(ctx);
    long staged = Requests.idParam(ctx, "staged");
    List<String> map = new ArrayList<>();
    for (int i = 0; ctx.formParam("column_" + i) != null; i++) {
      String field = ctx.formParam("field_" + i);
      map.add(
          ctx.formParam("column_" + i)
              + ":"
              + (field == null || field.isBlank() ? ColumnMapping.IGNORE : field));
    }
    DateFormat dates = DateFormat.byId(ctx.formParam("date_format")).orElse(DateFormat.ISO);
    String doneUrl = base(product) + "/" + staged + "/jobs/{id}";
    Job job;
    try {
      job =
          imports.startStaged(
              Requests.user(ctx),
              Long.toString(product.id()),
              staged,
              new FeedbackImport.Options(FileFormat.CSV, map, dates, dryRun),
              doneUrl);
    } catch (NotFound e) {
      ctx.status(404);
      renderForm(ctx, product, null, gone());
      return;
    }
    ctx.redirect(job.doneUrl());
  }

  private void job(Context ctx) {
    ProductAccess product = product(ctx);
    long staged = Requests.idParam(ctx, "staged");
    Job job = imports.job(Requests.user(ctx), ctx.pathParam("job"));
    FeedbackImport.Report report = job.result() instanceof FeedbackImport.Report r ? r : null;
    if (job.finished() && report != null && !report.ok()) {
      ctx.status(422);
    }
    html.page(
        ctx,
        "discovery/feedback/import-job.jte",
        shell(ctx, product, job.finished() ? "Report" : "Progress"),
        "product",
        product,
        "hat",
        hat(product),
        "base",
        base(product),
        "staged",
        staged,
        "job",
        job,
        "report",
        report);
  }

  /** The uploaded file, read within the size limit. */
  private static UploadedFile file(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("multipart/form-data")) {
      throw Invalid.field(FIELD, "must be uploaded with the form (multipart/form-data)");
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > FeedbackFile.MAX_BYTES + ENVELOPE) {
      throw FeedbackImportApi.tooLarge();
    }
    if (ctx.req().getAttribute(JETTY_MULTIPART_CONFIG) == null) {
      ctx.req()
          .setAttribute(
              JETTY_MULTIPART_CONFIG,
              new MultipartConfigElement(
                  System.getProperty("java.io.tmpdir"),
                  FeedbackFile.MAX_BYTES + ENVELOPE,
                  FeedbackFile.MAX_BYTES + ENVELOPE,
                  (int) ENVELOPE));
    }
    UploadedFile file;
    try {
      file = ctx.uploadedFile(FIELD);
    } catch (RuntimeException e) {
      throw Invalid.field(FIELD, "could not be read: " + e.getMessage());
    }
    if (file == null || file.size() == 0) {
      throw Invalid.field(FIELD, "is missing: choose a CSV or JSON file to upload");
    }
    if (file.size() > FeedbackFile.MAX_BYTES) {
      throw FeedbackImportApi.tooLarge();
    }
    return file;
  }
}
