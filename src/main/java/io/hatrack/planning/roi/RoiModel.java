package io.hatrack.planning.roi;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored ROI model of a product.
 *
 * @param item the work item it is for, or null
 * @param valueAmount what "use as the item's value" last wrote, or null
 * @param valueBasis {@code p50} (the simulated median NPV) or {@code npv} (deterministic), or null
 */
public record RoiModel(
    long id,
    long productId,
    LinkedItem item,
    String name,
    String description,
    RoiInputs inputs,
    Double valueAmount,
    String valueBasis,
    Instant valueSetAt,
    long createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public RoiModel {
    Objects.requireNonNull(inputs, "inputs");
    description = description == null ? "" : description;
  }

  /** The work item a model is for: its id, key, title and type (feature, epic, initiative). */
  public record LinkedItem(long id, String key, String title) {}
}
