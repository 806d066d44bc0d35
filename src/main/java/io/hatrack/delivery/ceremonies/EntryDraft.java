package io.hatrack.delivery.ceremonies;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-up entry as written, before it is checked.
 *
 * @param blockers one blocker a string; blank ones are dropped
 */
public record EntryDraft(String yesterday, String today, List<String> blockers) {
  public EntryDraft {
    yesterday = yesterday == null ? "" : yesterday.strip();
    today = today == null ? "" : today.strip();
    List<String> clean = new ArrayList<>();
    if (blockers != null) {
      for (String b : blockers) {
        if (b != null && !b.isBlank() && !clean.contains(b.strip())) {
          clean.add(b.strip());
        }
      }
    }
    blockers = List.copyOf(clean);
  }

  /** Blockers from a text area: one a line. */
  public static List<String> lines(String text) {
    return text == null ? List.of() : List.of(text.split("\\R"));
  }

  public boolean empty() {
    return yesterday.isEmpty() && today.isEmpty() && blockers.isEmpty();
  }
}
