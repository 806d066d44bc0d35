package io.hatrack.planning.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The deterministic results of a model: its cash flow table and the figures from it. */
class RoiAnalysisTest {

  @Test
  void brealeyMyersAllensProjectAAsAModelGivesTheTextbookFigures() {
    RoiInputs in =
        new RoiInputs(
            Periodicity.YEARLY,
            3,
            0.10,
            List.of(
                new RoiLine(LineKind.ONE_OFF_COST, "Build", 0, 0, 0, Amount.fixed(2_000)),
                new RoiLine(LineKind.COST_SAVED, "Savings", 1, 2, 0, Amount.pert(300, 500, 900)),
                new RoiLine(LineKind.NEW_REVENUE, "Sales", 3, 3, 0, Amount.fixed(5_000))));

    RoiResult r = RoiAnalysis.of(in);

    assertThat(r.npv()).isCloseTo(2_624.34, within(0.01));
    assertThat(r.payback()).isCloseTo(2.2, within(1e-12));
    assertThat(r.roiPercent()).isCloseTo((6_000 - 2_000) / 2_000.0 * 100, within(1e-12));
    assertThat(r.irr().status()).isEqualTo(Irr.Status.UNIQUE);
    assertThat(r.rows()).hasSize(4);
    assertThat(r.rows().get(3).cumulativeDiscounted()).isCloseTo(r.npv(), within(1e-9));
    assertThat(r.rows().get(0).net()).isEqualTo(-2_000);
  }

  @Test
  void aRampUpReachesTheFullAmountInItsLastRampPeriod() {
    RoiLine line = new RoiLine(LineKind.NEW_REVENUE, null, 2, 10, 4, Amount.fixed(1_000));

    assertThat(line.share(1)).isZero();
    assertThat(line.share(2)).isEqualTo(0.25);
    assertThat(line.share(4)).isEqualTo(0.75);
    assertThat(line.share(5)).isEqualTo(1.0);
    assertThat(line.share(11)).isZero();
    assertThat(line.label()).isEqualTo("New revenue");
    assertThat(new RoiLine(LineKind.RECURRING_COST, "Run", 1, 3, 0, Amount.fixed(5)).share(2))
        .isEqualTo(-1.0);
  }

  @Test
  void monthlyModelsReportTheIrrPerMonthAndPerYear() {
    RoiInputs in =
        new RoiInputs(
            Periodicity.MONTHLY,
            24,
            0.12,
            List.of(
                new RoiLine(LineKind.ONE_OFF_COST, "Build", 0, 0, 0, Amount.fixed(10_000)),
                new RoiLine(LineKind.NEW_REVENUE, "Sales", 1, 24, 0, Amount.fixed(600))));

    RoiResult r = RoiAnalysis.of(in);

    assertThat(r.periodRate()).isCloseTo(Math.pow(1.12, 1 / 12.0) - 1, within(1e-15));
    assertThat(Math.pow(1 + r.irr().rate(), 12) - 1).isCloseTo(r.irrAnnual(), within(1e-12));
    assertThat(r.payback()).isCloseTo(10_000 / 600.0, within(1e-9));
  }
}
