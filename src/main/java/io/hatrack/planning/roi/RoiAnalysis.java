package io.hatrack.planning.roi;

import java.util.ArrayList;
import java.util.List;

/** Computes the deterministic results of an ROI model (every amount at its likely value). */
public final class RoiAnalysis {
  private RoiAnalysis() {}

  public static RoiResult of(RoiInputs in) {
    double rate = in.periodRate();
    int n = in.horizon();
    double[] costs = new double[n + 1];
    double[] benefits = new double[n + 1];
    for (RoiLine l : in.lines()) {
      for (int t = l.from(); t <= l.to(); t++) {
        double v = l.amount().likely() * Math.abs(l.share(t));
        if (l.kind().cost()) {
          costs[t] += v;
        } else {
          benefits[t] += v;
        }
      }
    }
    double[] net = new double[n + 1];
    double totalCosts = 0;
    double totalBenefits = 0;
    for (int t = 0; t <= n; t++) {
      net[t] = benefits[t] - costs[t];
      totalCosts += costs[t];
      totalBenefits += benefits[t];
    }
    double[] factors = Npv.factors(rate, n);
    List<RoiResult.Row> rows = new ArrayList<>();
    double cumulative = 0;
    double cumulativeDiscounted = 0;
    for (int t = 0; t <= n; t++) {
      cumulative += net[t];
      cumulativeDiscounted += net[t] * factors[t];
      rows.add(
          new RoiResult.Row(
              t,
              costs[t],
              benefits[t],
              net[t],
              factors[t],
              net[t] * factors[t],
              cumulative,
              cumulativeDiscounted));
    }
    Irr.Result irr = Irr.of(net);
    var payback = Payback.simple(net);
    var discounted = Payback.discounted(net, rate);
    var roi = RoiPercent.of(totalBenefits, totalCosts);
    return new RoiResult(
        rate,
        Npv.of(rate, net),
        irr,
        irr.rate() == null ? null : in.periodicity().annualRate(irr.rate()),
        payback.isPresent() ? payback.getAsDouble() : null,
        discounted.isPresent() ? discounted.getAsDouble() : null,
        roi.isPresent() ? roi.getAsDouble() : null,
        totalCosts,
        totalBenefits,
        rows);
  }
}
