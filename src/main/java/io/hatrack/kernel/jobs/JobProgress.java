package io.hatrack.kernel.jobs;

/**
 * What a job's work tells the people waiting for it: the phase it is in (e.g. {@code checking},
 * {@code saving}) and how far along that phase it is. Calls are cheap and may come from the job's
 * thread as often as every row.
 */
public interface JobProgress {
  /** A new phase of {@code total} steps (0 when unknown), none done yet. */
  void phase(String name, long total);

  /** {@code steps} more steps of the phase are done. */
  void advance(long steps);

  /** Progress that goes nowhere: for work run without a job (tests, a dry run in a request). */
  JobProgress NONE =
      new JobProgress() {
        @Override
        public void phase(String name, long total) {}

        @Override
        public void advance(long steps) {}
      };
}
