package io.hatrack.planning.backlog;

import java.time.Instant;
import java.util.Map;

/** One change of an item's score: why (manual, evidence, recompute), by whom, when, and to what. */
public record ScoreChange(
    long id,
    long itemId,
    long modelId,
    String cause,
    Map<String, ScoreInput> inputs,
    Double score,
    String exact,
    String missing,
    Long changedBy,
    Instant changedAt) {
  public ScoreChange {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
  }
}
