package io.hatrack.definition.prototypes;

import io.hatrack.kernel.Invalid;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a screen's image comes from. */
public enum ScreenKind {
  /** An image uploaded to the prototype itself; its bytes are kept with the screen. */
  IMAGE("image"),
  /** A wireframe of the product, rendered when the screen is shown. */
  WIREFRAME(ScreenSource.WIREFRAME),
  /** An image attached to an item of the product. */
  ATTACHMENT(ScreenSource.ATTACHMENT);

  private final String id;

  ScreenKind(String id) {
    this.id = id;
  }

  /** The value stored in {@code prototype_screen.source_kind} and used in the API. */
  public String id() {
    return id;
  }

  /** Whether the screen's image comes from a {@link ScreenSource}. */
  public boolean fromSource() {
    return this != IMAGE;
  }

  /** The kind named {@code text}; an {@link Invalid} naming {@code field} otherwise. */
  public static ScreenKind parse(String field, String text) {
    for (ScreenKind kind : values()) {
      if (kind.id.equals(text)) {
        return kind;
      }
    }
    throw Invalid.field(
        field,
        "must be one of "
            + Arrays.stream(values()).map(ScreenKind::id).collect(Collectors.joining(", ")));
  }
}
