package io.hatrack.kernel.jobs;

/**
 * Thrown by a job's work to finish it as {@link JobStatus#FAILED} with a report, e.g. an import
 * that refused a file: the message is the job's error, the report says what was found.
 */
public final class JobFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Object report;

  public JobFailed(String message, Object report) {
    super(message);
    this.report = report;
  }

  public Object report() {
    return report;
  }
}
