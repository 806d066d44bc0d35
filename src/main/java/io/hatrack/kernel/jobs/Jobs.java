package io.hatrack.kernel.jobs;

import io.hatrack.kernel.HatrackException;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.RateLimited;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long work (imports and the like) run in the background on a small pool of threads, with progress
 * that the people waiting can watch. A job belongs to the user who started it; the admins and
 * owners of its workspace may look at it too, nobody else.
 *
 * <p>Jobs live in this process's memory only: a finished job is kept for {@link #keep()} (an hour
 * by default) so that its report can be read, then forgotten; a restart forgets them all. Work that
 * must survive a restart keeps its own state in the database; a job only reports on it.
 */
public final class Jobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Jobs.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How many jobs one user may have running (or waiting) at once. */
  public static final int MAX_RUNNING_PER_OWNER = 3;

  /** How many finished jobs are kept at most, however young. */
  static final int MAX_FINISHED = 500;

  private final WorkspaceService workspaces;
  private final Clock clock;
  private final Duration keep;
  private final ExecutorService executor;
  private final Map<String, Entry> jobs = new ConcurrentHashMap<>();

  /** What a new job is, and whom it is for. */
  public record Spec(User owner, Long workspaceId, String kind, String title, String doneUrl) {}

  /**
   * @param threads how many jobs run at once; the others wait their turn
   * @param keep how long a finished job stays readable
   */
  public Jobs(WorkspaceService workspaces, Clock clock, int threads, Duration keep) {
    this.workspaces = workspaces;
    this.clock = clock;
    this.keep = keep;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "hatrack-job-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Two workers, finished jobs kept for an hour. */
  public static Jobs standard(WorkspaceService workspaces, Clock clock) {
    return new Jobs(workspaces, clock, 2, Duration.ofHours(1));
  }

  public Duration keep() {
    return keep;
  }

  /**
   * Starts {@code work} in the background and answers at once with the running job. The work
   * returns its report (the job succeeds), or throws {@link JobFailed} with one (the job fails with
   * the report), or throws anything else (the job fails with the message of a Hatrack exception, or
   * a generic one for a bug, which is logged). A {@code "{id}"} in the spec's {@code doneUrl}
   * becomes the job's id.
   */
  public Job submit(Spec spec, Function<JobProgress, Object> work) {
    forgetOld();
    long running =
        jobs.values().stream()
            .filter(e -> e.ownerId == spec.owner().id() && !e.status.finished())
            .count();
    if (running >= MAX_RUNNING_PER_OWNER) {
      throw new RateLimited(
          "You have " + running + " jobs running already; wait until one of them is finished.",
          Duration.ofSeconds(10));
    }
    String id = newId();
    String doneUrl = spec.doneUrl() == null ? null : spec.doneUrl().replace("{id}", id);
    Entry entry = new Entry(id, spec, doneUrl, clock.instant());
    jobs.put(id, entry);
    executor.execute(() -> run(entry, work));
    return entry.snapshot();
  }

  private void run(Entry entry, Function<JobProgress, Object> work) {
    try {
      Object result = work.apply(entry);
      entry.finish(JobStatus.SUCCEEDED, result, null, clock.instant());
    } catch (JobFailed e) {
      entry.finish(JobStatus.FAILED, e.report(), e.getMessage(), clock.instant());
    } catch (HatrackException e) {
      entry.finish(JobStatus.FAILED, null, e.getMessage(), clock.instant());
    } catch (RuntimeException e) {
      log.error("job {} ({}) failed", entry.id, entry.kind, e);
      entry.finish(
          JobStatus.FAILED,
          null,
          "The job stopped because of an error in Hatrack (it is in the server's log).",
          clock.instant());
    }
  }

  /**
   * A job as {@code viewer} may see it: their own, or any of a workspace they are an admin or owner
   * of; {@link NotFound} otherwise (also once a finished job has been forgotten).
   */
  public Job get(User viewer, String id) {
    forgetOld();
    Entry entry = id == null ? null : jobs.get(id);
    if (entry == null || !maySee(viewer, entry)) {
      throw new NotFound("job");
    }
    return entry.snapshot();
  }

  private boolean maySee(User viewer, Entry entry) {
    if (entry.ownerId == viewer.id()) {
      return true;
    }
    if (entry.workspaceId == null) {
      return false;
    }
    try {
      WorkspaceAccess ws = workspaces.access(viewer, Long.toString(entry.workspaceId));
      return ws.can(Role.ADMIN);
    } catch (NotFound e) {
      return false;
    }
  }

  /**
   * Waits until the job is finished (or {@code timeout} passes) and answers its state then; for the
   * command line and tests, which have nothing better to do.
   */
  public Job await(String id, Duration timeout) {
    Entry entry = jobs.get(id);
    if (entry == null) {
      throw new NotFound("job");
    }
    try {
      entry.finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return entry.snapshot();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    return entry.snapshot();
  }

  /** Forgets finished jobs older than {@link #keep()}, and the oldest beyond the most kept. */
  private void forgetOld() {
    Instant before = clock.instant().minus(keep);
    jobs.values()
        .removeIf(
            e -> e.status.finished() && e.finishedAt != null && e.finishedAt.isBefore(before));
    List<Entry> finished =
        jobs.values().stream()
            .filter(e -> e.status.finished())
            .sorted(Comparator.comparing((Entry e) -> e.finishedAt))
            .toList();
    for (int i = 0; i < finished.size() - MAX_FINISHED; i++) {
      jobs.remove(finished.get(i).id);
    }
  }

  private static String newId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Stops the workers; running jobs are interrupted and their transactions roll back. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("background jobs did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A job as it runs: its progress is written by its worker and read by anyone. */
  private static final class Entry implements JobProgress {
    final String id;
    final String kind;
    final String title;
    final long ownerId;
    final Long workspaceId;
    final String doneUrl;
    final Instant startedAt;
    final CompletableFuture<Void> finished = new CompletableFuture<>();
    volatile JobStatus status = JobStatus.RUNNING;
    volatile String phase = "waiting";
    volatile long done;
    volatile long total;
    volatile Instant finishedAt;
    volatile Object result;
    volatile String error;

    Entry(String id, Spec spec, String doneUrl, Instant startedAt) {
      this.id = id;
      this.kind = spec.kind();
      this.title = spec.title();
      this.ownerId = spec.owner().id();
      this.workspaceId = spec.workspaceId();
      this.doneUrl = doneUrl;
      this.startedAt = startedAt;
    }

    @Override
    public synchronized void phase(String name, long steps) {
      this.phase = name;
      this.total = Math.max(0, steps);
      this.done = 0;
    }

    @Override
    public synchronized void advance(long steps) {
      this.done += steps;
    }

    synchronized void finish(JobStatus outcome, Object report, String why, Instant at) {
      this.result = report;
      this.error = why;
      this.finishedAt = at;
      this.phase = outcome == JobStatus.SUCCEEDED ? "done" : "failed";
      this.status = outcome;
      finished.complete(null);
    }

    synchronized Job snapshot() {
      return new Job(
          id,
          kind,
          title,
          ownerId,
          workspaceId,
          status,
          phase,
          done,
          total,
          startedAt,
          finishedAt,
          result,
          error,
          doneUrl);
    }
  }
}
