package io.hatrack.discovery.research;

import java.util.Locale;
import java.util.Objects;

/**
 * One passage of a transcript, in reading order: its times in milliseconds from the start of the
 * recording where the file gave them (null otherwise), its speaker where the file named one, and
 * its text on one line.
 */
public record Segment(int position, Long startMs, Long endMs, String speaker, String text) {
  public Segment {
    Objects.requireNonNull(text, "text");
    if (position < 0) {
      throw new IllegalArgumentException("position must not be negative");
    }
    speaker = speaker == null || speaker.isBlank() ? null : speaker.strip();
  }

  /** This segment at another position. */
  Segment at(int newPosition) {
    return new Segment(newPosition, startMs, endMs, speaker, text);
  }

  /** The start as a clock such as {@code 4:05} or {@code 1:02:03}, or empty without a time. */
  public String startClock() {
    return startMs == null ? "" : clock(startMs);
  }

  /** A time in milliseconds as {@code m:ss} (or {@code h:mm:ss} from an hour on). */
  public static String clock(long ms) {
    long seconds = ms / 1000;
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }
}
