package io.hatrack.planning.scoring;

import io.hatrack.kernel.Validation;
import java.math.BigDecimal;

/**
 * The value/effort matrix (2 × 2): an item is high value when its value is at or above the value
 * threshold, and high effort when its effort is at or above the effort threshold. The quadrants are
 * named as in most PM writing:
 *
 * <pre>
 *                 low effort     high effort
 *   high value    quick win      big bet
 *   low value     fill-in        money pit (also called time sink)
 * </pre>
 */
public final class ValueEffort {
  /** The four quadrants. */
  public enum Quadrant {
    QUICK_WIN("quick win", "high value, low effort: do first"),
    BIG_BET("big bet", "high value, high effort: plan carefully"),
    FILL_IN("fill-in", "low value, low effort: do when there is slack"),
    MONEY_PIT("money pit", "low value, high effort (a time sink): avoid");

    private final String label;
    private final String advice;

    Quadrant(String label, String advice) {
      this.label = label;
      this.advice = advice;
    }

    public String label() {
      return label;
    }

    public String advice() {
      return advice;
    }
  }

  /**
   * The thresholds that split the axes; both must be given and at least 0.
   *
   * @param value values at or above this are high
   * @param effort efforts at or above this are high
   */
  public record Thresholds(BigDecimal value, BigDecimal effort) {
    public Thresholds {
      Validation v = new Validation();
      v.check("valueThreshold", value != null, "is required");
      v.check("valueThreshold", value == null || value.signum() >= 0, "must be at least 0");
      v.check("effortThreshold", effort != null, "is required");
      v.check("effortThreshold", effort == null || effort.signum() >= 0, "must be at least 0");
      v.orThrow();
    }
  }

  /** The quadrant, and the inputs and rule that put the item there. */
  public record Placement(Quadrant quadrant, BigDecimal value, BigDecimal effort, String rule) {}

  private final Thresholds thresholds;

  public ValueEffort(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /** Places an item; value and effort must be given and at least 0. */
  public Placement place(BigDecimal value, BigDecimal effort) {
    Validation v = new Validation();
    v.check("value", value != null, "is required");
    v.check("value", value == null || value.signum() >= 0, "must be at least 0");
    v.check("effort", effort != null, "is required");
    v.check("effort", effort == null || effort.signum() >= 0, "must be at least 0");
    v.orThrow();
    boolean highValue = value.compareTo(thresholds.value()) >= 0;
    boolean highEffort = effort.compareTo(thresholds.effort()) >= 0;
    Quadrant q;
    if (highValue) {
      q = highEffort ? Quadrant.BIG_BET : Quadrant.QUICK_WIN;
    } else {
      q = highEffort ? Quadrant.MONEY_PIT : Quadrant.FILL_IN;
    }
    String rule =
        "value "
            + Score.plain(value)
            + (highValue ? " ≥ " : " < ")
            + Score.plain(thresholds.value())
            + ", effort "
            + Score.plain(effort)
            + (highEffort ? " ≥ " : " < ")
            + Score.plain(thresholds.effort());
    return new Placement(q, value, effort, rule);
  }
}
