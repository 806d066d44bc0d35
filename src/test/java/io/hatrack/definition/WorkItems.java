package io.hatrack.definition;

import static io.hatrack.testing.Fixtures.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.User;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.TestApp;
import java.util.List;
import java.util.Map;

/** What the work-item tests share: the services, small factories and partial updates. */
final class WorkItems {
  private WorkItems() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  static WorkItemService items(TestApp app) {
    return app.app().definition().workItems();
  }

  static WorkflowService workflows(TestApp app) {
    return app.app().definition().workflows();
  }

  /** The tables creating or changing a work item writes to, with their row counts. */
  static Map<String, Long> footprint(TestApp app) {
    return Map.of(
        "entity", app.count("entity"),
        "work_item", app.count("work_item"),
        "watcher", app.count("watcher"),
        "activity", app.count("activity"),
        "notification", app.count("notification"));
  }

  static WorkItem create(TestApp app, Team team, String type, String title) {
    return items(app).create(team.owner(), team.product().slug(), NewWorkItem.of(type, title));
  }

  static WorkItem create(TestApp app, Team team, String type, String title, WorkItem parent) {
    return items(app)
        .create(
            team.owner(),
            team.product().slug(),
            NewWorkItem.of(type, title).withParent(parent.key()));
  }

  /** A new item with every optional field that tests vary. */
  static NewWorkItem draft(
      String type,
      String title,
      String description,
      String owner,
      Double estimate,
      String size,
      String status) {
    return new NewWorkItem(
        type,
        title,
        description,
        null,
        owner,
        estimate,
        size,
        status,
        null,
        null,
        null,
        null,
        List.of());
  }

  static NewWorkItem estimated(String type, String title, Double estimate, String size) {
    return draft(type, title, null, null, estimate, size, null);
  }

  static WorkItemChanges size(String value) {
    WorkItemChanges c = WorkItemChanges.none();
    return new WorkItemChanges(
        c.title(),
        c.type(),
        c.description(),
        c.status(),
        c.owner(),
        c.parent(),
        c.estimate(),
        Patch.of(value),
        c.position(),
        c.storyRole(),
        c.storyGoal(),
        c.storyBenefit(),
        c.acceptance());
  }

  static WorkItemChanges type(String value) {
    WorkItemChanges c = WorkItemChanges.none();
    return new WorkItemChanges(
        c.title(),
        Patch.of(value),
        c.description(),
        c.status(),
        c.owner(),
        c.parent(),
        c.estimate(),
        c.size(),
        c.position(),
        c.storyRole(),
        c.storyGoal(),
        c.storyBenefit(),
        c.acceptance());
  }

  static WorkItemChanges description(String value) {
    WorkItemChanges c = WorkItemChanges.none();
    return new WorkItemChanges(
        c.title(),
        c.type(),
        Patch.of(value),
        c.status(),
        c.owner(),
        c.parent(),
        c.estimate(),
        c.size(),
        c.position(),
        c.storyRole(),
        c.storyGoal(),
        c.storyBenefit(),
        c.acceptance());
  }

  static WorkItem read(TestApp app, User actor, WorkItem item) {
    return items(app).get(actor, item.key()).item();
  }

  static WorkflowStore.Settings useUnit(TestApp app, Team team, String unit) {
    WorkflowStore.Settings now = workflows(app).settings(team.owner(), team.product().slug());
    return workflows(app)
        .updateSettings(team.owner(), team.product().slug(), now.version(), unit, null);
  }

  static List<String> keys(List<WorkItem> items) {
    return items.stream().map(WorkItem::key).toList();
  }

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
