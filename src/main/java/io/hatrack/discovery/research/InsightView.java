package io.hatrack.discovery.research;

import io.hatrack.kernel.work.Item;
import java.util.List;

/** An insight with its tags and the items it supports (live ones, by their links). */
public record InsightView(Insight insight, List<String> tags, List<Supported> supports) {
  public InsightView {
    tags = List.copyOf(tags);
    supports = List.copyOf(supports);
  }

  /** An item the insight supports, through the link {@code linkId}. */
  public record Supported(long linkId, Item item) {}
}
