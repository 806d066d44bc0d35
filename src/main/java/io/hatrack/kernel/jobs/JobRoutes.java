package io.hatrack.kernel.jobs;

import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.javalin.http.Context;
import java.time.Instant;

/**
 * A background job over the API ({@code GET /api/v1/jobs/{job}}) and as an htmx fragment that a
 * page includes to show its progress bar ({@code GET /jobs/{job}/progress}): the fragment asks
 * again every second while the job runs and, once it is finished, sends the browser to the job's
 * result page when it has one.
 */
public final class JobRoutes implements Routes {
  /** The template of the progress fragment, for pages that include it directly. */
  public static final String FRAGMENT = "kernel/job-progress.jte";

  private final Jobs jobs;
  private final Html html;

  public JobRoutes(Jobs jobs, Html html) {
    this.jobs = jobs;
    this.html = html;
  }

  /** A job in the API. */
  public record JobJson(
      String id,
      String kind,
      String title,
      String status,
      String phase,
      long done,
      long total,
      int percent,
      long ownerId,
      Long workspaceId,
      Instant startedAt,
      Instant finishedAt,
      String error,
      Object result,
      String url) {
    public static JobJson of(Job job) {
      return new JobJson(
          job.id(),
          job.kind(),
          job.title(),
          job.status().id(),
          job.phase(),
          job.done(),
          job.total(),
          job.percent(),
          job.ownerId(),
          job.workspaceId(),
          job.startedAt(),
          job.finishedAt(),
          job.error(),
          job.result(),
          "/api/v1/jobs/" + job.id());
    }
  }

  @Override
  public void register(Router r) {
    r.get("/api/v1/jobs/{job}", this::get)
        .summary(
            "A background job (an import, ...) with its progress and, when finished, its report")
        .description(
            "status is running, succeeded or failed; while running, phase names the step (e.g."
                + " checking, saving) and done/total count its work. When finished, result holds"
                + " the job's report (a failed import's report lists its problems) and error says"
                + " why a job failed. Only the user who started a job and the admins of its"
                + " workspace may see it. Jobs are kept in the memory of the server that runs them,"
                + " for an hour after they finish; then (or after a restart) this answers 404.")
        .tag("Jobs")
        .returns(200, JobJson.class);
    r.getPage("/jobs/{job}/progress", this::progress);
  }

  private void get(Context ctx) {
    ctx.json(JobJson.of(jobs.get(Requests.user(ctx), ctx.pathParam("job"))));
  }

  private void progress(Context ctx) {
    Job job = jobs.get(Requests.user(ctx), ctx.pathParam("job"));
    if (job.finished() && job.doneUrl() != null && Requests.isHtmx(ctx)) {
      ctx.header("HX-Redirect", job.doneUrl());
    }
    html.fragment(ctx, FRAGMENT, "job", job);
  }
}
