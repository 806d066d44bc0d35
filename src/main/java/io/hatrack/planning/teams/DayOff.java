package io.hatrack.planning.teams;

/**
 * Days a team does not work: a team holiday ({@code userId} null) or a member's days off.
 *
 * @param name the member's name, or null for a team holiday
 */
public record DayOff(long id, Long userId, String name, DateRange days, String note) {
  public boolean holiday() {
    return userId == null;
  }
}
