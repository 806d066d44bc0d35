package io.hatrack.discovery.research;

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

/**
 * Reads an uploaded transcript from a request: a multipart form's field {@code file}, or the whole
 * body (its name from {@code ?name=}, else from its content type). Files over {@link
 * TranscriptParser#MAX_BYTES} are refused with 413 before more than the limit is read.
 */
final class TranscriptUpload {
  /** The form field of the file. */
  static final String FIELD = "file";

  /** Room for the multipart envelope around the file. */
  private static final long ENVELOPE = 64 * 1024;

  private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

  /** A file as the client sent it: its name (perhaps null) and bytes. */
  record Upload(String name, byte[] bytes) {}

  private TranscriptUpload() {}

  static Upload read(Context ctx) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    long declared = ctx.req().getContentLengthLong();
    if (type.startsWith("multipart/form-data")) {
      if (declared > TranscriptParser.MAX_BYTES + ENVELOPE) {
        throw tooLarge();
      }
      return multipart(ctx);
    }
    if (declared > TranscriptParser.MAX_BYTES) {
      throw tooLarge();
    }
    byte[] bytes;
    // Read past Javalin's body limit (1 MiB) up to the transcript's own limit.
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = readAtMost(in, TranscriptParser.MAX_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = ctx.queryParam("name");
    if (name == null || name.isBlank()) {
      name =
          type.startsWith("text/vtt")
              ? "transcript.vtt"
              : type.contains("subrip") || type.contains("srt") ? "transcript.srt" : null;
    }
    return new Upload(name, bytes);
  }

  private static Upload multipart(Context ctx) {
    if (ctx.req().getAttribute(JETTY_MULTIPART_CONFIG) == null) {
      ctx.req()
          .setAttribute(
              JETTY_MULTIPART_CONFIG,
              new MultipartConfigElement(
                  System.getProperty("java.io.tmpdir"),
                  TranscriptParser.MAX_BYTES + ENVELOPE,
                  TranscriptParser.MAX_BYTES + ENVELOPE,
                  (int) ENVELOPE));
    }
    UploadedFile file;
    try {
      file = ctx.uploadedFile(FIELD);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("max") && (m.contains("exceed") || m.contains("size"))) {
          throw tooLarge();
        }
      }
      throw Invalid.field("transcript", "could not be read from the form: " + e.getMessage());
    }
    if (file == null || file.size() == 0) {
      throw Invalid.field("transcript", "is missing: choose a transcript file to upload");
    }
    if (file.size() > TranscriptParser.MAX_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = file.content()) {
      return new Upload(file.filename(), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    int n;
    while ((n = in.read(buffer)) > 0) {
      out.write(buffer, 0, n);
      if (out.size() > max) {
        throw tooLarge();
      }
    }
    return out.toByteArray();
  }

  static BadRequest tooLarge() {
    String reason = TranscriptParser.tooLarge();
    return new BadRequest(
        413,
        "payload_too_large",
        Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".");
  }
}
