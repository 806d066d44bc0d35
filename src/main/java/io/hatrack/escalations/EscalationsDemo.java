package io.hatrack.escalations;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.Ref;
import io.hatrack.kernel.work.WorkspaceAccess;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The escalations of the Northwind story: Checkout runs on the standard policy (around the clock),
 * Mobile on business hours in Berlin with holidays. An S1 from Brightwave Retail (enterprise) about
 * the 3-D Secure bug has breached its resolution target, Harbor &amp; Pine's invoice export is
 * breaching soon, Meridian Travel waits on its own answer (clocks paused), a new question just came
 * in, and resolved, closed and reopened ones from the past weeks give the metrics their figures.
 */
final class EscalationsDemo implements DemoSeed {
  /** The bug the S1 is linked to (the definition demo's; created here if missing). */
  static final String BUG = "3-D Secure challenge fails on Safari";

  private final EscalationsHat.Kernel kernel;
  private final SlaPolicyService policies;
  private final EscalationService escalations;

  EscalationsDemo(
      EscalationsHat.Kernel kernel, SlaPolicyService policies, EscalationService escalations) {
    this.kernel = kernel;
    this.policies = policies;
    this.escalations = escalations;
  }

  /** One step of an escalation's story, some hours after it was opened. */
  private record Step(double hours, String what, String text) {}

  /** One escalation: product, customer, title, severity, owner, opened hours ago, steps. */
  private record Story(
      String product,
      String customer,
      String title,
      String severity,
      String owner,
      double openedHoursAgo,
      String description,
      List<Step> steps) {}

  @Override
  public void seed(DemoStory story) {
    User ana = story.ana();
    String bug = bugKey(ana);
    story.at(0, 0);
    Instant now = story.clock().instant();
    kernel
        .db()
        .txVoid(
            h -> {
              WorkspaceAccess ws =
                  kernel.workspaces().access(h, ana, new Ref(story.workspace().slug()));
              policies.ensureDefault(h, ws.id());
              SlaPolicy berlin = policies.create(h, ana, ws, berlin(now));
              ProductAccess mobile = kernel.products().access(h, ana, story.mobile().slug());
              policies.pick(h, ana, mobile, berlin.id());
              for (Story s : stories()) {
                tell(h, story, s, now, bug);
              }
            });
  }

  private String bugKey(User ana) {
    List<WorkItem> bugs =
        kernel
            .definition()
            .workItems()
            .list(ana, "checkout", "bug", null, null, 200)
            .slice()
            .items();
    return bugs.stream()
        .filter(w -> w.title().equals(BUG))
        .findFirst()
        .orElseGet(
            () ->
                kernel.definition().workItems().create(ana, "checkout", NewWorkItem.of("bug", BUG)))
        .key();
  }

  private static SlaPolicyDraft berlin(Instant now) {
    int year = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear();
    List<String> holidays = new ArrayList<>();
    for (int y = year - 1; y <= year + 1; y++) {
      holidays.add(y + "-12-25");
      holidays.add(y + "-12-26");
      holidays.add(y + "-01-01");
      holidays.add(y + "-10-03");
    }
    Map<String, SlaPolicyDraft.Target> targets = new LinkedHashMap<>();
    targets.put("S1", new SlaPolicyDraft.Target(60L, 8 * 60L));
    targets.put("S2", new SlaPolicyDraft.Target(4 * 60L, 16 * 60L));
    targets.put("S3", new SlaPolicyDraft.Target(8 * 60L, 40 * 60L));
    targets.put("S4", new SlaPolicyDraft.Target(16 * 60L, 80 * 60L));
    return SlaPolicyDraft.named("Business hours (Berlin)")
        .inHours(
            "Europe/Berlin", List.of("mon", "tue", "wed", "thu", "fri"), "09:00", "17:00", holidays)
        .withTargets(targets);
  }

  private static List<Story> stories() {
    List<Story> all = new ArrayList<>(open());
    all.addAll(past());
    return all;
  }

  /** The escalations still open: breached, breaching soon, paused, new. */
  private static List<Story> open() {
    return List.of(
        new Story(
            "checkout",
            "Brightwave Retail",
            "Safari shoppers cannot finish 3-D Secure checkouts",
            "S1",
            "ben",
            6.5,
            "Since this morning every Safari customer of Brightwave's web shop fails at the 3-D"
                + " Secure challenge; about a third of their card checkouts are lost.",
            List.of(
                new Step(0.2, "note", "Reproduced on Safari 17 with a test card; Chrome works."),
                new Step(
                    0.4,
                    "customer_update",
                    "We reproduced the failure and the payments team is on it; next update within"
                        + " the hour."),
                new Step(0.5, "investigating", "Ben's team is looking at the challenge iframe."),
                new Step(0.6, "link", null),
                new Step(
                    2.0,
                    "customer_update",
                    "The cause is a cookie the challenge frame loses on Safari; a fix is being"
                        + " tested."))),
        new Story(
            "checkout",
            "Harbor & Pine Outfitters",
            "Invoice export totals ignore refunds",
            "S3",
            "ana",
            58,
            "Their finance team reconciles with our CSV export, whose totals count refunded orders.",
            List.of(
                new Step(
                    3,
                    "customer_update",
                    "Thanks, Grace: we see it too and will tell you when the export is fixed."),
                new Step(3.1, "investigating", null),
                new Step(20, "note", "Same cause as the known CSV refunds bug."))),
        new Story(
            "mobile",
            "Meridian Travel Group",
            "Payout notifications arrive a day late in the app",
            "S2",
            "eva",
            30,
            "Meridian's finance staff see payout notifications on their phones a day after the"
                + " payout.",
            List.of(
                new Step(0.5, "investigating", null),
                new Step(
                    1,
                    "customer_update",
                    "Could you send us the device models and the time zone set on them?"),
                new Step(6, "waiting_on_customer", "Asked for device models and time zones."))),
        new Story(
            "checkout",
            "Fable Kids",
            "Question about the fees on partial refunds",
            "S4",
            null,
            1,
            "Noah asks whether a partial refund returns a share of the card fee.",
            List.of()));
  }

  /** The resolved and closed ones of the past weeks, one of them reopened once. */
  private static List<Story> past() {
    return List.of(
        new Story(
            "checkout",
            "Luma Home Goods",
            "Saved cards disappear after signing in again",
            "S2",
            "ben",
            20 * 24,
            "Some returning shoppers no longer see their saved cards after a new sign-in.",
            List.of(
                new Step(0.8, "customer_update", "We are on it and will write again by tonight."),
                new Step(0.9, "investigating", null),
                new Step(18, "customer_update", "Fixed in today's release; cards are back."),
                new Step(18.1, "resolved", "Token refresh fixed."),
                new Step(66, "closed", "Priya confirmed."))),
        new Story(
            "checkout",
            "Copperleaf Pharmacy",
            "Checkout answers 502 errors at peak hours",
            "S1",
            "ben",
            12 * 24,
            "Copperleaf's lunchtime peak saw one checkout in ten fail with a 502.",
            List.of(
                new Step(0.1, "investigating", null),
                new Step(
                    0.75,
                    "customer_update",
                    "We found an overloaded gateway node and are adding capacity."),
                new Step(3, "resolved", "Capacity added; errors back to zero."),
                new Step(30, "closed", null))),
        new Story(
            "checkout",
            "Pebble & Moss Studio",
            "Receipt logo is blurry",
            "S4",
            "chloe",
            9 * 24,
            "The logo on e-mailed receipts is scaled up from a thumbnail.",
            List.of(
                new Step(6, "customer_update", "Thanks Chiara, we will use the full-size logo."),
                new Step(72, "resolved", "Receipts use the original logo now."))),
        new Story(
            "mobile",
            "Kestrel Bikes",
            "Apple Pay button missing on iPad",
            "S3",
            "chloe",
            15 * 24,
            "The Apple Pay button does not show in the iPad app's checkout.",
            List.of(
                new Step(2, "customer_update", "Which iPadOS version do your staff use?"),
                new Step(2.1, "waiting_on_customer", null),
                new Step(26, "investigating", "Jonas answered: iPadOS 17.4."),
                new Step(50, "resolved", "Layout fixed for the iPad's split view."),
                new Step(
                    60, "investigating", "Reopened: the button is still missing in landscape."),
                new Step(80, "resolved", "Landscape fixed too."),
                new Step(120, "closed", null))),
        new Story(
            "mobile",
            "Northstar Fitness Clubs",
            "App crashes on the payment confirmation screen",
            "S2",
            "ben",
            7 * 24,
            "Android 14 users see a crash right after paying.",
            List.of(
                new Step(3, "customer_update", "A fix is in review; we will ship it tomorrow."),
                new Step(3.2, "investigating", null),
                new Step(28, "resolved", "Released 4.12.1."))));
  }

  private void tell(Handle h, DemoStory story, Story s, Instant now, String bug) {
    User ana = story.ana();
    ProductAccess product = kernel.products().access(h, ana, s.product());
    Instant opened = now.minus(hours(s.openedHoursAgo()));
    story.clock().set(hours(s.openedHoursAgo()));
    EscalationDraft draft =
        EscalationDraft.of(s.customer(), s.title(), s.severity())
            .describedAs(s.description())
            .ownedBy(s.owner());
    Escalation x = escalations.create(h, ana, product, draft, opened);
    for (Step step : s.steps()) {
      Instant at = opened.plus(hours(step.hours()));
      if (at.isAfter(now)) {
        continue;
      }
      story.clock().set(Duration.between(at, now));
      User who = step.what().equals("customer_update") ? story.person("eva") : ana;
      switch (step.what()) {
        case "note" -> escalations.post(h, who, x, TimelineEntry.Kind.NOTE, step.text(), at);
        case "customer_update" ->
            escalations.post(h, who, x, TimelineEntry.Kind.CUSTOMER_UPDATE, step.text(), at);
        case "link" -> escalations.link(h, ana, x, bug);
        default ->
            x =
                escalations.changeStatus(
                    h, who, x, EscalationStatus.parse("status", step.what()), step.text(), at);
      }
    }
    story.at(0, 0);
  }

  private static Duration hours(double h) {
    return Duration.ofSeconds(Math.round(h * 3600));
  }
}
