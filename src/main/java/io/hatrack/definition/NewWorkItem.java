package io.hatrack.definition;

import java.util.List;

/**
 * What creating a work item asks for. Only type and title are required; parent and owner are
 * references (a key such as CHK-12, a handle such as @ana), status a state name.
 */
public record NewWorkItem(
    String type,
    String title,
    String description,
    String parent,
    String owner,
    Double estimate,
    String size,
    String status,
    String storyRole,
    String storyGoal,
    String storyBenefit,
    String acceptance,
    List<String> tags) {

  public static NewWorkItem of(String type, String title) {
    return new NewWorkItem(
        type, title, null, null, null, null, null, null, null, null, null, null, List.of());
  }

  public NewWorkItem withParent(String ref) {
    return new NewWorkItem(
        type,
        title,
        description,
        ref,
        owner,
        estimate,
        size,
        status,
        storyRole,
        storyGoal,
        storyBenefit,
        acceptance,
        tags);
  }
}
