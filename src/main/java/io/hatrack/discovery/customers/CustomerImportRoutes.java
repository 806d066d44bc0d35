package io.hatrack.discovery.customers;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.web.BadRequest;
import io.hatrack.kernel.web.Flashes;
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
import java.util.Locale;

/**
 * The customer import in the browser: upload a CSV file, see what it would do (the first rows, the
 * counts, every problem with its line and column), then confirm. Nothing is saved before the
 * confirmation, and a file with any problem cannot be confirmed.
 */
public final class CustomerImportRoutes implements Routes {
  private static final String BASE = CustomerRoutes.HAT + "/customers/import";

  /** The form field of the file. */
  static final String FIELD = "file";

  /** Room for the multipart envelope around the file. */
  private static final long ENVELOPE = 16 * 1024;

  private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

  private final CustomerImport imports;
  private final ProductService products;
  private final Html html;

  public CustomerImportRoutes(CustomerImport imports, ProductService products, Html html) {
    this.imports = imports;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::form);
    r.postPage(BASE, this::upload);
    r.postPage(BASE + "/{staged}/confirm", this::confirm);
  }

  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products).require(Role.EDITOR, "import customers");
  }

  private void form(Context ctx) {
    ProductAccess product = product(ctx);
    render(ctx, product, null, null);
  }

  private void render(
      Context ctx, ProductAccess product, CustomerImport.Report report, String refusal) {
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                "Import customers",
                CustomerRoutes.crumbs(
                    product, "Customers", new Shell.Crumb("Import from CSV", null)));
    html.page(
        ctx,
        "discovery/customers/import.jte",
        shell,
        "product",
        product,
        "report",
        report,
        "refusal",
        refusal,
        "hat",
        CustomerRoutes.hat(product),
        "base",
        CustomerRoutes.base(product),
        "maxBytes",
        CustomerCsv.MAX_BYTES);
  }

  private void upload(Context ctx) {
    ProductAccess product = product(ctx);
    String fileName;
    byte[] bytes;
    try {
      UploadedFile file = file(ctx);
      fileName = file.filename();
      try (InputStream in = file.content()) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, product, null, e.reasonFor(FIELD));
      return;
    }
    CustomerImport.Report report =
        imports.stage(Requests.user(ctx), Long.toString(product.workspace().id()), fileName, bytes);
    if (!report.ok()) {
      ctx.status(422);
    }
    render(ctx, product, report, null);
  }

  private void confirm(Context ctx) {
    ProductAccess product = product(ctx);
    long staged = Requests.idParam(ctx, "staged");
    CustomerImport.Report report;
    try {
      report = imports.confirm(Requests.user(ctx), Long.toString(product.workspace().id()), staged);
    } catch (NotFound e) {
      ctx.status(404);
      render(
          ctx,
          product,
          null,
          "That upload is no longer waiting (it was imported already, or is more than a day old):"
              + " upload the file again.");
      return;
    }
    if (!report.ok()) {
      ctx.status(422);
      render(ctx, product, report, null);
      return;
    }
    Flashes.success(ctx, "Imported " + report.fileName() + ": " + report.counts() + ".");
    ctx.redirect(CustomerRoutes.base(product));
  }

  /** The uploaded file, read within the size limit. */
  private static UploadedFile file(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("multipart/form-data")) {
      throw Invalid.field(FIELD, "must be uploaded with the form (multipart/form-data)");
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > CustomerCsv.MAX_BYTES + ENVELOPE) {
      throw tooLarge();
    }
    if (ctx.req().getAttribute(JETTY_MULTIPART_CONFIG) == null) {
      ctx.req()
          .setAttribute(
              JETTY_MULTIPART_CONFIG,
              new MultipartConfigElement(
                  System.getProperty("java.io.tmpdir"),
                  CustomerCsv.MAX_BYTES + ENVELOPE,
                  CustomerCsv.MAX_BYTES + ENVELOPE,
                  (int) ENVELOPE));
    }
    UploadedFile file;
    try {
      file = ctx.uploadedFile(FIELD);
    } catch (RuntimeException e) {
      throw Invalid.field(FIELD, "could not be read: " + e.getMessage());
    }
    if (file == null || file.size() == 0) {
      throw Invalid.field(FIELD, "is missing: choose a CSV file to upload");
    }
    if (file.size() > CustomerCsv.MAX_BYTES) {
      throw tooLarge();
    }
    return file;
  }

  private static BadRequest tooLarge() {
    return new BadRequest(
        413,
        "payload_too_large",
        "The file is larger than the limit of "
            + String.format(Locale.ROOT, "%,d", CustomerCsv.MAX_BYTES)
            + " bytes; split it.");
  }
}
