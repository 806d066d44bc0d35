package io.hatrack.kernel.jobs;

import java.util.Locale;

/** Where a background job is: still at work, or finished one way or the other. */
public enum JobStatus {
  /** Waiting for a worker or working; its progress moves. */
  RUNNING,
  /** Finished; its result is the report. */
  SUCCEEDED,
  /** Finished without doing its work: the error says why, and a report may say more. */
  FAILED;

  /** The lowercase name used in the API, e.g. {@code running}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean finished() {
    return this != RUNNING;
  }
}
