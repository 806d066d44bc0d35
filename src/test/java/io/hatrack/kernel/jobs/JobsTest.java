package io.hatrack.kernel.jobs;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.RateLimited;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class JobsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static Jobs.Spec spec(User owner, Team team) {
    return new Jobs.Spec(owner, team.workspace().id(), "test", "Count to three", "/done/{id}");
  }

  @Test
  void aJobReportsItsPhaseAndStepsWhileItRunsAndItsResultWhenItSucceeds(TestApp app)
      throws InterruptedException {
    Team team = team(app);
    Jobs jobs = app.app().jobs();
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);

    Job started =
        jobs.submit(
            spec(team.owner(), team),
            progress -> {
              progress.phase("counting", 4);
              progress.advance(1);
              progress.advance(1);
              halfway.countDown();
              await(goOn);
              progress.advance(2);
              return List.of("one", "two", "three");
            });
    assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
    Job running = jobs.get(team.owner(), started.id());
    goOn.countDown();
    Job finished = jobs.await(started.id(), WAIT);

    assertThat(started.id()).hasSize(24);
    assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.phase()).isEqualTo("counting");
    assertThat(running.done()).isEqualTo(2);
    assertThat(running.total()).isEqualTo(4);
    assertThat(running.percent()).isEqualTo(50);
    assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(finished.result()).isEqualTo(List.of("one", "two", "three"));
    assertThat(finished.finishedAt()).isNotNull();
    assertThat(finished.doneUrl()).isEqualTo("/done/" + started.id());
    assertThat(finished.percent()).isEqualTo(100);
  }

  @Test
  void aJobThatRefusesFailsWithItsReportAndABugFailsWithoutLeakingItsMessage(TestApp app) {
    Team team = team(app);
    Jobs jobs = app.app().jobs();

    Job refused =
        jobs.submit(
            spec(team.owner(), team),
            progress -> {
              throw new JobFailed("line 3: not a date", List.of("line 3"));
            });
    Job broken =
        jobs.submit(
            spec(team.owner(), team),
            progress -> {
              throw new IllegalStateException("secret internals");
            });

    Job r = jobs.await(refused.id(), WAIT);
    Job b = jobs.await(broken.id(), WAIT);
    assertThat(r.status()).isEqualTo(JobStatus.FAILED);
    assertThat(r.error()).isEqualTo("line 3: not a date");
    assertThat(r.result()).isEqualTo(List.of("line 3"));
    assertThat(b.status()).isEqualTo(JobStatus.FAILED);
    assertThat(b.error()).contains("error in Hatrack").doesNotContain("secret");
  }

  @Test
  void onlyTheOwnerAndTheWorkspaceAdminsSeeAJob(TestApp app) {
    Team team = team(app);
    User editor = team.member(app, Role.EDITOR, "edgar");
    User admin = team.member(app, Role.ADMIN, "ada");
    User stranger = Fixtures.user(app, "sam");
    Jobs jobs = app.app().jobs();

    Job job = jobs.submit(spec(editor, team), progress -> "done");
    jobs.await(job.id(), WAIT);

    assertThat(jobs.get(editor, job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(jobs.get(admin, job.id()).result()).isEqualTo("done");
    assertThat(jobs.get(team.owner(), job.id()).ownerId()).isEqualTo(editor.id());
    User otherEditor = team.member(app, Role.EDITOR, "eve");
    assertThatThrownBy(() -> jobs.get(otherEditor, job.id())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> jobs.get(stranger, job.id())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> jobs.get(editor, "no-such-job")).isInstanceOf(NotFound.class);
  }

  @Test
  void aFinishedJobIsForgottenAnHourAfterItFinished(TestApp app) {
    Team team = team(app);
    Jobs jobs = app.app().jobs();
    Job job = jobs.submit(spec(team.owner(), team), progress -> "done");
    jobs.await(job.id(), WAIT);

    app.clock().advance(Duration.ofMinutes(59));
    assertThat(jobs.get(team.owner(), job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    app.clock().advance(Duration.ofMinutes(2));

    assertThatThrownBy(() -> jobs.get(team.owner(), job.id())).isInstanceOf(NotFound.class);
  }

  @Test
  void oneUserRunsAtMostThreeJobsAtOnce(TestApp app) {
    Team team = team(app);
    Jobs jobs = app.app().jobs();
    CountDownLatch release = new CountDownLatch(1);
    List<Job> running =
        List.of(
            jobs.submit(spec(team.owner(), team), p -> await(release)),
            jobs.submit(spec(team.owner(), team), p -> await(release)),
            jobs.submit(spec(team.owner(), team), p -> await(release)));
    try {
      assertThatThrownBy(() -> jobs.submit(spec(team.owner(), team), p -> "fourth"))
          .isInstanceOf(RateLimited.class)
          .hasMessageContaining("3 jobs running");
    } finally {
      release.countDown();
    }
    for (Job j : running) {
      assertThat(jobs.await(j.id(), WAIT).status()).isEqualTo(JobStatus.SUCCEEDED);
    }
    assertThat(jobs.await(jobs.submit(spec(team.owner(), team), p -> "fourth").id(), WAIT).result())
        .isEqualTo("fourth");
  }

  private static String await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "released";
  }
}
