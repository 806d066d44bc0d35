package io.hatrack.discovery.feedback.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the dates of an imported file are written. ISO 8601 ({@code 2025-03-04}, {@code
 * 2025-03-04T09:30:00Z}, {@code 2025-03-04 09:30}) is always understood; day-first and month-first
 * dates ({@code 04/03/2025}) only when the importer says which they are, because {@code 04/03} is
 * the 4th of March in one country and the 3rd of April in another. Dates and times without an
 * offset are in the importer's time zone.
 */
public enum DateFormat {
  ISO("iso", "ISO 8601: 2025-03-04 or 2025-03-04T09:30:00Z"),
  DAY_MONTH_YEAR("dd/MM/yyyy", "day first: 04/03/2025 is the 4th of March"),
  MONTH_DAY_YEAR("MM/dd/yyyy", "month first: 03/04/2025 is the 4th of March"),
  DAY_MONTH_YEAR_DOTS("dd.MM.yyyy", "day first with dots: 04.03.2025");

  private static final Pattern SLASHED =
      Pattern.compile("^(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})([ T].*)?$");

  private final String id;
  private final String description;

  DateFormat(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** The format named {@code id} (e.g. {@code dd/MM/yyyy}); null or blank means ISO only. */
  public static Optional<DateFormat> byId(String id) {
    if (id == null || id.isBlank()) {
      return Optional.of(ISO);
    }
    for (DateFormat f : values()) {
      if (f.id.equalsIgnoreCase(id.strip()) || f.name().equalsIgnoreCase(id.strip())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public static String ids() {
    return String.join(", ", List.of(values()).stream().map(DateFormat::id).toList());
  }

  /** The moment a value names; an {@link IllegalArgumentException} says why it names none. */
  public Instant parse(String value, ZoneId zone) {
    String v = value.strip();
    Optional<Instant> iso = iso(v, zone);
    if (iso.isPresent()) {
      return iso.get();
    }
    var m = SLASHED.matcher(v);
    if (m.matches()) {
      if (this == ISO) {
        throw new IllegalArgumentException(
            "\""
                + v
                + "\" could be day/month or month/day: choose the date format (dd/MM/yyyy or"
                + " MM/dd/yyyy)");
      }
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      int year = Integer.parseInt(m.group(3));
      int day = this == MONTH_DAY_YEAR ? b : a;
      int month = this == MONTH_DAY_YEAR ? a : b;
      try {
        LocalDate date = LocalDate.of(year, month, day);
        String rest = m.group(4) == null ? "" : m.group(4).strip();
        if (rest.isEmpty()) {
          return date.atStartOfDay(zone).toInstant();
        }
        return date.atTime(java.time.LocalTime.parse(rest)).atZone(zone).toInstant();
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "\"" + v + "\" is not a date in the format " + id + " (" + description + ")");
      }
    }
    throw new IllegalArgumentException(
        "\""
            + v
            + "\" is not a date Hatrack reads; write 2025-03-04 or 2025-03-04T09:30:00Z, or choose"
            + " one of the formats "
            + ids());
  }

  private static Optional<Instant> iso(String v, ZoneId zone) {
    String t =
        v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + "T" + v.substring(11) : v;
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // not with an offset
    }
    try {
      return Optional.of(Instant.parse(t));
    } catch (DateTimeParseException e) {
      // not UTC with Z
    }
    try {
      return Optional.of(LocalDateTime.parse(t).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      return Optional.of(
          LocalDate.parse(
                  t,
                  DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
                      .withResolverStyle(ResolverStyle.STRICT))
              .atStartOfDay(zone)
              .toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
