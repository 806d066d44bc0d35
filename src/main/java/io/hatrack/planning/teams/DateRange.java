package io.hatrack.planning.teams;

import io.hatrack.kernel.Invalid;
import java.time.LocalDate;

/** Days from {@code first} to {@code last}, both included. */
public record DateRange(LocalDate first, LocalDate last) {
  public DateRange {
    if (first == null || last == null) {
      throw Invalid.field("first_day", "both the first and the last day are needed");
    }
    if (last.isBefore(first)) {
      throw Invalid.field("last_day", "must not be before the first day");
    }
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }
}
