package io.hatrack.planning.backlog;

import java.time.Instant;
import java.util.Map;

/**
 * An item's stored score under a model: its inputs, the value for sorting and exactly as {@code
 * p/q}, or the reason it has none.
 */
public record ItemScore(
    long itemId,
    long modelId,
    Map<String, ScoreInput> inputs,
    Double score,
    String exact,
    String missing,
    Instant computedAt,
    Long computedBy,
    long version) {
  public ItemScore {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
  }
}
