package io.hatrack.planning.roi;

import io.hatrack.kernel.Validation;
import java.util.ArrayList;
import java.util.List;

/**
 * An ROI model as a person or a client entered it, every part possibly missing or wrong: {@link
 * #check()} names each broken rule with its field ({@code horizon}, {@code lines[2].low}, ...).
 *
 * @param item the key or id of the work item (feature, epic or initiative) it is for, or blank
 * @param periodicity {@code monthly} or {@code yearly}
 * @param horizon the number of periods after period 0 (today)
 * @param discountRate the discount rate in per cent per year, e.g. 10
 */
public record RoiDraft(
    String name,
    String description,
    String item,
    String periodicity,
    Integer horizon,
    Double discountRate,
    List<LineDraft> lines) {

  public static final int MAX_NAME = 200;
  public static final int MAX_DESCRIPTION = 20_000;
  public static final int MAX_LABEL = 200;
  public static final int MAX_HORIZON = 360;
  public static final int MAX_LINES = 50;
  public static final double MAX_AMOUNT = 1e12;

  public RoiDraft {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /**
   * A line as entered; {@code from} is the period of a one-off cost ({@code to} is then ignored);
   * {@code spread} is {@code fixed}, {@code triangular} or {@code pert}; a fixed amount needs only
   * {@code likely}.
   */
  public record LineDraft(
      String kind,
      String label,
      Integer from,
      Integer to,
      Integer ramp,
      String spread,
      Double low,
      Double likely,
      Double high) {}

  /** The checked draft: its texts and the inputs of the maths. */
  public record Checked(String name, String description, String item, RoiInputs inputs) {}

  /** Checks every rule at once; {@link io.hatrack.kernel.Invalid} lists each broken one. */
  public Checked check() {
    Validation v = new Validation();
    String n = name == null ? null : name.strip();
    String d = description == null ? "" : description.strip();
    v.text("name", n, MAX_NAME).optionalText("description", d, MAX_DESCRIPTION);
    Periodicity p = Periodicity.parse(periodicity == null ? "" : periodicity.strip());
    v.check("periodicity", p != null, "must be monthly or yearly");
    v.check("horizon", horizon != null, "is required");
    v.check(
        "horizon",
        horizon == null || (horizon >= 1 && horizon <= MAX_HORIZON),
        "must be from 1 to " + MAX_HORIZON + " periods");
    v.check("discount_rate", discountRate != null, "is required");
    v.check(
        "discount_rate",
        discountRate == null || (discountRate >= 0 && discountRate <= 100),
        "must be from 0 to 100 (% per year)");
    v.check("lines", lines.size() <= MAX_LINES, "must be at most " + MAX_LINES);
    int h = horizon == null || horizon < 1 ? MAX_HORIZON : Math.min(horizon, MAX_HORIZON);
    List<RoiLine> checked = new ArrayList<>();
    for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
      RoiLine line = line(v, "lines[" + i + "].", lines.get(i), h);
      if (line != null) {
        checked.add(line);
      }
    }
    v.orThrow();
    String ref = item == null || item.isBlank() ? null : item.strip();
    return new Checked(n, d, ref, new RoiInputs(p, horizon, discountRate / 100, checked));
  }

  private static RoiLine line(Validation v, String at, LineDraft l, int horizon) {
    int before = errors(v, at);
    LineKind kind = LineKind.parse(l.kind() == null ? "" : l.kind().strip());
    v.check(
        at + "kind",
        kind != null,
        "must be one_off_cost, recurring_cost, new_revenue, retained_revenue or cost_saved");
    v.optionalText(at + "label", l.label(), MAX_LABEL);
    v.check(at + "from", l.from() != null, "is required");
    v.check(
        at + "from",
        l.from() == null || (l.from() >= 0 && l.from() <= horizon),
        "must be a period from 0 to the horizon (" + horizon + ")");
    boolean once = kind != null && kind.once();
    Integer to = once ? l.from() : l.to();
    v.check(at + "to", to != null, "is required");
    v.check(
        at + "to", to == null || to <= horizon, "must be at most the horizon (" + horizon + ")");
    v.check(
        at + "to",
        to == null || l.from() == null || to >= l.from(),
        "must not be before the first period (" + l.from() + ")");
    int ramp = l.ramp() == null ? 0 : l.ramp();
    v.check(at + "ramp", ramp >= 0, "must not be negative");
    v.check(at + "ramp", ramp == 0 || kind == null || !kind.cost(), "applies only to benefits");
    Spread spread;
    try {
      spread =
          Spread.parse(l.spread() == null || l.spread().isBlank() ? "fixed" : l.spread().strip());
    } catch (IllegalArgumentException e) {
      spread = null;
    }
    v.check(at + "spread", spread != null, "must be fixed, triangular or pert");
    amount(v, at + "likely", l.likely(), true);
    Double low = l.low();
    Double high = l.high();
    if (spread != null && spread != Spread.FIXED) {
      amount(v, at + "low", low, true);
      amount(v, at + "high", high, true);
      if (low != null && l.likely() != null) {
        v.check(at + "low", low <= l.likely(), "must not be more than the likely amount");
      }
      if (high != null && l.likely() != null) {
        v.check(at + "high", high >= l.likely(), "must not be less than the likely amount");
      }
    }
    if (errors(v, at) > before || kind == null || spread == null) {
      return null;
    }
    Amount amount =
        spread == Spread.FIXED
            ? Amount.fixed(l.likely())
            : new Amount(low, l.likely(), high, spread);
    return new RoiLine(kind, l.label(), l.from(), to, kind.cost() ? 0 : ramp, amount);
  }

  private static void amount(Validation v, String field, Double value, boolean required) {
    v.check(field, !required || value != null, "is required");
    v.check(
        field,
        value == null || (value >= 0 && value <= MAX_AMOUNT),
        "must be an amount from 0 to 1,000,000,000,000");
  }

  /** How many of the fields under {@code prefix} are already refused. */
  private static int errors(Validation v, String prefix) {
    int count = 0;
    for (String f :
        List.of("kind", "label", "from", "to", "ramp", "spread", "low", "likely", "high")) {
      if (v.has(prefix + f)) {
        count++;
      }
    }
    return count;
  }
}
