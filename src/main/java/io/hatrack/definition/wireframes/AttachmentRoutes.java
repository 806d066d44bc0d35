package io.hatrack.definition.wireframes;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.BadRequest;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.javalin.http.Context;

/**
 * Images attached to any item, in the browser: the gallery with its upload form as an htmx fragment
 * ({@code GET /items/{item}/attachments}, which any item page can load), uploading and deleting
 * (htmx answers with the gallery again, a refusal shown in it; without JavaScript they go back to
 * the item), and the images themselves for {@code <img src>}.
 */
public final class AttachmentRoutes implements Routes {
  private final AttachmentService attachments;
  private final Html html;

  public AttachmentRoutes(AttachmentService attachments, Html html) {
    this.attachments = attachments;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage("/items/{item}/attachments", ctx -> gallery(ctx, ctx.pathParam("item"), null));
    r.postPage("/items/{item}/attachments", this::upload);
    r.getPage("/attachments/{id}", this::image);
    r.postPage("/attachments/{id}/delete", this::delete);
  }

  private void gallery(Context ctx, String item, String error) {
    User user = Requests.user(ctx);
    AttachmentService.Gallery gallery = attachments.list(user, item, true);
    Shell shell = html.shells().fragment(ctx);
    html.fragment(
        ctx,
        "definition/wireframes/attachments.jte",
        "shell",
        shell,
        "itemId",
        gallery.access().id(),
        "groups",
        AttachmentGroup.of(gallery.attachments()),
        "canEdit",
        gallery.canEdit(),
        "error",
        error);
  }

  private void upload(Context ctx) {
    User user = Requests.user(ctx);
    String item = ctx.pathParam("item");
    String error = null;
    try {
      Uploads.Upload upload = Uploads.read(ctx);
      Attachment a = attachments.upload(user, item, upload.name(), upload.bytes());
      if (!Requests.isHtmx(ctx)) {
        Flashes.success(
            ctx,
            "Attached " + a.name() + (a.version() > 1 ? " as version " + a.version() : "") + ".");
      }
    } catch (Invalid e) {
      error = e.reasonFor("file").isEmpty() ? e.getMessage() : e.reasonFor("file");
    } catch (BadRequest e) {
      error = e.getMessage();
    }
    answer(ctx, item, error);
  }

  private void delete(Context ctx) {
    User user = Requests.user(ctx);
    long id = Requests.idParam(ctx, "id");
    Attachment a = attachments.get(user, id);
    attachments.delete(user, id);
    if (!Requests.isHtmx(ctx)) {
      Flashes.success(ctx, "Removed " + a.name() + " (version " + a.version() + ").");
    }
    answer(ctx, Long.toString(a.itemId()), null);
  }

  private void answer(Context ctx, String item, String error) {
    if (Requests.isHtmx(ctx)) {
      // A refused upload still answers 200: htmx swaps only successful answers, and the gallery
      // shows the reason in place.
      gallery(ctx, item, error);
      return;
    }
    if (error != null) {
      Flashes.error(ctx, error);
    }
    ctx.redirect("/i/" + item);
  }

  private void image(Context ctx) {
    AttachmentService.Content content =
        attachments.content(Requests.user(ctx), Requests.idParam(ctx, "id"));
    ImageAnswers.send(ctx, content.contentType(), content.bytes(), content.name(), true);
  }
}
