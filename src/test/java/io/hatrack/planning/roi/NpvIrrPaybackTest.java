package io.hatrack.planning.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * NPV, IRR, payback and ROI % against worked examples from their published sources:
 *
 * <ul>
 *   <li>Brealey, Myers and Allen, <i>Principles of Corporate Finance</i> (12th ed.): ch. 2, the
 *       office building (cost $700,000, worth $800,000 next year, 7 %: NPV $47,664); ch. 5, the IRR
 *       of -4,000 / +2,000 / +4,000 (28.08 %), the payback projects A, B and C (paybacks 3, 2 and 2
 *       years; NPVs at 10 % +2,624, -58 and +50) and the multiple-IRR "pump" flows -1,600 / +10,000
 *       / -10,000 (25 % and 400 %);
 *   <li>Microsoft's documentation of Excel's {@code NPV} (10 %, -10,000 a year from now, then
 *       3,000, 4,200 and 6,800: $1,188.44) and {@code IRR} (-70,000 then 12,000, 15,000, 18,000,
 *       21,000 and 26,000: -2.1 % after four years, 8.7 % after five, -44.4 % after two);
 *   <li>Investopedia, "Payback Period" ($1 million saving $250,000 a year pays back in 4 years) and
 *       "Return on Investment (ROI)".
 * </ul>
 */
class NpvIrrPaybackTest {

  @Test
  void theOfficeBuildingOfBrealeyMyersAllenHasAnNpvOf47664() {
    assertThat(Npv.of(0.07, new double[] {-700_000, 800_000})).isCloseTo(47_663.55, within(0.01));
  }

  @Test
  void excelsNpvExampleDiscountsItsFirstValueOnePeriodSoItStartsAtPeriodOneHere() {
    double npv = Npv.of(0.10, new double[] {0, -10_000, 3_000, 4_200, 6_800});

    assertThat(npv).isCloseTo(1_188.44, within(0.005));
  }

  @Test
  void periodZeroIsNotDiscounted() {
    assertThat(Npv.of(0.5, new double[] {-100})).isEqualTo(-100);
    assertThat(Npv.of(0.0, new double[] {-100, 40, 70})).isEqualTo(10);
  }

  @Test
  void theIrrOfBrealeyMyersAllensTwoYearProjectIs28Point08Percent() {
    Irr.Result irr = Irr.of(new double[] {-4_000, 2_000, 4_000});

    assertThat(irr.status()).isEqualTo(Irr.Status.UNIQUE);
    assertThat(irr.rate()).isCloseTo(0.2808, within(0.00005));
  }

  @Test
  void excelsIrrExamplesAfterTwoFourAndFiveYears() {
    double[] five = {-70_000, 12_000, 15_000, 18_000, 21_000, 26_000};
    double[] four = {-70_000, 12_000, 15_000, 18_000, 21_000};
    double[] two = {-70_000, 12_000, 15_000};

    assertThat(Irr.of(five).rate()).isCloseTo(0.0866, within(0.00005));
    assertThat(Irr.of(four).rate()).isCloseTo(-0.0212, within(0.00005));
    assertThat(Irr.of(two).rate()).isCloseTo(-0.4435, within(0.00005));
    assertThat(Npv.of(Irr.of(five).rate(), five)).isCloseTo(0, within(1e-6));
  }

  @Test
  void thePumpFlowsHaveTwoIrrsAndTheAnswerSaysTheIrrIsNotUnique() {
    Irr.Result irr = Irr.of(new double[] {-1_600, 10_000, -10_000});

    assertThat(irr.status()).isEqualTo(Irr.Status.SEVERAL);
    assertThat(irr.rate()).isNull();
    assertThat(irr.signChanges()).isEqualTo(2);
    assertThat(irr.rates()).hasSize(2);
    assertThat(irr.rates().get(0)).isCloseTo(0.25, within(1e-9));
    assertThat(irr.rates().get(1)).isCloseTo(4.00, within(1e-9));
    assertThat(irr.explanation()).contains("not unique").contains("NPV instead");
  }

  @Test
  void flowsThatNeverChangeSignHaveNoIrr() {
    assertThat(Irr.of(new double[] {100, 200}).status()).isEqualTo(Irr.Status.NONE);
    assertThat(Irr.of(new double[] {-100, 0, -5}).status()).isEqualTo(Irr.Status.NONE);
    assertThat(Irr.of(new double[] {0, 0}).explanation()).startsWith("No IRR");
  }

  @Test
  void brealeyMyersAllensPaybackProjectsWithTheirNpvsAtTenPercent() {
    double[] a = {-2_000, 500, 500, 5_000};
    double[] b = {-2_000, 500, 1_800, 0};
    double[] c = {-2_000, 1_800, 500, 0};

    assertThat(Npv.of(0.10, a)).isCloseTo(2_624, within(0.5));
    assertThat(Npv.of(0.10, b)).isCloseTo(-58, within(0.5));
    assertThat(Npv.of(0.10, c)).isCloseTo(50, within(0.5));
    // BMA count whole years (3, 2 and 2); inside the year the flow is taken to arrive evenly.
    assertThat(Payback.simple(a).getAsDouble()).isCloseTo(2.2, within(1e-12));
    assertThat(Math.ceil(Payback.simple(a).getAsDouble())).isEqualTo(3);
    assertThat(Payback.simple(b).getAsDouble()).isCloseTo(1 + 1_500 / 1_800.0, within(1e-12));
    assertThat(Math.ceil(Payback.simple(b).getAsDouble())).isEqualTo(2);
    assertThat(Payback.simple(c).getAsDouble()).isCloseTo(1 + 200 / 500.0, within(1e-12));
  }

  @Test
  void investopediasEvenSavingsPayBackInFourYears() {
    double[] flows = {-1_000_000, 250_000, 250_000, 250_000, 250_000, 250_000};

    assertThat(Payback.simple(flows).getAsDouble()).isEqualTo(4.0);
  }

  @Test
  void thePaybackIsNeverWhenTheHorizonEndsBeforeAndZeroWhenNothingIsSpent() {
    assertThat(Payback.simple(new double[] {-1_000, 200, 200})).isEmpty();
    assertThat(Payback.simple(new double[] {0, 10})).hasValue(0);
    assertThat(Payback.discounted(new double[] {-100, 100}, 0.1)).isEmpty();
  }

  @Test
  void theDiscountedPaybackOfBrealeyMyersAllensProjectATakesTheDiscountedFlows() {
    // At 10 %: -2,000, 454.55, 413.22, 3,756.57; after year 2 -1,132.23 is left, so the payback
    // is 2 + 1,132.23 / 3,756.57 = 2.3014 years, later than the simple 2.2.
    double paid = Payback.discounted(new double[] {-2_000, 500, 500, 5_000}, 0.10).getAsDouble();

    assertThat(paid)
        .isCloseTo(2 + (2_000 - 500 / 1.1 - 500 / 1.21) / (5_000 / 1.331), within(1e-9));
    assertThat(paid).isCloseTo(2.3014, within(0.0001));
  }

  @Test
  void roiIsNetBenefitOverCostUndiscountedAndUndefinedWithoutCost() {
    // Investopedia: an investment of $1,000 sold for $1,200 has an ROI of 20 %.
    assertThat(RoiPercent.of(1_200, 1_000).getAsDouble()).isCloseTo(20, within(1e-12));
    assertThat(RoiPercent.of(500, 0)).isEmpty();
  }

  @Test
  void aMonthlyRateIsTheEquivalentEffectiveRateOfTheAnnualOne() {
    double monthly = Periodicity.MONTHLY.periodRate(0.12);

    assertThat(Math.pow(1 + monthly, 12)).isCloseTo(1.12, within(1e-12));
    assertThat(monthly).isCloseTo(0.0094888, within(1e-7));
    assertThat(Periodicity.YEARLY.periodRate(0.12)).isEqualTo(0.12);
  }
}
