package io.hatrack.discovery.research;

/**
 * A study as someone wrote it, not yet checked: dates as ISO text ({@code 2026-03-14}), status as
 * {@code planned}, {@code running} or {@code done}.
 */
public record StudyDraft(
    String title, String goals, String status, String startsOn, String endsOn) {
  public static StudyDraft of(String title) {
    return new StudyDraft(title, null, null, null, null);
  }
}
