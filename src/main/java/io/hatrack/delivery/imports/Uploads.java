package io.hatrack.delivery.imports;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.web.BadRequest;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** A file sent to the import, as a form's upload (multipart) or as the request's body. */
final class Uploads {
  /** The form field of the file. */
  static final String FIELD = "file";

  private static final long ENVELOPE = 16 * 1024;
  private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

  /** A file and its name. */
  record Sent(String name, byte[] bytes) {}

  private Uploads() {}

  static boolean multipart(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    return type.startsWith("multipart/form-data");
  }

  /** The uploaded file of a multipart form, read within the limit. */
  static Sent file(Context ctx) {
    if (!multipart(ctx)) {
      throw Invalid.field(FIELD, "must be uploaded with the form (multipart/form-data)");
    }
    prepare(ctx);
    UploadedFile file;
    try {
      file = ctx.uploadedFile(FIELD);
    } catch (RuntimeException e) {
      throw Invalid.field(FIELD, "could not be read: " + e.getMessage());
    }
    if (file == null || file.size() == 0) {
      throw Invalid.field(FIELD, "is missing: choose a file to upload");
    }
    if (file.size() > ItemImport.MAX_UPLOAD) {
      throw tooLarge();
    }
    try (InputStream in = file.content()) {
      return new Sent(file.filename(), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lets the multipart form be read (its fields too) within the limit. */
  static void prepare(Context ctx) {
    if (ctx.req().getContentLengthLong() > ItemImport.MAX_UPLOAD + ENVELOPE) {
      throw tooLarge();
    }
    if (ctx.req().getAttribute(JETTY_MULTIPART_CONFIG) == null) {
      ctx.req()
          .setAttribute(
              JETTY_MULTIPART_CONFIG,
              new MultipartConfigElement(
                  System.getProperty("java.io.tmpdir"),
                  ItemImport.MAX_UPLOAD + ENVELOPE,
                  ItemImport.MAX_UPLOAD + ENVELOPE,
                  (int) ENVELOPE));
    }
  }

  /** The request's body, read within the limit. */
  static byte[] body(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > ItemImport.MAX_UPLOAD) {
      throw tooLarge();
    }
    try (InputStream in = ctx.bodyInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > ItemImport.MAX_UPLOAD) {
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
        String.format(
            Locale.ROOT,
            "The file is larger than the limit of %,d bytes; split it, or import it with the"
                + " command line (hatrack import).",
            ItemImport.MAX_UPLOAD));
  }
}
