package io.hatrack.planning.plans;

import io.hatrack.definition.StateCategory;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.LinkService;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.planning.teams.PlanningPeriod;
import io.hatrack.planning.teams.TeamDraft;
import io.hatrack.planning.teams.TeamService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Northwind's three teams (Payments and Checkout web in person-days, Mobile in points) with the
 * demo people as part-time members, a holiday and days off; an effort per team on each open
 * Checkout feature (from its estimate); "Payout status notifications" depending on "Next-day
 * payouts"; and, when the backlog is scored, a release plan over the next two quarters with a
 * what-if (Payments with more capacity), the plan accepted so the roadmap has items. Without any
 * scores (the scoring part's demo not run) it stops after the efforts, as a plan needs values.
 */
final class ReleasePlanDemo implements DemoSeed {
  private final TeamService teams;
  private final PlanService plans;
  private final WorkItemService workItems;
  private final LinkService links;

  ReleasePlanDemo(
      TeamService teams, PlanService plans, WorkItemService workItems, LinkService links) {
    this.teams = teams;
    this.plans = plans;
    this.workItems = workItems;
    this.links = links;
  }

  @Override
  public void seed(DemoStory story) {
    teamsAndEfforts(story);
    plan(story);
  }

  /** The next two quarters after the story's present. */
  private static List<PlanningPeriod> quarters(DemoStory story) {
    LocalDate today = LocalDate.ofInstant(story.clock().instant(), ZoneOffset.UTC);
    PlanningPeriod first =
        PlanningPeriod.quarterOf(PlanningPeriod.quarterOf(today).end().plusDays(1));
    return List.of(first, PlanningPeriod.quarterOf(first.end().plusDays(1)));
  }

  /** The teams, their people and days off, and the efforts of Checkout's open features. */
  void teamsAndEfforts(DemoStory story) {
    User ana = story.ana();
    String ws = story.workspace().slug();
    String chk = story.checkout().slug();
    story.at(6, 3);
    PlanningPeriod first = quarters(story).get(0);
    PlanningPeriod second = quarters(story).get(1);
    teams.create(
        ana,
        ws,
        new TeamDraft(
            "Payments",
            "payments",
            "Processing, 3-D Secure, payouts and invoices.",
            "days",
            2,
            null,
            null));
    teams.create(
        ana,
        ws,
        new TeamDraft(
            "Checkout web",
            "checkout-web",
            "The hosted checkout page and its forms.",
            "days",
            2,
            null,
            null));
    teams.create(
        ana,
        ws,
        new TeamDraft(
            "Mobile", "mobile", "The iOS and Android SDKs and apps.", "points", 2, null, 1.5));
    teams.putMember(ana, ws, "payments", "ben", 60);
    teams.putMember(ana, ws, "payments", "femi", 20);
    teams.putMember(ana, ws, "checkout-web", "chloe", 80);
    teams.putMember(ana, ws, "checkout-web", "ana", 20);
    teams.putMember(ana, ws, "mobile", "ben", 40);
    teams.putMember(ana, ws, "mobile", "chloe", 20);
    teams.putMember(ana, ws, "mobile", "eva", 30);
    for (String team : List.of("payments", "checkout-web", "mobile")) {
      teams.addDayOff(
          ana,
          ws,
          team,
          null,
          first.start().toString(),
          first.start().plusDays(1).toString(),
          "New year's company holiday");
    }
    teams.addDayOff(
        ana,
        ws,
        "payments",
        "ben",
        second.start().plusDays(40).toString(),
        second.start().plusDays(49).toString(),
        "Ben's summer leave");
    teams.addDayOff(
        ana,
        ws,
        "checkout-web",
        "chloe",
        first.start().plusDays(50).toString(),
        first.start().plusDays(54).toString(),
        "Design conference");
    story.later(30);
    Map<String, WorkItem> features = new LinkedHashMap<>();
    String cursor = null;
    do {
      var page = workItems.list(ana, chk, "feature", null, "key", cursor, 200);
      page.slice().items().stream()
          .filter(w -> w.state().category() != StateCategory.DONE)
          .forEach(w -> features.put(w.title(), w));
      cursor = page.slice().nextCursor();
    } while (cursor != null);
    for (WorkItem w : features.values()) {
      teams.setEfforts(ana, w.key(), efforts(w));
    }
    WorkItem payouts = features.get("Next-day payouts");
    WorkItem notifications = features.get("Payout status notifications");
    if (payouts != null && notifications != null) {
      links.add(ana, notifications.key(), payouts.key(), LinkTypes.DEPENDS.id());
    }
  }

  /**
   * A plan of the next two quarters with a what-if and the plan accepted, when the backlog has a
   * scoring model (the scoring part's demo makes them); without one there is nothing to plan by.
   */
  void plan(DemoStory story) {
    User ana = story.ana();
    String chk = story.checkout().slug();
    story.later(45);
    PlanningPeriod first = quarters(story).get(0);
    PlanningPeriod second = quarters(story).get(1);
    if (plans.list(ana, chk).models().isEmpty()) {
      return;
    }
    PlanService.Detail plan =
        plans.create(
            ana,
            chk,
            PlanRequest.of("H1 plan", List.of(first.id(), second.id())).withOptions(null, null, 5));
    story.later(20);
    plans.scenario(
        ana,
        chk,
        plan.plan().id(),
        new ScenarioChanges(
            "Payments +1 engineer at 50 %",
            List.of(
                new ScenarioChanges.CapacityChange("payments", first.id(), 30.0),
                new ScenarioChanges.CapacityChange("payments", second.id(), 30.0)),
            List.of(),
            Map.of()));
    story.later(60);
    plans.accept(ana, chk, plan.plan().id());
  }

  /**
   * Efforts from a feature's estimate (points, 5 when missing): the web team builds every feature
   * (1.5 person-days a point), the payments team those about payments (2 a point), the mobile team
   * those about phones (their own points).
   */
  static Map<String, Double> efforts(WorkItem w) {
    double estimate = Optional.ofNullable(w.estimate()).orElse(5.0);
    String title = w.title().toLowerCase(Locale.ROOT);
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("checkout-web", estimate * 1.5);
    if (title.matches(".*(secure|payout|pay |invoice|accounting|card|error budget).*")) {
      out.put("payments", estimate * 2);
    }
    if (title.matches(".*(mobile|push|biometric|apple pay).*")) {
      out.put("mobile", estimate);
    }
    return out;
  }
}
