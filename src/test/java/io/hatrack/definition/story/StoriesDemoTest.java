package io.hatrack.definition.story;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemService;
import io.hatrack.definition.story.StoryQuality.Finding;
import io.hatrack.definition.story.StoryQuality.Verdict;
import io.hatrack.kernel.demo.DemoClock;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Link;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class StoriesDemoTest {

  private static StoriesDemo seed(TestApp app) {
    return new StoriesDemo(
        app.app().definition().stories(), app.app().definition().workItems(), app.collaboration());
  }

  /** The demo story on a test team: its owner plays Ana, its product plays Checkout. */
  private static DemoStory story(Team team) {
    return new DemoStory(
        team.workspace(),
        Map.of("ana", team.owner()),
        team.product(),
        team.product(),
        new DemoClock(Instant.parse("2026-01-15T09:00:00Z")));
  }

  private static WorkItem create(
      TestApp app, Team team, String type, String title, WorkItem parent, Double points) {
    NewWorkItem in = NewWorkItem.of(type, title);
    if (parent != null) {
      in = in.withParent(Long.toString(parent.id()));
    }
    in =
        new NewWorkItem(
            in.type(),
            in.title(),
            null,
            in.parent(),
            null,
            points,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of());
    return app.app().definition().workItems().create(team.owner(), team.product().slug(), in);
  }

  @Test
  void theSavedCardStoriesGetTheirPartsAndScenariosAndOneIsLeftImperfect(TestApp app) {
    Team team = team(app);
    WorkItem feature = create(app, team, "feature", "One-click saved cards", null, null);
    WorkItem save = create(app, team, "story", StoriesDemo.SAVE, feature, 3.0);
    WorkItem pay = create(app, team, "story", StoriesDemo.PAY, feature, 2.0);
    WorkItem remove = create(app, team, "story", StoriesDemo.REMOVE, feature, 1.0);

    seed(app).seed(story(team));
    seed(app).seed(story(team));

    WorkItemService items = app.app().definition().workItems();
    for (WorkItem w : List.of(save, pay, remove)) {
      WorkItem after = items.get(team.owner(), Long.toString(w.id())).item();
      assertThat(after.storyRole()).as(w.title()).isNotBlank();
      assertThat(after.storyGoal()).as(w.title()).isNotBlank();
      assertThat(after.storyBenefit()).as(w.title()).isNotBlank();
      assertThat(AcceptanceCriteria.parse(after.acceptance())).as(w.title()).hasSizeBetween(2, 3);
    }
    StoryService stories = app.app().definition().stories();
    List<Finding> payFindings = stories.quality(team.owner(), Long.toString(pay.id())).findings();
    assertThat(payFindings)
        .filteredOn(f -> f.verdict() != Verdict.PASSED)
        .extracting(Finding::criterion, Finding::word, Finding::where)
        .containsExactly(
            tuple("independent", null, null),
            tuple("estimable", null, null),
            tuple("small", null, null),
            tuple("clear", "fast", "the goal"));
    assertThat(items.get(team.owner(), Long.toString(pay.id())).item().estimate()).isNull();
    for (WorkItem w : List.of(save, remove)) {
      assertThat(stories.quality(team.owner(), Long.toString(w.id())).findings())
          .as(w.title())
          .filteredOn(f -> f.verdict() != Verdict.PASSED)
          .extracting(Finding::criterion)
          .containsExactly("small");
    }
    List<Link> links = app.collaboration().links().list(team.owner(), Long.toString(pay.id()));
    assertThat(links)
        .extracting(l -> l.type(), l -> l.outgoing(), l -> l.other().id())
        .containsExactly(tuple("depends-on", true, save.id()));
    assertThat(
            ReferenceGherkin.parse(stories.gherkin(team.owner(), feature.key()).text()).pickles())
        .hasSize(7);
  }

  @Test
  void missingStoriesAreSkippedQuietly(TestApp app) {
    Team team = team(app);
    WorkItem other = create(app, team, "story", "Something else", null, null);

    seed(app).seed(story(team));

    WorkItem after =
        app.app().definition().workItems().get(team.owner(), Long.toString(other.id())).item();
    assertThat(after.version()).isEqualTo(other.version());
    assertThat(app.collaboration().links().list(team.owner(), Long.toString(other.id()))).isEmpty();
  }
}
