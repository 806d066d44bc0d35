package io.hatrack.delivery.ceremonies;

import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Northwind's Payments team (Ben and Femi) at its ceremonies: stand-ups over the last four working
 * days, with Ben's blocker on the acquirer's sandbox resolved by Ana and Femi's on the bank's
 * cut-off still open (Femi has not posted today); the Sprint 14 review, where a customer and Dev
 * give feedback on the demoed payment features; the Sprint 13 retrospective (Start/Stop/Continue)
 * with grouped, voted cards and two action items, one done; and today's retrospective, where the
 * open one comes back.
 */
final class CeremoniesDemo implements DemoSeed {
  private static final String TEAM = "payments";

  private final StandupService standups;
  private final ReviewService reviews;
  private final RetroService retros;
  private final WorkItemService workItems;

  CeremoniesDemo(
      StandupService standups,
      ReviewService reviews,
      RetroService retros,
      WorkItemService workItems) {
    this.standups = standups;
    this.reviews = reviews;
    this.retros = retros;
    this.workItems = workItems;
  }

  @Override
  public void seed(DemoStory story) {
    String ws = story.workspace().slug();
    story.at(0, 1);
    LocalDate today = LocalDate.ofInstant(story.clock().instant(), ZoneOffset.UTC);
    List<LocalDate> days = workingDays(today, 4);
    retrospective(story, ws, today);
    review(story, ws, today);
    standUps(story, ws, today, days);
    nextRetrospective(story, ws, today);
  }

  /** The last {@code n} working days up to {@code today}, oldest first. */
  static List<LocalDate> workingDays(LocalDate today, int n) {
    List<LocalDate> out = new ArrayList<>();
    LocalDate d = today;
    while (out.size() < n) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        out.add(0, d);
      }
      d = d.minusDays(1);
    }
    return out;
  }

  private static void at(DemoStory story, LocalDate today, LocalDate day, int hoursBeforeNow) {
    story.at((int) ChronoUnit.DAYS.between(day, today), hoursBeforeNow);
  }

  private void standUps(DemoStory story, String ws, LocalDate today, List<LocalDate> days) {
    User ben = story.ben();
    User femi = story.femi();
    LocalDate d1 = days.get(0);
    LocalDate d2 = days.get(1);
    LocalDate d3 = days.get(2);
    at(story, today, d1, 6);
    StandupEntry sandbox =
        standups.write(
            ben,
            ws,
            TEAM,
            d1.toString(),
            new EntryDraft(
                "Went through the 3-D Secure retry design with Chloe.",
                "3-D Secure challenge retries.",
                List.of("Waiting for the acquirer's 3-D Secure 2.2 sandbox credentials.")));
    story.later(20);
    standups.write(
        femi,
        ws,
        TEAM,
        d1.toString(),
        new EntryDraft(
            "Payout reconciliation report.", "Next-day payouts: bank cut-off times.", null));
    at(story, today, d2, 6);
    standups.write(
        ben,
        ws,
        TEAM,
        d2.toString(),
        new EntryDraft(
            "Challenge retries behind a flag.",
            "Frictionless fallback when the retry fails.",
            null));
    story.later(35);
    standups.write(
        femi,
        ws,
        TEAM,
        d2.toString(),
        new EntryDraft(
            "Collected cut-off times from three banks.",
            "The payout batching job.",
            List.of("Northbank has not confirmed its 17:00 cut-off for next-day payouts.")));
    at(story, today, d3, 7);
    standups.write(
        ben,
        ws,
        TEAM,
        d3.toString(),
        new EntryDraft(
            "Fallback done; still no sandbox, so tested against recordings.",
            "Sprint review demo of the retries.",
            null));
    story.later(25);
    standups.write(
        femi,
        ws,
        TEAM,
        d3.toString(),
        new EntryDraft("Batching job skeleton.", "Batching job: retries and alerts.", null));
    story.later(90);
    Blocker b = sandbox.blockers().get(0);
    standups.resolve(story.ana(), ws, TEAM, b.id(), b.version());
    at(story, today, today, 1);
    standups.write(
        ben,
        ws,
        TEAM,
        today.toString(),
        new EntryDraft(
            "Sandbox credentials arrived; the retries pass against the real sandbox.",
            "Payout status notifications: the webhook payloads.",
            null));
  }

  /** Checkout's payment features the team demoed (by their titles in the definition demo). */
  private List<WorkItem> demoed(DemoStory story) {
    List<WorkItem> out = new ArrayList<>();
    var page =
        workItems.list(story.ana(), story.checkout().slug(), "feature", null, "key", null, 200);
    for (String wanted : List.of("3-d secure", "payout")) {
      page.slice().items().stream()
          .filter(w -> w.title().toLowerCase(Locale.ROOT).contains(wanted))
          .filter(w -> !out.contains(w))
          .findFirst()
          .ifPresent(out::add);
    }
    return out;
  }

  private void review(DemoStory story, String ws, LocalDate today) {
    List<WorkItem> items = demoed(story);
    if (items.isEmpty()) {
      return;
    }
    at(story, today, today.minusDays(5), 4);
    ReviewService.Detail d =
        reviews.create(
            story.ana(),
            ws,
            TEAM,
            new ReviewDraft(
                today.minusDays(5).toString(),
                "Sprint 14 review: payments",
                "Sprint 14",
                "Ben demoed the 3-D Secure retries; Femi walked through next-day payouts.",
                items.stream().map(WorkItem::key).toList(),
                List.of("ben", "femi", "dev", "eva"),
                List.of("Maria Rossi (Acme Freight)")));
    story.later(30);
    WorkItem last = items.get(items.size() - 1);
    reviews.addFeedback(
        story.ana(),
        ws,
        TEAM,
        d.review().id(),
        new ReviewService.FeedbackInput(
            "Maria Rossi (Acme Freight)",
            "Next-day payouts would let us close our books a day earlier; we would also need the"
                + " day's payouts as a CSV for our accounting.",
            List.of(last.key())));
    story.later(10);
    reviews.addFeedback(
        story.ana(),
        ws,
        TEAM,
        d.review().id(),
        new ReviewService.FeedbackInput(
            "Dev Patel",
            "Mid-market prospects ask whether a failed 3-D Secure challenge can be retried without"
                + " the buyer starting over; this demo answers it.",
            List.of(items.get(0).key())));
  }

  private void retrospective(DemoStory story, String ws, LocalDate today) {
    User ana = story.ana();
    User ben = story.ben();
    User femi = story.femi();
    LocalDate day = today.minusDays(14);
    at(story, today, day, 3);
    Retro r =
        retros.create(
            ana,
            ws,
            TEAM,
            new RetroDraft(
                day.toString(), "Sprint 13 retrospective", "start_stop_continue", null, false, 3));
    long id = r.id();
    RetroCard pair = retros.addCard(ben, ws, TEAM, id, "Start", "Pair on payout reconciliation");
    RetroCard cutoffs =
        retros.addCard(femi, ws, TEAM, id, "Start", "Keep the banks' cut-off times in one place");
    RetroCard merging =
        retros.addCard(ben, ws, TEAM, id, "Stop", "Merging without a second review");
    RetroCard flaky =
        retros.addCard(femi, ws, TEAM, id, "Stop", "Flaky sandbox tests blocking merges");
    RetroCard calls = retros.addCard(femi, ws, TEAM, id, "Stop", "Hour-long release calls");
    RetroCard demos = retros.addCard(ben, ws, TEAM, id, "Continue", "Friday demos to support");
    story.later(15);
    retros.group(
        ana, ws, TEAM, id, "Getting changes merged safely", List.of(merging.id(), flaky.id()));
    retros.update(ana, ws, TEAM, id, r.version(), null, "vote", null);
    retros.vote(ben, ws, TEAM, id, flaky.id(), 2);
    retros.vote(ben, ws, TEAM, id, cutoffs.id(), 1);
    retros.vote(femi, ws, TEAM, id, flaky.id(), 1);
    retros.vote(femi, ws, TEAM, id, cutoffs.id(), 2);
    retros.vote(ana, ws, TEAM, id, calls.id(), 1);
    retros.vote(ana, ws, TEAM, id, pair.id(), 1);
    retros.vote(ana, ws, TEAM, id, demos.id(), 1);
    story.later(20);
    Retro voted = retros.board(ana, ws, TEAM, id).retro();
    retros.update(ana, ws, TEAM, id, voted.version(), null, "discuss", null);
    ActionItem quarantine =
        retros.addAction(
            ana,
            ws,
            TEAM,
            id,
            new RetroService.ActionInput(
                "Quarantine the flaky sandbox tests", "ben", day.plusDays(7).toString(), null));
    retros.addAction(
        ana,
        ws,
        TEAM,
        id,
        new RetroService.ActionInput(
            "Write the banks' cut-off times down in the team wiki",
            "femi",
            day.plusDays(10).toString(),
            null));
    at(story, today, day.plusDays(6), 2);
    retros.updateAction(
        ben,
        ws,
        TEAM,
        id,
        quarantine.id(),
        quarantine.version(),
        new RetroService.ActionInput(null, null, null, true));
  }

  private void nextRetrospective(DemoStory story, String ws, LocalDate today) {
    at(story, today, today, 0);
    Retro r =
        retros.create(
            story.ana(),
            ws,
            TEAM,
            new RetroDraft(
                today.toString(),
                "Sprint 14 retrospective",
                "start_stop_continue",
                null,
                false,
                3));
    retros.addCard(
        story.ben(), ws, TEAM, r.id(), "Continue", "Sandbox recordings saved the sprint");
    retros.addCard(story.femi(), ws, TEAM, r.id(), "Stop", "Chasing banks by e-mail");
  }
}
