package io.hatrack.planning.roadmap;

import io.hatrack.discovery.DiscoveryHat;
import io.hatrack.discovery.feedback.themes.ThemeViews.ThemeView;
import io.hatrack.kernel.HatrackException;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.LinkService;
import io.hatrack.kernel.work.LinkTypes;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The roadmap's part of the demo story. Checkout's roadmap holds what the release plan accepted (if
 * the plan's demo ran) and, by Ana's hand, the features of "Reduce checkout drop-off" and "Win
 * mid-market merchants" that the plan left out, plus a few Later ideas without dates; the
 * customer-facing ones are public. Ana saves a snapshot at the quarterly review, then pulls
 * next-day payouts forward (slow payouts is a loud theme) and lets 3-D Secure retry slip a release,
 * so that "what changed since" has something to show; payout notifications depend on next-day
 * payouts and start before those end, so the timeline warns.
 */
final class RoadmapDemo implements DemoSeed {
  static final String SNAPSHOT = "Quarterly review";

  private final RoadmapService roadmaps;
  private final SnapshotService snapshots;
  private final LinkService links;
  private final DiscoveryHat discovery;

  RoadmapDemo(
      RoadmapService roadmaps,
      SnapshotService snapshots,
      LinkService links,
      DiscoveryHat discovery) {
    this.roadmaps = roadmaps;
    this.snapshots = snapshots;
    this.links = links;
    this.discovery = discovery;
  }

  /** Which feature a feedback theme is about, by a stem of its name or top terms. */
  private static final List<Map.Entry<String, String>> THEME_FEATURES =
      List.of(
          Map.entry("card", "One-click saved cards"),
          Map.entry("secur", "3-D Secure retry"),
          Map.entry("3d", "3-D Secure retry"),
          Map.entry("invoic", "CSV invoice export"),
          Map.entry("payout", "Next-day payouts"));

  /**
   * Ana triages the themes: the quote that best represents each theme (a ticket or a call) is
   * linked to the feature it asks for, so that the timeline's theme lanes show where customer
   * demand lands.
   */
  private void triageThemes(User ana, String checkout, Map<String, String> keys) {
    List<ThemeView> themes = discovery.themes().service().overview(ana, checkout).themes();
    for (ThemeView theme : themes) {
      String words =
          (theme.name() + " " + String.join(" ", theme.terms())).toLowerCase(java.util.Locale.ROOT);
      String feature =
          THEME_FEATURES.stream()
              .filter(e -> words.contains(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      if (feature == null || keys.get(feature) == null) {
        continue;
      }
      // A support ticket or call, not a portal idea: the portal's ideas are linked by the team on
      // the portal's own pages, and their story counts those links.
      var feedback = discovery.feedback().service();
      theme.quotes().stream()
          .map(q -> Long.toString(q.id()))
          .filter(
              ref ->
                  feedback.get(ana, ref).feedback().source()
                      != io.hatrack.discovery.feedback.FeedbackSource.PORTAL)
          .findFirst()
          .ifPresent(
              ref -> {
                try {
                  feedback.link(ana, ref, keys.get(feature));
                } catch (HatrackException e) {
                  // Linked already (by another part of the story): nothing to add.
                }
              });
    }
  }

  /** Where the story puts a feature, in days from today; no dates for a Later idea. */
  private record Plan(
      String title, Horizon horizon, Integer from, Integer days, boolean isPublic) {}

  private static final List<Plan> PLANS =
      List.of(
          new Plan("One-click saved cards", Horizon.NOW, -30, 75, true),
          new Plan("3-D Secure retry", Horizon.NOW, -10, 60, true),
          new Plan("CSV invoice export", Horizon.NOW, -20, 45, true),
          new Plan("Apple Pay and Google Pay buttons", Horizon.NEXT, 55, 50, true),
          new Plan("Next-day payouts", Horizon.NEXT, 50, 70, true),
          new Plan("Payout status notifications", Horizon.NEXT, 100, 40, false),
          new Plan("Error budget dashboard", Horizon.NOW, -15, 50, false),
          new Plan("Accounting integrations", Horizon.LATER, null, null, true),
          new Plan("Card expiry reminders", Horizon.LATER, null, null, true),
          new Plan("Biometric confirmation on mobile web", Horizon.LATER, null, null, false));

  @Override
  public void seed(DemoStory story) {
    User ana = story.ana();
    String checkout = story.checkout().slug();
    Map<String, String> keys = roadmaps.keysByTitle(ana, checkout);
    RoadmapService.Roadmap roadmap = roadmaps.roadmap(ana, checkout, RoadmapFilter.NONE);
    LocalDate today = roadmap.today();
    Map<String, RoadmapEntry> placed = new HashMap<>();
    roadmap.entries().forEach(e -> placed.put(e.key(), e));
    List<RoadmapStore.Team> teams = roadmaps.teams(ana, checkout);
    int n = 0;
    for (Plan p : PLANS) {
      String key = keys.get(p.title());
      if (key == null) {
        continue;
      }
      RoadmapEntry e = placed.get(key);
      if (e != null) {
        // The release plan placed it: keep its dates and release, make it public as the story says.
        roadmaps.schedule(
            ana,
            checkout,
            key,
            e.version(),
            new RoadmapService.ScheduleInput(
                e.horizonSet() ? e.horizon().id() : null,
                e.start() == null ? null : e.start().toString(),
                e.end() == null ? null : e.end().toString(),
                e.release(),
                e.team(),
                p.isPublic() || e.isPublic()));
        continue;
      }
      LocalDate start = p.from() == null ? null : today.plusDays(p.from());
      LocalDate end = start == null ? null : start.plusDays(p.days());
      String team = teams.isEmpty() || start == null ? null : teams.get(n++ % teams.size()).name();
      roadmaps.schedule(
          ana,
          checkout,
          key,
          null,
          new RoadmapService.ScheduleInput(
              p.horizon().id(),
              start == null ? null : start.toString(),
              end == null ? null : end.toString(),
              start == null ? "" : release(start),
              team,
              p.isPublic()));
    }
    triageThemes(ana, checkout, keys);
    String payouts = keys.get("Next-day payouts");
    String notifications = keys.get("Payout status notifications");
    if (payouts != null && notifications != null) {
      try {
        links.add(ana, notifications, payouts, LinkTypes.DEPENDS.id());
      } catch (HatrackException e) {
        // Already linked (or the other hats' demo linked them the other way): nothing to add.
      }
    }
    story.later(30);
    snapshots.save(ana, checkout, SNAPSHOT);
    story.later(60 * 24);
    if (payouts != null) {
      RoadmapEntry e = roadmaps.entry(ana, checkout, payouts);
      LocalDate start = today.plusDays(7);
      roadmaps.schedule(
          ana,
          checkout,
          payouts,
          e.version(),
          new RoadmapService.ScheduleInput(
              Horizon.NOW.id(),
              start.toString(),
              start.plusDays(100).toString(),
              release(start),
              e.team(),
              true));
    }
    if (notifications != null) {
      // Ana starts the notifications work while payouts are still being built, whatever slot the
      // release plan gave it (its solver may pick either of two equally good ones): the timeline
      // warns about it.
      RoadmapEntry e = roadmaps.entry(ana, checkout, notifications);
      LocalDate start = today.plusDays(60);
      roadmaps.schedule(
          ana,
          checkout,
          notifications,
          e.version(),
          new RoadmapService.ScheduleInput(
              Horizon.NEXT.id(),
              start.toString(),
              start.plusDays(40).toString(),
              release(start),
              e.team(),
              e.isPublic()));
    }
    String retry = keys.get("3-D Secure retry");
    if (retry != null) {
      RoadmapEntry e = roadmaps.entry(ana, checkout, retry);
      LocalDate start = e.start() == null ? today : e.start();
      roadmaps.schedule(
          ana,
          checkout,
          retry,
          e.version(),
          new RoadmapService.ScheduleInput(
              e.horizonSet() ? e.horizon().id() : null,
              start.toString(),
              (e.end() == null ? start : e.end()).plusDays(21).toString(),
              release(start.plusMonths(3)),
              e.team(),
              e.isPublic()));
    }
  }

  /** The release of a date: its quarter, as the release plan names them ("2026 Q1"). */
  private static String release(LocalDate day) {
    return day.getYear() + " Q" + ((day.getMonthValue() - 1) / 3 + 1);
  }
}
