package io.hatrack.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.kernel.Invalid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON shapes of the definition hat's API and how work items become them. */
public final class DefinitionJson {
  private DefinitionJson() {}

  /** A person an item refers to. */
  public record PersonJson(long id, String handle, String name) {}

  /** The item above another. */
  public record ParentJson(long id, String key, String title, String type) {}

  /** The story parts of an item. */
  public record StoryJson(String role, String goal, String benefit) {}

  /** A work item. */
  public record WorkItemJson(
      long id,
      String key,
      String kind,
      String type,
      String title,
      String description,
      String status,
      String statusCategory,
      List<String> nextStatuses,
      PersonJson owner,
      ParentJson parent,
      Double estimate,
      String size,
      double position,
      StoryJson story,
      String acceptance,
      int children,
      long version,
      Instant createdAt,
      Instant updatedAt,
      String url,
      Map<String, JsonNode> fields,
      List<String> tags) {

    /** The same item with the values of its custom fields, by field key, and its tags. */
    public WorkItemJson with(Map<String, JsonNode> values, List<String> itemTags) {
      return new WorkItemJson(
          id,
          key,
          kind,
          type,
          title,
          description,
          status,
          statusCategory,
          nextStatuses,
          owner,
          parent,
          estimate,
          size,
          position,
          story,
          acceptance,
          children,
          version,
          createdAt,
          updatedAt,
          url,
          values,
          itemTags);
    }

    public static WorkItemJson of(WorkItem w, Workflow workflow) {
      return new WorkItemJson(
          w.id(),
          w.key(),
          WorkItemStore.KIND,
          w.type().id(),
          w.title(),
          w.description(),
          w.state().name(),
          w.state().category().id(),
          workflow == null
              ? null
              : workflow.next(w.state()).stream().map(WorkflowState::name).toList(),
          w.owner() == null
              ? null
              : new PersonJson(w.owner().id(), w.owner().handle(), w.owner().name()),
          w.parent() == null
              ? null
              : new ParentJson(
                  w.parent().id(),
                  w.parent().key(),
                  w.parent().title(),
                  w.parent().type() == null ? null : w.parent().type().id()),
          w.estimate(),
          w.size() == null ? null : w.size().id(),
          w.position(),
          new StoryJson(w.storyRole(), w.storyGoal(), w.storyBenefit()),
          w.acceptance(),
          w.children(),
          w.version(),
          w.item().createdAt(),
          w.item().updatedAt(),
          "/i/" + w.key(),
          null,
          null);
    }
  }

  /** Creating a work item: type and title are required; parent is a key, owner a handle. */
  public record WorkItemInput(
      String type,
      String title,
      String description,
      String parent,
      String owner,
      Double estimate,
      String size,
      String status,
      StoryJson story,
      String acceptance,
      List<String> tags,
      Map<String, JsonNode> fields) {
    public NewWorkItem toNew() {
      return new NewWorkItem(
          type,
          title,
          description,
          parent,
          owner,
          estimate,
          size,
          status,
          story == null ? null : story.role(),
          story == null ? null : story.goal(),
          story == null ? null : story.benefit(),
          acceptance,
          tags == null ? List.of() : tags);
    }
  }

  /**
   * The fields a PATCH may carry (for the OpenAPI document); absent fields are kept, null clears.
   */
  public record WorkItemPatch(
      String title,
      String type,
      String description,
      String status,
      String owner,
      String parent,
      Double estimate,
      String size,
      Double position,
      StoryJson story,
      String acceptance,
      Map<String, Object> fields) {}

  /** The custom field values of a PATCH or POST body ({@code fields}), by field key. */
  public static Map<String, JsonNode> fieldValues(JsonNode body) {
    JsonNode fields = body == null ? null : body.get("fields");
    if (fields == null || fields.isNull()) {
      return Map.of();
    }
    if (!fields.isObject()) {
      throw Invalid.field("fields", "must be an object of field keys and values");
    }
    Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
    fields.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
    return values;
  }

  private static final Set<String> PATCH_FIELDS =
      Set.of(
          "title",
          "type",
          "description",
          "status",
          "owner",
          "parent",
          "estimate",
          "size",
          "position",
          "story",
          "acceptance",
          "fields");

  /** Reads a PATCH body, telling absent fields (kept) from null ones (cleared). */
  public static WorkItemChanges changes(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw Invalid.field("body", "must be a JSON object");
    }
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!PATCH_FIELDS.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw Invalid.field(unknown.get(0), "is not a field of a work item");
    }
    JsonNode story = body.get("story");
    if (story != null && !story.isNull() && !story.isObject()) {
      throw Invalid.field("story", "must be an object with role, goal and benefit");
    }
    return new WorkItemChanges(
        text(body, "title"),
        text(body, "type"),
        text(body, "description"),
        text(body, "status"),
        text(body, "owner"),
        text(body, "parent"),
        number(body, "estimate"),
        text(body, "size"),
        number(body, "position"),
        story == null ? Patch.keep() : text(story, "role"),
        story == null ? Patch.keep() : text(story, "goal"),
        story == null ? Patch.keep() : text(story, "benefit"),
        text(body, "acceptance"));
  }

  private static Patch<String> text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null) {
      return Patch.keep();
    }
    if (value.isNull()) {
      return Patch.of(null);
    }
    if (!value.isTextual()) {
      throw Invalid.field(field, "must be a string");
    }
    return Patch.of(value.textValue());
  }

  private static Patch<Double> number(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null) {
      return Patch.keep();
    }
    if (value.isNull()) {
      return Patch.of(null);
    }
    if (!value.isNumber()) {
      throw Invalid.field(field, "must be a number");
    }
    return Patch.of(value.doubleValue());
  }

  /** A workflow state. */
  public record StateJson(
      long id, String name, String category, int position, List<String> movesTo) {}

  /** A product's workflow. */
  public record WorkflowJson(List<StateJson> states) {
    public static WorkflowJson of(Workflow w) {
      return new WorkflowJson(
          w.states().stream()
              .map(
                  s ->
                      new StateJson(
                          s.id(),
                          s.name(),
                          s.category().id(),
                          s.position(),
                          w.next(s).stream().map(WorkflowState::name).toList()))
              .toList());
    }
  }

  /** Replacing a workflow. */
  public record WorkflowInput(List<StateInputJson> states) {}

  /** One state of a new workflow; id keeps an existing state (and its items). */
  public record StateInputJson(Long id, String name, String category, List<String> movesTo) {}

  /** The definition settings of a product. */
  public record SettingsJson(String estimateUnit, Double storySizeLimit, long version) {
    public static SettingsJson of(WorkflowStore.Settings s) {
      return new SettingsJson(s.estimateUnit().id(), s.storySizeLimit(), s.version());
    }
  }

  /** Changing the definition settings. */
  public record SettingsInput(String estimateUnit, Double storySizeLimit) {}

  /** A value of a tree: an item and whether it has children to expand. */
  public record TreeNodeJson(WorkItemJson item, boolean expandable) {}

  static Map<String, Object> none() {
    return Map.of();
  }
}
