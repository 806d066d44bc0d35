package io.hatrack.discovery.feedback.imports;

import java.util.Locale;
import java.util.Optional;

/** The kinds of file the feedback import reads. */
public enum FileFormat {
  /** RFC 4180 CSV, UTF-8, a header row. */
  CSV,
  /** A JSON array of objects, or an object with such an array under {@code feedback}. */
  JSON;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code id} ({@code csv} or {@code json}). */
  public static Optional<FileFormat> byId(String id) {
    for (FileFormat f : values()) {
      if (f.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The format a file name suggests: JSON for {@code .json}, CSV otherwise. */
  public static FileFormat ofFileName(String name) {
    return name != null && name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : CSV;
  }
}
