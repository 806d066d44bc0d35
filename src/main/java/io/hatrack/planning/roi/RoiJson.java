package io.hatrack.planning.roi;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of ROI models in the API. */
public final class RoiJson {
  private RoiJson() {}

  static final String CONVENTIONS =
      "Cash flows fall at the end of periods 0..horizon; period 0 (today) is not discounted. NPV ="
          + " sum of CF_t / (1 + r)^t with r the rate per period: the annual rate for yearly"
          + " models, (1 + annual)^(1/12) - 1 for monthly ones. IRR per period by Brent's method"
          + " when the flows change sign once; none when never; not unique when several times."
          + " Paybacks interpolate inside the period where the cumulative (discounted) flow turns"
          + " non-negative for good; null means never within the horizon. ROI % = (total benefits"
          + " - total costs) / total costs x 100, undiscounted. Deterministic results use every"
          + " line's likely amount; amounts are doubles in the workspace's currency.";

  static final String PERCENTILES =
      "linear interpolation between closest ranks of the sorted draws (Hyndman-Fan type 7, as"
          + " Excel PERCENTILE.INC)";

  /** A model with its deterministic results and its last simulation (null if none). */
  public record ModelJson(
      long id,
      long productId,
      String name,
      String description,
      ItemJson item,
      String periodicity,
      int horizon,
      double discountRate,
      double periodRate,
      List<LineJson> lines,
      ResultsJson results,
      SimulationJson simulation,
      ValueJson value,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  /** The work item a model is for. */
  public record ItemJson(long id, String key, String title) {}

  /** A line; a fixed amount has low = likely = high. */
  public record LineJson(
      String kind,
      String label,
      int from,
      int to,
      int ramp,
      String spread,
      double low,
      double likely,
      double high,
      double mean) {}

  /** The deterministic results; paybacks and rates may be null (never / none). */
  public record ResultsJson(
      double npv,
      IrrJson irr,
      Double paybackPeriods,
      Double discountedPaybackPeriods,
      Double roiPercent,
      double totalCosts,
      double totalBenefits,
      List<RoiResult.Row> cashFlows,
      String conventions) {}

  /** The IRR per period and per year (effective), or why there is none. */
  public record IrrJson(
      String status,
      Double ratePerPeriod,
      Double ratePerYear,
      List<Double> rates,
      int signChanges,
      String explanation) {}

  /** A Monte Carlo run of the NPV. */
  public record SimulationJson(
      int draws,
      long seed,
      double mean,
      double p10,
      double p50,
      double p90,
      double probabilityNpvPositive,
      double min,
      double max,
      List<MonteCarlo.Bin> histogram,
      String percentileMethod,
      Instant simulatedAt) {}

  /** What "use as the item's value" last wrote. */
  public record ValueJson(double amount, String basis, Instant setAt) {}

  /** The body of a simulation request; both optional. */
  public record SimulateInput(Integer draws, Long seed) {}

  /** The answer of "use as the item's value". */
  public record ValueUseJson(String item, String field, double amount, String basis) {}

  /** Several models side by side. */
  public record CompareJson(List<ModelJson> models) {}

  static ModelJson of(RoiService.View v) {
    RoiModel m = v.model();
    RoiResult r = v.result();
    RoiInputs in = m.inputs();
    return new ModelJson(
        m.id(),
        m.productId(),
        m.name(),
        m.description(),
        m.item() == null ? null : new ItemJson(m.item().id(), m.item().key(), m.item().title()),
        in.periodicity().id(),
        in.horizon(),
        in.annualRate() * 100,
        r.periodRate(),
        in.lines().stream()
            .map(
                l ->
                    new LineJson(
                        l.kind().id(),
                        l.label(),
                        l.from(),
                        l.to(),
                        l.ramp(),
                        l.amount().spread().id(),
                        l.amount().low(),
                        l.amount().likely(),
                        l.amount().high(),
                        l.amount().mean()))
            .toList(),
        new ResultsJson(
            r.npv(),
            new IrrJson(
                r.irr().status().name().toLowerCase(java.util.Locale.ROOT),
                r.irr().rate(),
                r.irrAnnual(),
                r.irr().rates(),
                r.irr().signChanges(),
                r.irr().explanation()),
            r.payback(),
            r.discountedPayback(),
            r.roiPercent(),
            r.totalCosts(),
            r.totalBenefits(),
            r.rows(),
            CONVENTIONS),
        v.simulation().map(RoiJson::of).orElse(null),
        m.valueAmount() == null
            ? null
            : new ValueJson(m.valueAmount(), m.valueBasis(), m.valueSetAt()),
        m.version(),
        m.createdAt(),
        m.updatedAt());
  }

  static SimulationJson of(RoiStore.StoredRun run) {
    MonteCarlo.Simulation s = run.simulation();
    return new SimulationJson(
        s.draws(),
        s.seed(),
        s.mean(),
        s.p10(),
        s.p50(),
        s.p90(),
        s.probabilityPositive(),
        s.min(),
        s.max(),
        s.histogram(),
        PERCENTILES,
        run.at());
  }
}
