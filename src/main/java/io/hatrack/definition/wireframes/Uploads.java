package io.hatrack.definition.wireframes;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.web.BadRequest;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads the one image of a multipart upload (field {@code file}), from the API and from pages. The
 * request is refused with 413 before it is read when it says it is too large, and Jetty is told
 * this request's limits so that it never spools more than that to disk.
 */
final class Uploads {
  /** The form field that carries the image. */
  static final String FIELD = "file";

  /** Room for the multipart envelope and a few small fields around the image. */
  private static final long ENVELOPE = 64 * 1024;

  private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

  /** A file as the client sent it: its name and bytes, not yet recognised. */
  record Upload(String name, byte[] bytes) {}

  private Uploads() {}

  static Upload read(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("multipart/form-data")) {
      throw Invalid.field(
          FIELD, "send the image as multipart/form-data, in a field named " + FIELD);
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > AttachmentService.MAX_BYTES + ENVELOPE) {
      throw tooLarge(AttachmentService.tooLarge("the upload", declared));
    }
    if (ctx.req().getAttribute(JETTY_MULTIPART_CONFIG) == null) {
      ctx.req()
          .setAttribute(
              JETTY_MULTIPART_CONFIG,
              new MultipartConfigElement(
                  System.getProperty("java.io.tmpdir"),
                  AttachmentService.MAX_BYTES + ENVELOPE,
                  AttachmentService.MAX_BYTES + ENVELOPE,
                  (int) ENVELOPE));
    }
    UploadedFile file;
    try {
      file = ctx.uploadedFile(FIELD);
    } catch (Exception e) {
      // Jetty stops reading at the limits above (a body sent without its length) and says so
      // only in the message of a cause: "max length exceeded".
      if (overLimit(e)) {
        throw tooLarge(
            "the upload is larger than the limit of "
                + AttachmentService.MAX_BYTES / (1024 * 1024)
                + " MB");
      }
      throw Invalid.field(FIELD, "could not be read as multipart/form-data: " + e.getMessage());
    }
    if (file == null) {
      throw Invalid.field(
          FIELD, "is missing: send the image in the multipart field named " + FIELD);
    }
    String reason = AttachmentService.tooLarge(file.filename(), file.size());
    if (reason != null) {
      throw tooLarge(reason);
    }
    try (InputStream in = file.content()) {
      return new Upload(file.filename(), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean overLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("max") && (message.contains("exceed") || message.contains("size"))) {
        return true;
      }
    }
    return false;
  }

  private static BadRequest tooLarge(String reason) {
    return new BadRequest(413, "payload_too_large", capitalised(reason) + ".");
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
