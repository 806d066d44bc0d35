package io.hatrack.definition.prototypes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Where prototype screens that are not uploaded to the prototype come from: the product's
 * wireframes and image attachments. The prototypes keep only the kind and id of such a screen and
 * ask this for its image each time it is shown, so that a screen follows its wireframe as it
 * changes.
 *
 * <p>Implementations read inside the caller's transaction and check no permission: the prototype
 * service checks that the reader may see the prototype, and that a screen's source belongs to the
 * prototype's product (it must be one of {@link #candidates}) when the screen is added.
 */
public interface ScreenSource {
  /** The kind of a wireframe screen; its id is the wireframe's entity id. */
  String WIREFRAME = "wireframe";

  /** The kind of an image attachment screen; its id is the attachment's id. */
  String ATTACHMENT = "attachment";

  /** A source with nothing in it, until the wireframes and attachments are wired in. */
  ScreenSource NONE =
      new ScreenSource() {
        @Override
        public Optional<ScreenImage> image(Handle h, String kind, long id) {
          return Optional.empty();
        }

        @Override
        public List<ScreenCandidate> candidates(Handle h, long productId) {
          return List.of();
        }
      };

  /**
   * The image of a wireframe (kind "wireframe", id = wireframe entity id) or an attachment (kind
   * "attachment"), or empty. No permission check.
   */
  Optional<ScreenImage> image(Handle h, String kind, long id);

  /** Lists candidate screens of a product for the picker: wireframes and image attachments. */
  List<ScreenCandidate> candidates(Handle h, long productId);

  /**
   * An image as the browser gets it.
   *
   * @param contentType {@code image/png}, {@code image/jpeg} or {@code image/svg+xml}
   * @param width its width in pixels (for SVG: user units), positive
   * @param height its height, positive
   */
  record ScreenImage(String contentType, byte[] bytes, int width, int height) {
    public ScreenImage {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(bytes, "bytes");
      if (width <= 0 || height <= 0) {
        throw new IllegalArgumentException("an image has a positive width and height");
      }
    }
  }

  /**
   * Something the picker offers as a screen.
   *
   * @param kind {@link #WIREFRAME} or {@link #ATTACHMENT}
   * @param label what the picker shows, e.g. {@code CHK-7 Checkout page (wireframe)}
   */
  record ScreenCandidate(String kind, long id, String label) {
    public ScreenCandidate {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(label, "label");
    }
  }
}
