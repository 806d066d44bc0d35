package io.hatrack.delivery.sprints;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemService;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Northwind's two web teams, Payments and Checkout web, at work: six closed two-week sprints each
 * with velocity that varies as real teams' does (an item or two carried over, scope added in the
 * middle of a sprint, one item dropped), and the seventh sprint in progress, started a week ago.
 * The demo clock walks through those weeks, so items become done on the days they did.
 */
final class SprintsDemo implements DemoSeed {
  private final SprintService sprints;
  private final WorkItemService workItems;

  SprintsDemo(SprintService sprints, WorkItemService workItems) {
    this.sprints = sprints;
    this.workItems = workItems;
  }

  /** One sprint of the story: its goal, its new items' estimates, how many of them get done. */
  private record Plan(String goal, double[] estimates, int done, boolean addMidway) {}

  private static final String[] PAYMENTS_WORK = {
    "Retry 3-D Secure challenge after timeout",
    "Payout batch file for SEPA",
    "Idempotency keys on" + " refunds",
    "Webhook for payout status",
    "Invoice PDF totals per tax rate",
    "Card BIN lookup cache",
    "Settlement report export",
    "Decline code mapping for Amex",
    "Partial refunds in the API",
    "Payout schedule per merchant"
  };
  private static final String[] CHECKOUT_WORK = {
    "Saved card picker on the payment step", "Inline card validation messages",
        "Wallet buttons" + " above the card form", "Address autocomplete",
        "Remember me checkbox copy",
    "Error state for expired cards", "Mobile layout of the order summary",
        "Loading skeleton for" + " the payment step", "Focus order of the card fields",
        "Currency switcher"
  };

  @Override
  public void seed(DemoStory story) {
    story.at(0, 0);
    LocalDate today = LocalDate.ofInstant(story.clock().instant(), ZoneOffset.UTC);
    LocalDate activeStart =
        today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
    String parent = parent(story);
    run(
        story,
        today,
        activeStart,
        "payments",
        PAYMENTS_WORK,
        parent,
        List.of(
            new Plan(
                "3-D Secure retries live for all card schemes",
                new double[] {3, 2, 2, 1},
                3,
                false),
            new Plan("SEPA payouts in pilot", new double[] {3, 3, 2}, 3, true),
            new Plan("Refunds are safe to retry", new double[] {2, 2, 1, 1, 1}, 3, false),
            new Plan("Merchants see payout status", new double[] {3, 2, 2}, 2, true),
            new Plan("Invoices pass the tax audit", new double[] {2, 2, 2, 1}, 4, false),
            new Plan("Faster card lookups", new double[] {3, 2, 1}, 2, false),
            new Plan("Settlement reports on demand", new double[] {3, 2, 2, 1}, 2, true)));
    run(
        story,
        today,
        activeStart,
        "checkout-web",
        CHECKOUT_WORK,
        parent,
        List.of(
            new Plan("Returning buyers pay with a saved card", new double[] {3, 3, 2, 2}, 3, false),
            new Plan("Fewer card typos", new double[] {2, 2, 2, 1, 1}, 5, false),
            new Plan("Wallets first on mobile", new double[] {3, 3, 2, 2}, 3, true),
            new Plan("Address entry in one field", new double[] {3, 2, 2, 2}, 4, false),
            new Plan("Clear errors for expired cards", new double[] {3, 3, 2, 1}, 2, true),
            new Plan("Accessible card form", new double[] {2, 2, 2, 2, 1}, 4, false),
            new Plan("Order summary that fits a phone", new double[] {3, 2, 2, 2}, 2, true)));
    story.at(0, 0);
  }

  /** The first feature of Checkout, which the sprints' stories sit under. */
  private String parent(DemoStory story) {
    var page =
        workItems.list(story.ana(), story.checkout().slug(), "feature", null, "key", null, 1);
    return page.slice().items().isEmpty() ? null : page.slice().items().get(0).key();
  }

  private void run(
      DemoStory story,
      LocalDate today,
      LocalDate activeStart,
      String team,
      String[] work,
      String parent,
      List<Plan> plans) {
    User ana = story.ana();
    User ben = story.ben();
    String ws = story.workspace().slug();
    int n = plans.size();
    int titles = 0;
    for (int i = 0; i < n; i++) {
      Plan plan = plans.get(i);
      LocalDate start = activeStart.minusWeeks(2L * (n - 1 - i));
      LocalDate end = start.plusDays(13);
      String ref = Integer.toString(i + 1);
      on(story, today, start.minusDays(3));
      Sprint sprint;
      try {
        sprint = sprints.get(ana, ws, team, ref).sprint();
        sprints.update(
            ana, ws, team, ref, sprint.version(), new SprintDraft(null, plan.goal(), null, null));
      } catch (NotFound e) {
        sprint =
            sprints.create(
                ana,
                ws,
                team,
                new SprintDraft(
                    "Sprint " + (i + 1), plan.goal(), start.toString(), end.toString()));
      }
      List<WorkItem> fresh = new ArrayList<>();
      for (double estimate : plan.estimates()) {
        WorkItem w = story(story, work[titles++ % work.length], i + 1, parent, estimate);
        fresh.add(w);
        sprints.addItem(ana, ws, team, ref, w.key());
      }
      on(story, today, start);
      SprintService.View started = sprints.start(ana, ws, team, ref);
      List<SprintItem> order = started.items();
      // The carried-over items first: the team finishes what it started.
      int toFinish = plan.done() + (order.size() - fresh.size());
      List<String> finished = new ArrayList<>();
      for (SprintItem item : order) {
        if (finished.size() < toFinish) {
          finished.add(item.key());
        }
      }
      if (plan.addMidway()) {
        on(story, today, start.plusDays(3));
        if (!start.plusDays(3).isAfter(today)) {
          WorkItem urgent =
              story(
                  story,
                  "Hotfix: " + work[titles++ % work.length].toLowerCase(java.util.Locale.ROOT),
                  i + 1,
                  parent,
                  1);
          sprints.addItem(ben, ws, team, ref, urgent.key());
          finished.add(urgent.key());
        }
      }
      if (i == 2 && !fresh.isEmpty()) {
        on(story, today, start.plusDays(4));
        String dropped = fresh.get(fresh.size() - 1).key();
        sprints.removeItem(ana, ws, team, ref, dropped);
        finished.remove(dropped);
      }
      // Work finishes across the working days of the sprint.
      List<LocalDate> days = new ArrayList<>();
      for (LocalDate d = start.plusDays(1); !d.isAfter(end.minusDays(2)); d = d.plusDays(1)) {
        if (Burndown.working(d)) {
          days.add(d);
        }
      }
      for (int k = 0; k < finished.size(); k++) {
        LocalDate day =
            days.get(Math.min(days.size() - 1, (k + 1) * days.size() / (finished.size() + 1)));
        if (day.isAfter(today) || (i == n - 1 && !day.isBefore(today))) {
          continue;
        }
        on(story, today, day);
        Finishing.finish(workItems, k % 2 == 0 ? ben : story.chloe(), finished.get(k));
      }
      if (i < n - 1) {
        on(story, today, end.minusDays(2));
        sprints.close(
            ana,
            ws,
            team,
            ref,
            i % 3 == 1 ? SprintService.Unfinished.BACKLOG : SprintService.Unfinished.NEXT_SPRINT);
      }
    }
  }

  private WorkItem story(
      DemoStory story, String title, int sprint, String parent, double estimate) {
    story.later(3);
    NewWorkItem in = NewWorkItem.of("story", title);
    in =
        new NewWorkItem(
            in.type(),
            in.title(),
            "Planned for sprint " + sprint + ".",
            parent,
            null,
            estimate,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of());
    return workItems.create(story.ana(), story.checkout().slug(), in);
  }

  /** Puts the demo clock on {@code day} (at the present time of day), never after now. */
  private static void on(DemoStory story, LocalDate today, LocalDate day) {
    long days = ChronoUnit.DAYS.between(day, today);
    story.at((int) Math.max(0, days), 0);
  }
}
