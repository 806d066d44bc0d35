package io.hatrack.planning.roi;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.planning.roi.RoiDraft.LineDraft;
import java.util.List;

/**
 * ROI models in the demo story: Ana weighs "One-click saved cards" against "Invoice export" (and a
 * cheaper "Saved cards via the processor's vault" option) on Checkout, over three years by month at
 * 10 % a year, with uncertain build costs and benefits; she simulates them and puts the saved-cards
 * P50 into the feature's value field, where planning's formulas can read it.
 */
final class RoiDemo implements DemoSeed {
  private final RoiService roi;

  RoiDemo(RoiService roi) {
    this.roi = roi;
  }

  private static LineDraft fixed(String kind, String label, int from, int to, double amount) {
    return new LineDraft(kind, label, from, to, 0, "fixed", null, amount, null);
  }

  private static LineDraft uncertain(
      String kind, String label, int from, int to, int ramp, String spread, double... lhl) {
    return new LineDraft(kind, label, from, to, ramp, spread, lhl[0], lhl[1], lhl[2]);
  }

  @Override
  public void seed(DemoStory story) {
    User ana = story.ana();
    String checkout = story.checkout().slug();
    List<RoiModel.LinkedItem> items = roi.linkableItems(ana, checkout);
    String savedCards = key(items, "One-click saved cards");
    RoiModel cards = roi.create(ana, checkout, savedCards(savedCards));
    story.later(20);
    RoiModel export = roi.create(ana, checkout, invoiceExport(key(items, "Invoice export")));
    story.later(15);
    RoiModel vault = roi.create(ana, checkout, hostedVault());
    story.later(5);
    roi.simulate(ana, checkout, cards.id(), null, 2026L);
    roi.simulate(ana, checkout, export.id(), null, 2026L);
    roi.simulate(ana, checkout, vault.id(), null, 2026L);
    story.later(5);
    if (savedCards != null) {
      roi.useAsValue(ana, checkout, cards.id());
    }
  }

  private static RoiDraft savedCards(String item) {
    return new RoiDraft(
        "One-click saved cards",
        "Returning shoppers pay with a saved card in one click. Conversion uplift from the A/B test"
            + " of the prototype (+3 to +7 points), on mid-market volume.",
        item,
        "monthly",
        36,
        10.0,
        List.of(
            uncertain(
                "one_off_cost",
                "Build: 2 engineers, 1 designer",
                0,
                0,
                0,
                "pert",
                95_000,
                120_000,
                170_000),
            fixed("one_off_cost", "PCI review of the token flow", 2, 2, 15_000),
            fixed("recurring_cost", "Token vault fees", 3, 36, 1_800),
            uncertain(
                "new_revenue",
                "Conversion uplift (returning shoppers)",
                3,
                36,
                6,
                "pert",
                6_000,
                11_000,
                18_000),
            uncertain(
                "retained_revenue",
                "Fewer churned mid-market merchants",
                6,
                36,
                6,
                "triangular",
                1_000,
                3_000,
                6_000),
            uncertain(
                "cost_saved",
                "Fewer card-entry support tickets",
                3,
                36,
                0,
                "triangular",
                300,
                700,
                1_200)));
  }

  private static RoiDraft invoiceExport(String item) {
    return new RoiDraft(
        "Invoice export",
        "CSV export now, accounting integrations later: keeps finance teams that reconcile by"
            + " hand, and saves support time answering invoice requests.",
        item,
        "monthly",
        36,
        10.0,
        List.of(
            uncertain(
                "one_off_cost",
                "Build CSV export and integrations",
                0,
                0,
                0,
                "triangular",
                60_000,
                80_000,
                130_000),
            fixed("recurring_cost", "Integration maintenance", 4, 36, 1_500),
            uncertain(
                "retained_revenue",
                "Finance-led accounts kept",
                4,
                36,
                3,
                "pert",
                1_500,
                4_000,
                7_000),
            uncertain(
                "cost_saved", "Invoice requests to support", 2, 36, 0, "pert", 800, 1_200, 2_000)));
  }

  private static RoiDraft hostedVault() {
    return new RoiDraft(
        "Saved cards via the processor's vault",
        "The cheaper option: the processor's hosted vault instead of our own token flow. Less"
            + " build, higher fees, a smaller uplift (no one-click on mobile web).",
        null,
        "monthly",
        36,
        10.0,
        List.of(
            uncertain(
                "one_off_cost",
                "Integrate the hosted vault",
                0,
                0,
                0,
                "pert",
                35_000,
                45_000,
                70_000),
            fixed("recurring_cost", "Hosted vault fees", 2, 36, 3_500),
            uncertain("new_revenue", "Conversion uplift", 2, 36, 4, "pert", 4_000, 7_500, 12_000)));
  }

  private static String key(List<RoiModel.LinkedItem> items, String title) {
    return items.stream()
        .filter(i -> i.title().equals(title))
        .map(RoiModel.LinkedItem::key)
        .findFirst()
        .orElse(null);
  }
}
