package io.hatrack.planning.backlog;

import io.hatrack.kernel.Invalid;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The kinds of scoring model a product may use, with the names of the inputs each reads (the keys
 * of an item's inputs JSON). Scorecards read their criteria's keys and formulas their named inputs,
 * both from the model's settings.
 */
public enum ModelKind {
  RICE("rice", "RICE", List.of("reach", "impact", "confidence", "effort")),
  ICE("ice", "ICE", List.of("impact", "confidence", "ease")),
  WSJF("wsjf", "WSJF", List.of("business_value", "time_criticality", "risk_reduction", "job_size")),
  VALUE_EFFORT("value_effort", "Value / effort", List.of("value", "effort")),
  MOSCOW("moscow", "MoSCoW", List.of("category")),
  KANO("kano", "Kano", List.of("category")),
  SCORECARD("scorecard", "Weighted scorecard", List.of()),
  FORMULA("formula", "Custom formula", List.of());

  private final String id;
  private final String label;
  private final List<String> inputs;

  ModelKind(String id, String label, List<String> inputs) {
    this.id = id;
    this.label = label;
    this.inputs = inputs;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** The fixed input names of the kind; empty for scorecards and formulas (see their settings). */
  public List<String> fixedInputs() {
    return inputs;
  }

  public static ModelKind parse(String field, String id) {
    return Arrays.stream(values())
        .filter(k -> k.id.equals(id == null ? "" : id.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                Invalid.field(
                    field,
                    "must be one of "
                        + Arrays.stream(values())
                            .map(ModelKind::id)
                            .collect(Collectors.joining(", "))));
  }
}
