package io.hatrack.delivery.imports.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The date formats Jira writes into a CSV export, which follow the exporting user's profile: the
 * default {@code 12/Mar/24 3:45 PM}, a German {@code 12.03.24 15:45}, an American {@code 03/12/24
 * 3:45 PM}, ISO {@code 2024-03-12 15:45}, and the like. A file uses one; {@link #detect} finds it
 * from the file's own dates (the first that reads every sample), so a day-first file is not read
 * month-first. A date without a zone is in the importer's time zone. No I/O.
 */
public final class JiraDates {
  /** One format: its pattern as people read it, and the formatter. */
  public record Format(String pattern, DateTimeFormatter formatter) {
    /** The moment {@code value} names in this format, or empty. */
    public Optional<Instant> parse(String value, ZoneId zone) {
      String v = value == null ? "" : value.strip();
      if (v.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDateTime.parse(v, formatter).atZone(zone).toInstant());
      } catch (DateTimeException e) {
        return iso(v, zone);
      }
    }
  }

  /** The formats tried, in order: the more telling first. */
  public static final List<Format> FORMATS =
      List.of(
          format("dd/MMM/yy h:mm a", "d/MMM/yy h:mm a", Locale.ENGLISH),
          format("dd/MMM/yy HH:mm", "d/MMM/yy H:mm", Locale.ENGLISH),
          format("dd/MMM/yyyy h:mm a", "d/MMM/yyyy h:mm a", Locale.ENGLISH),
          format("yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm[:ss]", Locale.ROOT),
          format("dd.MM.yy HH:mm", "d.M.yy H:mm", Locale.ROOT),
          format("dd.MM.yyyy HH:mm", "d.M.yyyy H:mm", Locale.ROOT),
          format("MM/dd/yy h:mm a", "M/d/yy h:mm a", Locale.ENGLISH),
          format("MM/dd/yyyy h:mm a", "M/d/yyyy h:mm a", Locale.ENGLISH),
          format("dd/MM/yy HH:mm", "d/M/yy H:mm", Locale.ROOT),
          format("dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", Locale.ROOT),
          format("MM/dd/yy HH:mm", "M/d/yy H:mm", Locale.ROOT),
          format("dd-MM-yyyy HH:mm", "d-M-yyyy H:mm", Locale.ROOT));

  private JiraDates() {}

  private static Format format(String shown, String pattern, Locale locale) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
    if (pattern.contains("yyyy")) {
      b.appendPattern(pattern.replace("yyyy", "uuuu"));
    } else {
      int at = pattern.indexOf("yy");
      b.appendPattern(pattern.substring(0, at))
          .appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
          .appendPattern(pattern.substring(at + 2));
    }
    return new Format(shown, b.toFormatter(locale).withResolverStyle(ResolverStyle.STRICT));
  }

  /** What {@link #detect} found: the format, and the others that read the samples as well. */
  public record Detected(Format format, List<String> alsoFits) {}

  /**
   * The first format that reads every sample (blank ones are left out); empty when there are no
   * samples or none reads them all.
   */
  public static Optional<Detected> detect(List<String> samples) {
    List<String> values = samples.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (values.isEmpty()) {
      return Optional.empty();
    }
    Format found = null;
    List<String> also = new ArrayList<>();
    for (Format f : FORMATS) {
      boolean all = true;
      for (String v : values) {
        if (!reads(f, v)) {
          all = false;
          break;
        }
      }
      if (all) {
        if (found == null) {
          found = f;
        } else {
          also.add(f.pattern());
        }
      }
    }
    return found == null ? Optional.empty() : Optional.of(new Detected(found, also));
  }

  private static boolean reads(Format f, String v) {
    try {
      LocalDateTime.parse(v, f.formatter());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Optional<Instant> iso(String v, ZoneId zone) {
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      // not ISO with an offset
    }
    try {
      return Optional.of(LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
