package io.hatrack.definition;

import io.hatrack.kernel.Invalid;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A product's workflow: its states in order and the moves allowed between them. Moving an item to a
 * state the workflow does not allow from its current one is refused with the allowed moves.
 */
public record Workflow(List<WorkflowState> states, Set<Transition> transitions) {
  /** An allowed move from one state to another. */
  public record Transition(long from, long to) {}

  public Workflow {
    states = List.copyOf(states);
    transitions = Set.copyOf(transitions);
  }

  public Optional<WorkflowState> byName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return states.stream()
        .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  public Optional<WorkflowState> byId(long id) {
    return states.stream().filter(s -> s.id() == id).findFirst();
  }

  /** The state new items start in: the first one. */
  public WorkflowState initial() {
    return states.get(0);
  }

  public boolean allows(WorkflowState from, WorkflowState to) {
    return from.id() == to.id() || transitions.contains(new Transition(from.id(), to.id()));
  }

  /** The states reachable in one move from {@code from}, in workflow order. */
  public List<WorkflowState> next(WorkflowState from) {
    return states.stream().filter(s -> s.id() != from.id() && allows(from, s)).toList();
  }

  /** A state by name, or an {@link Invalid} naming {@code field} and the states that exist. */
  public WorkflowState state(String field, String name) {
    return byName(name)
        .orElseThrow(
            () ->
                Invalid.field(
                    field,
                    "must be one of "
                        + String.join(", ", states.stream().map(WorkflowState::name).toList())));
  }

  /** Refuses a move the workflow does not allow, naming the moves that are allowed. */
  public void checkMove(WorkflowState from, WorkflowState to) {
    if (!allows(from, to)) {
      List<String> allowed = next(from).stream().map(WorkflowState::name).toList();
      throw Invalid.field(
          "status",
          "cannot move from \u201c"
              + from.name()
              + "\u201d to \u201c"
              + to.name()
              + "\u201d; allowed: "
              + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
    }
  }
}
