package io.hatrack.planning.scoring;

import io.hatrack.kernel.Validation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * MoSCoW (DSDM / Agile Business Consortium): Must have, Should have, Could have, Won't have this
 * time. DSDM's guidance is that Must-haves take no more than 60 % of the planned effort, so the
 * Should and Could haves leave contingency. The planned effort here is the effort of the Must,
 * Should and Could haves; Won't-haves are not planned and do not count. Exactly 60 % is fine;
 * anything above warns.
 */
public final class Moscow {
  /** The limit on the Must-haves' share of the planned effort, in percent. */
  public static final int MUST_LIMIT_PERCENT = 60;

  private Moscow() {}

  /** The four categories. */
  public enum Category {
    MUST("Must have"),
    SHOULD("Should have"),
    COULD("Could have"),
    WONT("Won't have (this time)");

    private final String label;

    Category(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One planned item: its category and its effort (at least 0). */
  public record Planned(Category category, BigDecimal effort) {}

  /**
   * The result of the 60 % check.
   *
   * @param mustEffort the effort of the Must-haves
   * @param plannedEffort the effort of Must, Should and Could haves
   * @param mustShare the Must-haves' exact share of the planned effort (0 when nothing is planned)
   * @param warning the warning text when the share exceeds 60 %
   */
  public record Check(
      BigDecimal mustEffort,
      BigDecimal plannedEffort,
      Rational mustShare,
      Optional<String> warning) {
    /** The share in percent, two decimals when not exact. */
    public BigDecimal mustPercent() {
      return mustShare.times(Rational.of(100)).toDecimal(Score.DISPLAY_DECIMALS);
    }
  }

  /** Checks the Must-haves' share of the planned effort. */
  public static Check check(List<Planned> items) {
    Validation v = new Validation();
    for (int i = 0; i < items.size(); i++) {
      Planned p = items.get(i);
      String prefix = "items[" + i + "].";
      v.check(prefix + "category", p.category() != null, "is required");
      v.check(prefix + "effort", p.effort() != null, "is required");
      v.check(
          prefix + "effort", p.effort() == null || p.effort().signum() >= 0, "must be at least 0");
    }
    v.orThrow();
    BigDecimal must = BigDecimal.ZERO;
    BigDecimal planned = BigDecimal.ZERO;
    for (Planned p : items) {
      if (p.category() != Category.WONT) {
        planned = planned.add(p.effort());
      }
      if (p.category() == Category.MUST) {
        must = must.add(p.effort());
      }
    }
    Rational share =
        planned.signum() == 0 ? Rational.ZERO : Rational.of(must).dividedBy(Rational.of(planned));
    Optional<String> warning = Optional.empty();
    if (share.compareTo(Rational.of(MUST_LIMIT_PERCENT, 100)) > 0) {
      warning =
          Optional.of(
              "Must-haves take "
                  + Score.plain(share.times(Rational.of(100)).toDecimal(Score.DISPLAY_DECIMALS))
                  + " % of the planned effort ("
                  + Score.plain(must)
                  + " of "
                  + Score.plain(planned)
                  + "), more than the "
                  + MUST_LIMIT_PERCENT
                  + " % that leaves room for Should and Could haves as contingency.");
    }
    return new Check(must, planned, share, warning);
  }
}
