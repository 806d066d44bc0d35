package io.hatrack.definition.query;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/** How a saved view shows its items: a list (table), a board (columns), or the hierarchy tree. */
public enum ViewLayout {
  LIST,
  BOARD,
  TREE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an API or form value; {@code field} names the input in the error. */
  public static ViewLayout parse(String field, String value) {
    for (ViewLayout layout : values()) {
      if (layout.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return layout;
      }
    }
    throw Invalid.field(field, "must be list, board or tree");
  }
}
