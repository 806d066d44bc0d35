package io.hatrack.delivery.ceremonies;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A blocker raised in a member's stand-up entry on {@code day}; open until someone resolves it.
 *
 * @param resolvedBy who resolved it, or null while open (or when that person left)
 */
public record Blocker(
    long id,
    long entryId,
    long userId,
    String author,
    LocalDate day,
    String text,
    Instant resolvedAt,
    Long resolvedBy,
    String resolvedByName,
    long version) {

  public boolean open() {
    return resolvedAt == null;
  }

  /** The day it was resolved (UTC), or null while open. */
  public LocalDate resolvedOn() {
    return resolvedAt == null ? null : LocalDate.ofInstant(resolvedAt, ZoneOffset.UTC);
  }

  /** Whether the stand-up of {@code on} shows it: raised by then and not resolved before. */
  public boolean shownOn(LocalDate on) {
    return !day.isAfter(on) && (open() || !resolvedOn().isBefore(on));
  }

  /** Whether it was still open at the end of {@code on}'s stand-up day. */
  public boolean openOn(LocalDate on) {
    return !day.isAfter(on) && (open() || resolvedOn().isAfter(on));
  }

  /** Its age in days on {@code on}: 0 on the day it was raised. */
  public long ageOn(LocalDate on) {
    return ChronoUnit.DAYS.between(day, on);
  }
}
