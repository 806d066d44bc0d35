package io.hatrack.discovery.feedback;

import java.util.List;

/** How much a customer said a need matters to them: 0 to 3, in words. */
public final class Importance {
  public static final int MIN = 0;
  public static final int MAX = 3;

  /** The words for 0, 1, 2 and 3. */
  public static final List<String> LABELS =
      List.of("not important", "nice to have", "important", "critical");

  private Importance() {}

  public static String label(int importance) {
    return LABELS.get(importance);
  }
}
