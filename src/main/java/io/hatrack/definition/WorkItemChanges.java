package io.hatrack.definition;

/** A partial update of a work item: every field is kept unless its patch is present. */
public record WorkItemChanges(
    Patch<String> title,
    Patch<String> type,
    Patch<String> description,
    Patch<String> status,
    Patch<String> owner,
    Patch<String> parent,
    Patch<Double> estimate,
    Patch<String> size,
    Patch<Double> position,
    Patch<String> storyRole,
    Patch<String> storyGoal,
    Patch<String> storyBenefit,
    Patch<String> acceptance) {

  /** Changes nothing; start from here with the {@code with...} methods. */
  public static WorkItemChanges none() {
    return new WorkItemChanges(
        Patch.keep(),
        Patch.keep(),
        Patch.keep(),
        Patch.keep(),
        Patch.keep(),
        Patch.keep(),
        Patch.keep(),
        Patch.keep(),
        Patch.keep(),
        Patch.keep(),
        Patch.keep(),
        Patch.keep(),
        Patch.keep());
  }

  public WorkItemChanges withStatus(String state) {
    return new WorkItemChanges(
        title,
        type,
        description,
        Patch.of(state),
        owner,
        parent,
        estimate,
        size,
        position,
        storyRole,
        storyGoal,
        storyBenefit,
        acceptance);
  }

  public WorkItemChanges withParent(String ref) {
    return new WorkItemChanges(
        title,
        type,
        description,
        status,
        owner,
        Patch.of(ref),
        estimate,
        size,
        position,
        storyRole,
        storyGoal,
        storyBenefit,
        acceptance);
  }

  public WorkItemChanges withPosition(double rank) {
    return new WorkItemChanges(
        title,
        type,
        description,
        status,
        owner,
        parent,
        estimate,
        size,
        Patch.of(rank),
        storyRole,
        storyGoal,
        storyBenefit,
        acceptance);
  }

  public WorkItemChanges withTitle(String text) {
    return new WorkItemChanges(
        Patch.of(text),
        type,
        description,
        status,
        owner,
        parent,
        estimate,
        size,
        position,
        storyRole,
        storyGoal,
        storyBenefit,
        acceptance);
  }

  public WorkItemChanges withOwner(String ref) {
    return new WorkItemChanges(
        title,
        type,
        description,
        status,
        Patch.of(ref),
        parent,
        estimate,
        size,
        position,
        storyRole,
        storyGoal,
        storyBenefit,
        acceptance);
  }

  public WorkItemChanges withEstimate(Double value) {
    return new WorkItemChanges(
        title,
        type,
        description,
        status,
        owner,
        parent,
        Patch.of(value),
        size,
        position,
        storyRole,
        storyGoal,
        storyBenefit,
        acceptance);
  }
}
