package io.hatrack.definition.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.demo.DemoClock;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.demo.DemoWorkspace;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class CustomFieldsDemoTest {

  private static DemoStory story(TestApp app) {
    return new DemoWorkspace(app.database(), app.accounts(), app.workspaces(), app.products())
        .create(new DemoClock(app.clock().instant()));
  }

  private static WorkItem item(
      TestApp app, DemoStory story, String type, String title, double est) {
    return app.app()
        .definition()
        .workItems()
        .create(
            story.ana(),
            story.checkout().slug(),
            new NewWorkItem(
                type, title, null, null, null, est, null, null, null, null, null, null, List.of()));
  }

  @Test
  void theDemoGivesCheckoutItsFieldsAndFillsThemOnTheSavedCardsWork(@Fresh TestApp app) {
    DemoStory story = story(app);
    WorkItem feature = item(app, story, "feature", "One-click saved cards", 5);
    WorkItem bug = item(app, story, "bug", "3-D Secure challenge fails on Safari", 2);
    CustomFieldService fields = app.app().definition().fields();

    new CustomFieldsDemo(app.database(), fields, app.products()).seed(story);

    assertThat(fields.fields(story.ana(), story.checkout().slug()))
        .extracting(CustomField::name)
        .containsExactly(
            "Risk", "Customer value", "Confidence", "Value score", "Design ready", "Target date");
    Map<Long, Map<String, FieldValue>> values =
        app.database().read(h -> fields.values(h, List.of(feature.id(), bug.id())));
    assertThat(values.get(feature.id()).get("value_score").number()).isEqualTo(14.4);
    assertThat(values.get(feature.id()).get("risk").display()).isEqualTo("Medium");
    assertThat(values.get(feature.id()).get("design_ready").display()).isEqualTo("Yes");
    assertThat(values.get(feature.id()).get("target_date").text()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(values.get(bug.id()).keySet()).containsExactly("risk");
  }

  @Test
  void missingDemoItemsAreSkippedQuietly(@Fresh TestApp app) {
    DemoStory story = story(app);

    new CustomFieldsDemo(app.database(), app.app().definition().fields(), app.products())
        .seed(story);

    assertThat(app.count("custom_field")).isEqualTo(6);
    assertThat(app.count("custom_value")).isZero();
  }
}
