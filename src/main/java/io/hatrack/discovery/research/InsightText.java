package io.hatrack.discovery.research;

import java.util.List;

/**
 * The searchable text of a live insight: its quote and note, with its product and tags. What a
 * search index reads from {@link InsightService#texts}.
 */
public record InsightText(long id, long productId, String key, String text, List<String> tags) {
  public InsightText {
    tags = List.copyOf(tags);
  }
}
