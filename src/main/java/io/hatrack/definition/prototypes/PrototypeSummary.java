package io.hatrack.definition.prototypes;

import io.hatrack.kernel.work.Item;
import java.util.Objects;

/** A prototype in a listing: its item and how many screens it has. */
public record PrototypeSummary(Item item, int screens) {
  public PrototypeSummary {
    Objects.requireNonNull(item, "item");
  }
}
