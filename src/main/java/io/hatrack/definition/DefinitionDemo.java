package io.hatrack.definition;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Collaboration;
import java.util.ArrayList;
import java.util.List;

/**
 * The definition hat's part of the demo story: Checkout's hierarchy from the objective "Grow
 * payment volume 30 % this year" down to the stories of one-click saved cards, with bugs and tasks,
 * about sixty items in varied states, and a few Mobile items.
 */
public final class DefinitionDemo implements DemoSeed {
  private final WorkItemService items;
  private final WorkflowService workflows;
  private final Collaboration collaboration;
  private final List<WorkItem> created = new ArrayList<>();

  public DefinitionDemo(
      WorkItemService items, WorkflowService workflows, Collaboration collaboration) {
    this.items = items;
    this.workflows = workflows;
    this.collaboration = collaboration;
  }

  /** One item to create: its type, title, owner, estimate, status and description. */
  private record Spec(
      String type, String title, User owner, Double estimate, String status, String description) {}

  private WorkItem add(DemoStory story, WorkItem parent, Spec s) {
    return add(story, story.checkout().slug(), parent, s);
  }

  private WorkItem add(DemoStory story, String product, WorkItem parent, Spec s) {
    story.later(37);
    WorkItem w =
        items.create(
            story.ana(),
            product,
            new NewWorkItem(
                s.type(),
                s.title(),
                s.description(),
                parent == null ? null : parent.key(),
                s.owner() == null ? null : s.owner().handle(),
                s.estimate(),
                null,
                s.status(),
                null,
                null,
                null,
                null,
                List.of()));
    created.add(w);
    return w;
  }

  private static Spec spec(String type, String title, User owner, Double estimate, String status) {
    return new Spec(type, title, owner, estimate, status, "");
  }

  @Override
  public void seed(DemoStory story) {
    User ana = story.ana();
    User ben = story.ben();
    User chloe = story.chloe();
    User femi = story.femi();
    story.at(34, 0);
    var settings = workflows.settings(ana, story.checkout().slug());
    workflows.updateSettings(ana, story.checkout().slug(), settings.version(), "points", 13.0);

    WorkItem growth =
        add(
            story,
            null,
            new Spec(
                "objective",
                "Grow payment volume 30 % this year",
                femi,
                null,
                "In progress",
                "Payment volume from **$4.1 bn** to **$5.3 bn**. Most of the growth has to come from"
                    + " conversion at checkout and from mid-market merchants moving to us."));
    WorkItem dropOff =
        add(
            story,
            growth,
            new Spec(
                "initiative",
                "Reduce checkout drop-off",
                ana,
                null,
                "In progress",
                "Checkout conversion is 61 %; the target is 68 % by the end of Q2. The biggest"
                    + " leaks: re-typing card details, failed 3-D Secure challenges, long forms."));
    WorkItem saved =
        add(
            story,
            dropOff,
            new Spec(
                "epic",
                "Saved payment methods",
                ana,
                null,
                "In progress",
                "Let returning shoppers pay with what they used before, safely."));
    WorkItem oneClick =
        add(
            story,
            saved,
            new Spec(
                "feature",
                "One-click saved cards",
                ana,
                13.0,
                "In progress",
                """
                Returning shoppers pay with a card they saved before, in one click.

                - Cards are stored as processor tokens, never as numbers (PCI scope stays SAQ A).
                - Shoppers choose to save a card; they can remove it any time.
                - Success: checkout conversion for returning shoppers +5 points.
                """));
    add(story, oneClick, spec("story", "Save a card at checkout", ben, 5.0, "In review"));
    add(story, oneClick, spec("story", "Pay with a saved card", ben, 3.0, "In progress"));
    add(story, oneClick, spec("story", "Remove a saved card", chloe, 2.0, "Ready"));
    add(story, oneClick, spec("story", "Choose a default card", chloe, null, "Backlog"));
    add(story, oneClick, spec("task", "Tokenisation sandbox with the processor", ben, 2.0, "Done"));
    WorkItem expiry =
        add(story, saved, spec("feature", "Card expiry reminders", ana, 8.0, "Backlog"));
    add(
        story,
        expiry,
        spec("story", "Email a shopper before a saved card expires", ana, 3.0, null));
    add(story, expiry, spec("story", "Update an expiring card in place", chloe, 5.0, null));
    WorkItem auth =
        add(story, dropOff, spec("epic", "Frictionless authentication", ben, null, "Ready"));
    WorkItem retry = add(story, auth, spec("feature", "3-D Secure retry", ben, 8.0, "Ready"));
    add(story, retry, spec("story", "Retry a failed challenge once", ben, 3.0, "Ready"));
    add(
        story,
        retry,
        spec("story", "Explain a declined challenge to the shopper", chloe, 2.0, null));
    add(story, retry, spec("bug", "3-D Secure challenge fails on Safari", ben, 3.0, "In progress"));
    WorkItem bio =
        add(story, auth, spec("feature", "Biometric confirmation on mobile web", ben, 13.0, null));
    add(story, bio, spec("story", "Confirm a payment with Face ID or fingerprint", ben, 8.0, null));
    add(story, bio, spec("story", "Fall back to a one-time code", ben, 3.0, null));
    WorkItem form = add(story, dropOff, spec("epic", "Shorter checkout form", chloe, null, null));
    WorkItem address =
        add(story, form, spec("feature", "Address autocomplete", chloe, 5.0, "Done"));
    add(
        story,
        address,
        spec("story", "Suggest addresses as the shopper types", chloe, 3.0, "Done"));
    add(story, address, spec("story", "Validate postcodes per country", ben, 2.0, "Done"));
    WorkItem wallets =
        add(story, form, spec("feature", "Apple Pay and Google Pay buttons", ben, 8.0, "Ready"));
    add(story, wallets, spec("story", "Show wallet buttons on supported devices", ben, 3.0, null));
    add(story, wallets, spec("story", "Pay with Apple Pay", ben, 5.0, null));
    add(story, wallets, spec("story", "Pay with Google Pay", ben, 5.0, null));

    seedMidMarket(story, growth);
    seedReliability(story, form, saved);
    seedMobile(story);

    story.at(3, 0);
    collaboration
        .comments()
        .add(
            ben,
            oneClick.key(),
            "Tokenisation sandbox is done; the processor returns a network token when the issuer"
                + " supports it. @ana the PRD can say \"token\" without caveats now.");
    collaboration.tags().set(ana, oneClick.key(), List.of("saved-cards", "conversion"));
    collaboration.tags().set(ana, retry.key(), List.of("3ds", "conversion"));
  }

  private void seedMidMarket(DemoStory story, WorkItem growth) {
    User ana = story.ana();
    User ben = story.ben();
    User chloe = story.chloe();
    User femi = story.femi();
    WorkItem midMarket =
        add(story, growth, spec("initiative", "Win mid-market merchants", femi, null, "Ready"));
    WorkItem invoices =
        add(story, midMarket, spec("epic", "Invoice export", ana, null, "In progress"));
    WorkItem csv =
        add(story, invoices, spec("feature", "CSV invoice export", ana, 5.0, "In review"));
    add(story, csv, spec("story", "Export a month of invoices as CSV", ben, 3.0, "In review"));
    add(story, csv, spec("story", "Choose the columns of the export", chloe, 2.0, "Ready"));
    add(story, csv, spec("bug", "Totals in the CSV ignore refunds", ben, 2.0, "In progress"));
    WorkItem accounting =
        add(story, invoices, spec("feature", "Accounting integrations", ana, 13.0, null));
    add(story, accounting, spec("story", "Send invoices to Xero", ben, 8.0, null));
    add(story, accounting, spec("story", "Send invoices to QuickBooks", ben, 8.0, null));
    WorkItem payouts = add(story, midMarket, spec("epic", "Faster payouts", femi, null, null));
    WorkItem nextDay =
        add(story, payouts, spec("feature", "Next-day payouts", ben, 13.0, "Backlog"));
    add(story, nextDay, spec("story", "Opt in to next-day payouts", ana, 3.0, null));
    add(story, nextDay, spec("story", "See the payout date before it happens", chloe, 2.0, null));
    add(
        story,
        nextDay,
        spec("task", "Agree cut-off times with the bank", femi, 1.0, "In progress"));
    WorkItem payoutNotes =
        add(story, payouts, spec("feature", "Payout status notifications", ana, 5.0, null));
    add(story, payoutNotes, spec("story", "Email when a payout is sent", ana, 2.0, null));
    add(story, payoutNotes, spec("story", "Webhook for payout events", ben, 3.0, null));
  }

  private void seedReliability(DemoStory story, WorkItem form, WorkItem saved) {
    User ana = story.ana();
    User ben = story.ben();
    User chloe = story.chloe();
    User femi = story.femi();
    WorkItem reliable =
        add(
            story,
            null,
            spec("objective", "Keep checkout available 99.95 % of the time", ben, null, "Ready"));
    WorkItem observe =
        add(
            story,
            reliable,
            spec("initiative", "See payment failures as they happen", ben, null, null));
    WorkItem budget =
        add(story, observe, spec("epic", "Checkout error budget", ben, null, "In progress"));
    WorkItem dashboard =
        add(story, budget, spec("feature", "Error budget dashboard", ben, 8.0, "In progress"));
    add(
        story,
        dashboard,
        spec("story", "Chart failed payments by issuer", ben, 5.0, "In progress"));
    add(story, dashboard, spec("story", "Alert when the budget burns too fast", ben, 3.0, null));
    add(story, dashboard, spec("task", "Export acquirer response codes", ben, 2.0, "Done"));
    WorkItem incidents =
        add(story, budget, spec("feature", "Incident status page for merchants", ana, 5.0, null));
    add(story, incidents, spec("story", "Publish an incident to merchants", ana, 3.0, null));
    add(story, budget, spec("bug", "Timeouts double-charge on retry", ben, 5.0, "Done"));
    add(story, budget, spec("bug", "Declined cards show a generic error", chloe, 1.0, "Won't do"));
    add(story, form, spec("bug", "Postcode field rejects Irish Eircodes", chloe, 1.0, "Ready"));
    add(story, saved, spec("task", "PCI SAQ A review with compliance", femi, 2.0, "Ready"));
  }

  private void seedMobile(DemoStory story) {
    User ana = story.ana();
    User ben = story.ben();
    User femi = story.femi();
    // Mobile has its own small backlog.
    String mob = story.mobile().slug();
    WorkItem app =
        add(
            story,
            mob,
            null,
            spec("objective", "Make the merchant app a daily habit", femi, null, null));
    WorkItem payoutsApp =
        add(story, mob, app, spec("epic", "Payouts on the go", ana, null, "Ready"));
    WorkItem push =
        add(
            story,
            mob,
            payoutsApp,
            spec("feature", "Push notification for payouts", ana, 5.0, null));
    add(story, mob, push, spec("story", "Get a push when a payout lands", ben, 3.0, null));
  }

  /** The items the seed made, in order (for other seeds and tests). */
  public List<WorkItem> created() {
    return List.copyOf(created);
  }
}
