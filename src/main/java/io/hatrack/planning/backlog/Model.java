package io.hatrack.planning.backlog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A scoring model of a product: its name, kind, settings, place in the list and default mark. */
public record Model(
    long id,
    long productId,
    String name,
    ModelKind kind,
    ModelConfig config,
    int position,
    boolean isDefault,
    long version,
    Instant createdAt,
    Instant updatedAt) {
  public Model {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(config, "config");
  }

  /** The input names an item's score under this model reads. */
  public List<String> inputNames() {
    return config.inputNames(kind);
  }
}
