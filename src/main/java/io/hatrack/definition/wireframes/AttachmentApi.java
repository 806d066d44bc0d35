package io.hatrack.definition.wireframes;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** Images attached to any item, over the API. */
public final class AttachmentApi implements Routes {
  private static final String TAG = "Attachments";

  private final AttachmentService attachments;

  public AttachmentApi(AttachmentService attachments) {
    this.attachments = attachments;
  }

  /** An attached image, without its bytes; {@code content_url} serves them. */
  public record AttachmentJson(
      long id,
      long itemId,
      String name,
      String contentType,
      long sizeBytes,
      Integer width,
      Integer height,
      int version,
      String sha256,
      long createdBy,
      String createdByName,
      Instant createdAt,
      String contentUrl) {
    static AttachmentJson of(Attachment a) {
      return new AttachmentJson(
          a.id(),
          a.itemId(),
          a.name(),
          a.contentType(),
          a.sizeBytes(),
          a.width(),
          a.height(),
          a.version(),
          a.sha256(),
          a.createdBy(),
          a.createdByName(),
          a.createdAt(),
          "/api/v1/attachments/" + a.id() + "/content");
    }
  }

  /** The attachments of an item. */
  public record AttachmentsJson(List<AttachmentJson> items, long total) {}

  @Override
  public void register(Router r) {
    r.post("/api/v1/items/{item}/attachments", this::upload)
        .summary("Attach a PNG, JPEG or SVG image to any item (editors)")
        .description(
            "Send multipart/form-data with the image in the field file. The type is read from"
                + " the content, never from the name or the declared type; a name whose extension"
                + " says another type is refused (400, e.g. \"photo.png is a JPEG image\"). At most"
                + " 5 MB (413 above). SVGs are sanitised. The same name again on the same item"
                + " adds the next version; older versions stay.")
        .tag(TAG)
        .returns(201, AttachmentJson.class);
    r.get("/api/v1/items/{item}/attachments", this::list)
        .summary("The images attached to an item: the newest version of each name")
        .tag(TAG)
        .query("versions", "all: every version, by name and newest first")
        .returns(200, AttachmentsJson.class);
    r.get("/api/v1/attachments/{id}", this::get)
        .summary("An attached image's description")
        .tag(TAG)
        .returns(200, AttachmentJson.class);
    r.get("/api/v1/attachments/{id}/content", this::content)
        .summary("An attached image's bytes, with its real content type")
        .tag(TAG)
        .returns(200, String.class);
    r.delete("/api/v1/attachments/{id}", this::delete)
        .summary("Delete one version of an attached image (editors)")
        .tag(TAG)
        .noContent();
  }

  private void upload(Context ctx) {
    User user = Requests.user(ctx);
    Uploads.Upload upload = Uploads.read(ctx);
    Attachment a = attachments.upload(user, ctx.pathParam("item"), upload.name(), upload.bytes());
    ctx.header("Location", "/api/v1/attachments/" + a.id());
    ctx.status(201).json(AttachmentJson.of(a));
  }

  private void list(Context ctx) {
    boolean all = "all".equals(ctx.queryParam("versions"));
    List<AttachmentJson> list =
        attachments.list(Requests.user(ctx), ctx.pathParam("item"), all).attachments().stream()
            .map(AttachmentJson::of)
            .toList();
    ctx.json(new AttachmentsJson(list, list.size()));
  }

  private void get(Context ctx) {
    ctx.json(AttachmentJson.of(attachments.get(Requests.user(ctx), Requests.idParam(ctx, "id"))));
  }

  private void content(Context ctx) {
    AttachmentService.Content content =
        attachments.content(Requests.user(ctx), Requests.idParam(ctx, "id"));
    ImageAnswers.send(ctx, content.contentType(), content.bytes(), content.name(), true);
  }

  private void delete(Context ctx) {
    attachments.delete(Requests.user(ctx), Requests.idParam(ctx, "id"));
    ctx.status(204);
  }
}
