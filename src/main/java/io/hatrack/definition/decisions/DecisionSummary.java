package io.hatrack.definition.decisions;

import io.hatrack.kernel.work.Item;
import java.time.LocalDate;
import java.util.List;

/** A decision as the log lists it: no texts, no options. */
public record DecisionSummary(
    Item item,
    DecisionStatus status,
    LocalDate decidedOn,
    List<Decider> deciders,
    DecisionRef supersededBy) {
  public DecisionSummary {
    deciders = List.copyOf(deciders);
  }
}
