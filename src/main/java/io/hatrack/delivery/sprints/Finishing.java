package io.hatrack.delivery.sprints;

import io.hatrack.definition.StateCategory;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.definition.WorkItemService;
import io.hatrack.definition.Workflow;
import io.hatrack.definition.WorkflowState;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks a work item done from a sprint: moves it along the product's workflow, through the moves
 * the workflow allows, to the first done state in the workflow's order that it can reach (so "Done"
 * rather than "Won't do" in the default workflow).
 */
final class Finishing {
  private Finishing() {}

  /** The states to pass through, the done state last; empty if it is done already. */
  static List<WorkflowState> path(Workflow workflow, WorkflowState from) {
    if (from.category() == StateCategory.DONE) {
      return List.of();
    }
    List<WorkflowState> targets =
        workflow.states().stream()
            .filter(s -> s.category() == StateCategory.DONE)
            .sorted(Comparator.comparingInt(WorkflowState::position))
            .toList();
    for (WorkflowState target : targets) {
      Map<Long, WorkflowState> cameFrom = new HashMap<>();
      Deque<WorkflowState> queue = new ArrayDeque<>(List.of(from));
      cameFrom.put(from.id(), from);
      while (!queue.isEmpty()) {
        WorkflowState s = queue.poll();
        if (s.id() == target.id()) {
          List<WorkflowState> path = new ArrayList<>();
          for (WorkflowState at = s; at.id() != from.id(); at = cameFrom.get(at.id())) {
            path.add(at);
          }
          Collections.reverse(path);
          return path;
        }
        for (WorkflowState n : workflow.next(s)) {
          boolean passable = n.category() != StateCategory.DONE || n.id() == target.id();
          if (passable && !cameFrom.containsKey(n.id())) {
            cameFrom.put(n.id(), s);
            queue.add(n);
          }
        }
      }
    }
    throw Invalid.field("status", "the workflow has no done state this item can reach");
  }

  /** Moves the item to done; returns it as it ends. */
  static WorkItem finish(WorkItemService workItems, User actor, String itemRef) {
    WorkItemService.View v = workItems.get(actor, itemRef);
    WorkItem item = v.item();
    for (WorkflowState s : path(v.workflow(), item.state())) {
      item =
          workItems.update(
              actor,
              Long.toString(item.id()),
              item.version(),
              WorkItemChanges.none().withStatus(s.name()));
    }
    return item;
  }
}
