package io.hatrack.kernel.jobs;

import java.time.Instant;

/**
 * A snapshot of one background job: what it is, whose it is, how far it got and, once finished, its
 * result (a report the work returned) or its error.
 *
 * @param id the job's random id, as {@code /api/v1/jobs/{id}} names it
 * @param kind what sort of work, e.g. {@code feedback-import}
 * @param title what it does in words, e.g. {@code Import feedback.csv into Checkout}
 * @param ownerId the user who started it
 * @param workspaceId the workspace it works in (whose admins may look at it too), or null
 * @param phase the phase the work is in, e.g. {@code checking}
 * @param done steps of the phase done
 * @param total steps of the phase (0 when unknown)
 * @param result the report, when finished with one (also for some failures), or null
 * @param error why it failed, or null
 * @param doneUrl the page that shows the result, for the progress fragment to go to, or null
 */
public record Job(
    String id,
    String kind,
    String title,
    long ownerId,
    Long workspaceId,
    JobStatus status,
    String phase,
    long done,
    long total,
    Instant startedAt,
    Instant finishedAt,
    Object result,
    String error,
    String doneUrl) {

  /** How far the phase is, 0 to 100 (0 when the total is not known yet). */
  public int percent() {
    if (status == JobStatus.SUCCEEDED) {
      return 100;
    }
    if (total <= 0) {
      return 0;
    }
    return (int) Math.min(100, done * 100 / total);
  }

  public boolean finished() {
    return status.finished();
  }
}
