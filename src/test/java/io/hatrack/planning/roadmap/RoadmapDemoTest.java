package io.hatrack.planning.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's roadmap of Checkout (on SQLite: the demo is the same on both databases). */
class RoadmapDemoTest {

  @Test
  void checkoutHasPublicItemsLaterIdeasASnapshotWithChangesAndADependencyWarning() {
    try (TestApp app = TestApp.open(Dialect.SQLITE)) {
      app.app().seedDemoIfEmpty();
      User ana =
          app.sessions()
              .signIn(DemoStory.LOGIN_EMAIL, DemoStory.PASSWORD, "demo-test", null)
              .user();
      Roadmaps roadmaps = app.app().planning().roadmaps();

      RoadmapService.Roadmap r = roadmaps.service().roadmap(ana, "checkout", RoadmapFilter.NONE);

      assertThat(r.entries()).hasSizeGreaterThanOrEqualTo(8);
      assertThat(r.entries())
          .filteredOn(RoadmapEntry::isPublic)
          .extracting(RoadmapEntry::title)
          .contains("One-click saved cards", "Accounting integrations");
      assertThat(r.in(Horizon.LATER))
          .extracting(RoadmapEntry::title)
          // The release plan's demo may schedule some of the story's Later ideas, not all.
          .containsAnyOf(
              "Accounting integrations",
              "Card expiry reminders",
              "Biometric confirmation on mobile web");
      assertThat(r.warnings())
          .extracting(DependencyCheck.Warning::message)
          .anySatisfy(m -> assertThat(m).contains("Payout status notifications"));
      var byTheme =
          roadmaps
              .service()
              .timeline(
                  ana, "checkout", RoadmapFilter.NONE, TimelineLayout.Scale.QUARTER, Lane.THEME);
      assertThat(byTheme.timeline().lanes())
          .extracting(TimelineLayout.Lane::label)
          .contains("No theme")
          .hasSizeGreaterThan(1);
      var byObjective =
          roadmaps
              .service()
              .timeline(
                  ana, "checkout", RoadmapFilter.NONE, TimelineLayout.Scale.MONTH, Lane.OBJECTIVE);
      assertThat(byObjective.timeline().lanes())
          .extracting(TimelineLayout.Lane::label)
          .contains("Grow payment volume 30 % this year");
      List<SnapshotService.Info> snapshots = roadmaps.snapshots().list(ana, "checkout");
      assertThat(snapshots).extracting(SnapshotService.Info::name).contains(RoadmapDemo.SNAPSHOT);
      SnapshotDiff.Result changes =
          roadmaps.snapshots().diff(ana, "checkout", snapshots.get(0).id()).changes();
      assertThat(changes.moved()).extracting(m -> m.after().title()).contains("Next-day payouts");
      assertThat(changes.releaseChanged())
          .extracting(m -> m.after().title())
          .contains("3-D Secure retry");
    }
  }
}
