package io.hatrack.discovery.research;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/** The kinds of transcript file a session takes. */
public enum TranscriptFormat {
  TEXT("text", "plain text"),
  VTT("vtt", "WebVTT"),
  SRT("srt", "SubRip (SRT)");

  private final String id;
  private final String label;

  TranscriptFormat(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The value stored and shown in the API: {@code text}, {@code vtt} or {@code srt}. */
  public String id() {
    return id;
  }

  /** How people call it. */
  public String label() {
    return label;
  }

  /** The format named {@code value}, or an {@link Invalid} naming {@code field}. */
  public static TranscriptFormat parse(String field, String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (TranscriptFormat f : values()) {
      if (f.id.equals(v)) {
        return f;
      }
    }
    throw Invalid.field(field, "must be one of text, vtt, srt");
  }
}
