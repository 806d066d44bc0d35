package io.hatrack.discovery.research;

import io.hatrack.kernel.work.Item;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An insight of a product: a quote someone said, what the team makes of it ({@code note},
 * Markdown), and where it came from: the study, the session (and its day), the part of the session
 * ({@code notes} or {@code transcript}), the transcript segment with the quote's offsets in its
 * text and its time, and the participant. Each of those is null when unknown or gone. The title of
 * its item is the quote, shortened.
 */
public record Insight(
    Item item,
    String quote,
    String note,
    Long studyId,
    String studyTitle,
    Long sessionId,
    LocalDate sessionDate,
    String source,
    Integer segment,
    Integer startOffset,
    Integer endOffset,
    Long startMs,
    Long participantId,
    String participantName) {
  public Insight {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(quote, "quote");
    note = note == null ? "" : note;
  }

  public long id() {
    return item.id();
  }

  public String key() {
    return item.key();
  }

  public long version() {
    return item.version();
  }

  /** The time of the quote in the recording, e.g. {@code 4:05}, or empty. */
  public String clock() {
    return startMs == null ? "" : Segment.clock(startMs);
  }
}
