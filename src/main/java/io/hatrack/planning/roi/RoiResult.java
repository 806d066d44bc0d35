package io.hatrack.planning.roi;

import java.util.List;

/**
 * The deterministic results of an ROI model, from every line's likely amount.
 *
 * @param periodRate the discount rate per period used (a fraction)
 * @param npv the net present value at {@code periodRate}, period 0 undiscounted
 * @param irr the IRR per period, with its status
 * @param irrAnnual the IRR as an annual effective rate when unique (else null)
 * @param payback the simple payback in periods, null for never
 * @param discountedPayback the discounted payback in periods, null for never
 * @param roiPercent (benefits - costs) / costs × 100, undiscounted; null without costs
 * @param rows the cash flow table, one row per period 0..horizon
 */
public record RoiResult(
    double periodRate,
    double npv,
    Irr.Result irr,
    Double irrAnnual,
    Double payback,
    Double discountedPayback,
    Double roiPercent,
    double totalCosts,
    double totalBenefits,
    List<Row> rows) {
  public RoiResult {
    rows = List.copyOf(rows);
  }

  /** One period of the cash flow table. */
  public record Row(
      int period,
      double costs,
      double benefits,
      double net,
      double discountFactor,
      double discounted,
      double cumulative,
      double cumulativeDiscounted) {}
}
