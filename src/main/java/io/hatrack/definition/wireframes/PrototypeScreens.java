package io.hatrack.definition.wireframes;

import io.hatrack.definition.prototypes.ScreenSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The wireframes and attached images of a product as screens of its prototypes: a wireframe shows
 * the drawing of its current version (so the screen follows the wireframe as it changes), an
 * attachment shows its bytes. Reads in the caller's transaction and checks no permission, as {@link
 * ScreenSource} asks.
 */
public final class PrototypeScreens implements ScreenSource {
  /** The most candidates of each kind a picker offers. */
  private static final int MAX_CANDIDATES = 200;

  /** The size given to an SVG image that states none (percentages only, say). */
  private static final int DEFAULT_WIDTH = 800;

  private static final int DEFAULT_HEIGHT = 600;

  private final WireframeService wireframes;
  private final AttachmentService attachments;

  public PrototypeScreens(WireframeService wireframes, AttachmentService attachments) {
    this.wireframes = wireframes;
    this.attachments = attachments;
  }

  @Override
  public Optional<ScreenImage> image(Handle h, String kind, long id) {
    if (WIREFRAME.equals(kind)) {
      return wireframes
          .drawing(h, id)
          .map(d -> new ScreenImage("image/svg+xml", d.svg(), d.width(), d.height()));
    }
    if (ATTACHMENT.equals(kind)) {
      return attachments
          .describe(h, id)
          .flatMap(
              a ->
                  attachments
                      .content(h, id)
                      .map(
                          c ->
                              new ScreenImage(
                                  c.contentType(),
                                  c.bytes(),
                                  a.width() == null ? DEFAULT_WIDTH : Math.max(1, a.width()),
                                  a.height() == null ? DEFAULT_HEIGHT : Math.max(1, a.height()))));
    }
    return Optional.empty();
  }

  @Override
  public List<ScreenCandidate> candidates(Handle h, long productId) {
    List<ScreenCandidate> list = new ArrayList<>();
    for (WireframeSummary w : wireframes.inProduct(h, productId, MAX_CANDIDATES)) {
      list.add(
          new ScreenCandidate(
              WIREFRAME, w.item().id(), w.item().key() + " " + w.item().title() + " (wireframe)"));
    }
    for (Attachment a : attachments.inProduct(h, productId, MAX_CANDIDATES)) {
      list.add(
          new ScreenCandidate(
              ATTACHMENT,
              a.id(),
              a.name() + (a.version() > 1 ? " (image, version " + a.version() + ")" : " (image)")));
    }
    return list;
  }
}
