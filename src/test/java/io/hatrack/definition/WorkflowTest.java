package io.hatrack.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Invalid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkflowTest {
  private static final WorkflowState OPEN =
      new WorkflowState(1, 9, "Open", StateCategory.NOT_STARTED, 0);
  private static final WorkflowState BUSY =
      new WorkflowState(2, 9, "In progress", StateCategory.DOING, 1);
  private static final WorkflowState DONE = new WorkflowState(3, 9, "Done", StateCategory.DONE, 2);
  private static final WorkflowState DROPPED =
      new WorkflowState(4, 9, "Dropped", StateCategory.DONE, 3);

  private static final Workflow FLOW =
      new Workflow(
          List.of(OPEN, BUSY, DONE, DROPPED),
          Set.of(
              new Workflow.Transition(1, 2),
              new Workflow.Transition(1, 4),
              new Workflow.Transition(2, 3),
              new Workflow.Transition(2, 1)));

  @Test
  void newItemsStartInTheFirstState() {
    assertThat(FLOW.initial()).isEqualTo(OPEN);
  }

  @Test
  void onlyListedMovesAreAllowedAndStayingPutAlwaysIs() {
    assertThat(FLOW.allows(OPEN, BUSY)).isTrue();
    assertThat(FLOW.allows(BUSY, OPEN)).isTrue();
    assertThat(FLOW.allows(OPEN, DONE)).isFalse();
    assertThat(FLOW.allows(DONE, OPEN)).isFalse();
    for (WorkflowState s : FLOW.states()) {
      assertThat(FLOW.allows(s, s)).isTrue();
    }
  }

  @Test
  void theNextStatesComeInWorkflowOrderWithoutTheCurrentOne() {
    assertThat(FLOW.next(OPEN)).containsExactly(BUSY, DROPPED);
    assertThat(FLOW.next(BUSY)).containsExactly(OPEN, DONE);
    assertThat(FLOW.next(DONE)).isEmpty();
  }

  @Test
  void aRefusedMoveNamesTheAllowedOnes() {
    assertThatThrownBy(() -> FLOW.checkMove(OPEN, DONE))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("status"))
                    .isEqualTo(
                        "cannot move from \u201cOpen\u201d to \u201cDone\u201d;"
                            + " allowed: In progress, Dropped"));
    assertThatThrownBy(() -> FLOW.checkMove(DONE, OPEN))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("status")).endsWith("allowed: none"));
    FLOW.checkMove(BUSY, DONE);
    FLOW.checkMove(DONE, DONE);
  }

  @Test
  void statesAreFoundByNameWhateverTheCaseOrById() {
    assertThat(FLOW.state("status", "  in PROGRESS ")).isEqualTo(BUSY);
    assertThat(FLOW.byName(null)).isEmpty();
    assertThat(FLOW.byId(4)).contains(DROPPED);
    assertThat(FLOW.byId(99)).isEmpty();
    assertThatThrownBy(() -> FLOW.state("column", "Shipped"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("column"))
                    .isEqualTo("must be one of Open, In progress, Done, Dropped"));
  }

  @Test
  void aWorkflowIsAnImmutableCopyOfWhatItWasGiven() {
    List<WorkflowState> states = new ArrayList<>(List.of(OPEN, DONE));
    Set<Workflow.Transition> moves = new HashSet<>(Set.of(new Workflow.Transition(1, 3)));
    Workflow w = new Workflow(states, moves);

    states.add(BUSY);
    moves.clear();

    assertThat(w.states()).containsExactly(OPEN, DONE);
    assertThat(w.allows(OPEN, DONE)).isTrue();
    assertThatThrownBy(() -> w.states().add(BUSY))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
