package io.hatrack.delivery.ceremonies;

import io.hatrack.kernel.Invalid;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a retrospective's board is laid out: its columns, or the facilitator's own (custom). */
public enum RetroFormat {
  START_STOP_CONTINUE(
      "start_stop_continue", "Start / Stop / Continue", List.of("Start", "Stop", "Continue")),
  MAD_SAD_GLAD("mad_sad_glad", "Mad / Sad / Glad", List.of("Mad", "Sad", "Glad")),
  FOUR_LS("four_ls", "4Ls", List.of("Liked", "Learned", "Lacked", "Longed for")),
  CUSTOM("custom", "Custom", List.of());

  private final String id;
  private final String label;
  private final List<String> columns;

  RetroFormat(String id, String label, List<String> columns) {
    this.id = id;
    this.label = label;
    this.columns = columns;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** The format's columns; empty for custom, whose columns the facilitator names. */
  public List<String> columns() {
    return columns;
  }

  public static String ids() {
    return Arrays.stream(values()).map(RetroFormat::id).collect(Collectors.joining(", "));
  }

  /** The format {@code value} names (its id, or "4ls"), or an {@link Invalid} on {@code field}. */
  public static RetroFormat parse(String field, String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    if (v.isEmpty()) {
      return START_STOP_CONTINUE;
    }
    if (v.equals("4ls")) {
      return FOUR_LS;
    }
    return Arrays.stream(values())
        .filter(f -> f.id.equals(v))
        .findFirst()
        .orElseThrow(() -> Invalid.field(field, "must be one of " + ids()));
  }
}
