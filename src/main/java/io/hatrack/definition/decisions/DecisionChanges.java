package io.hatrack.definition.decisions;

import io.hatrack.definition.Patch;
import java.util.List;

/**
 * A partial update of a decision: every field is kept unless its patch is present. Setting the
 * status away from superseded clears "superseded by", and back to proposed clears the date, unless
 * the change sets them itself.
 */
public record DecisionChanges(
    Patch<String> title,
    Patch<String> context,
    Patch<String> outcome,
    Patch<String> consequences,
    Patch<String> status,
    Patch<String> decidedOn,
    Patch<List<String>> deciders,
    Patch<List<DecisionOption>> options,
    Patch<String> supersededBy) {

  /** Changes nothing. */
  public static DecisionChanges none() {
    return new DecisionChanges(
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

  /** Makes the decision say exactly what {@code draft} says (an edit form's save). */
  public static DecisionChanges replacingWith(DecisionDraft draft) {
    return new DecisionChanges(
        Patch.of(draft.title()),
        Patch.of(draft.context()),
        Patch.of(draft.outcome()),
        Patch.of(draft.consequences()),
        Patch.of(draft.status()),
        Patch.of(draft.decidedOn()),
        Patch.of(draft.deciders()),
        Patch.of(draft.options()),
        Patch.of(draft.supersededBy()));
  }

  public DecisionChanges withTitle(String value) {
    return new DecisionChanges(
        Patch.of(value),
        context,
        outcome,
        consequences,
        status,
        decidedOn,
        deciders,
        options,
        supersededBy);
  }

  public DecisionChanges withStatus(String value) {
    return new DecisionChanges(
        title,
        context,
        outcome,
        consequences,
        Patch.of(value),
        decidedOn,
        deciders,
        options,
        supersededBy);
  }

  public DecisionChanges withDecidedOn(String value) {
    return new DecisionChanges(
        title,
        context,
        outcome,
        consequences,
        status,
        Patch.of(value),
        deciders,
        options,
        supersededBy);
  }

  public DecisionChanges withDeciders(List<String> value) {
    return new DecisionChanges(
        title,
        context,
        outcome,
        consequences,
        status,
        decidedOn,
        Patch.of(value),
        options,
        supersededBy);
  }

  public DecisionChanges withOptions(List<DecisionOption> value) {
    return new DecisionChanges(
        title,
        context,
        outcome,
        consequences,
        status,
        decidedOn,
        deciders,
        Patch.of(value),
        supersededBy);
  }

  /** Marks the decision superseded by the decision {@code ref}. */
  public DecisionChanges supersededBy(String ref) {
    return new DecisionChanges(
        title,
        context,
        outcome,
        consequences,
        Patch.of("superseded"),
        decidedOn,
        deciders,
        options,
        Patch.of(ref));
  }
}
