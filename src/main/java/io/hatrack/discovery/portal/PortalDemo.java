package io.hatrack.discovery.portal;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checkout's public feedback portal in the demo story: on, with twelve ideas from merchants that
 * echo the story's themes (saved cards, 3-D Secure failures, invoice export, slow payouts), 10 to
 * 60 votes each from verified merchant addresses, comments and the team's answers, statuses from
 * under review to done, three ideas linked to the features they support, a duplicate merged into
 * its original (its voters counted once), a test post hidden, and one vote still waiting in the dev
 * mailbox for its verification link. The demo opens the dev mailbox to everyone.
 */
public final class PortalDemo implements DemoSeed {
  private final PortalService portal;
  private final PortalModeration moderation;
  private final Outbox outbox;
  private final ItemService items;

  PortalDemo(PortalService portal, PortalModeration moderation, Outbox outbox, ItemService items) {
    this.portal = portal;
    this.moderation = moderation;
    this.outbox = outbox;
    this.items = items;
  }

  /**
   * One idea: who posts it, what it says, how many vote, its status and the feature it supports.
   */
  private record Spec(
      String author,
      String title,
      String description,
      int votes,
      IdeaStatus status,
      String feature,
      List<String> comments,
      String answer) {}

  private static final String[] FIRST = {
    "maria", "tom", "aisha", "lukas", "sofia", "james", "yuki", "pedro", "nora", "omar",
    "elena", "felix", "hana", "ivan", "julia", "kofi", "lea", "marco", "nina", "oscar"
  };
  private static final String[] SHOPS = {"bluefinshop", "harbourgoods", "kitecycles"};

  /** Sixty merchant addresses, each voting on several ideas. */
  static List<String> voters() {
    List<String> all = new ArrayList<>();
    for (String shop : SHOPS) {
      for (String name : FIRST) {
        all.add(name + "@" + shop + ".example");
      }
    }
    return all;
  }

  private static final List<Spec> IDEAS =
      List.of(
          new Spec(
              "maria@bluefinshop.example",
              "Save cards for returning customers",
              "Our regulars buy every month and type their card number every time. Let them save"
                  + " a card (tokenised, of course) and pay with one click next time.",
              // 57 once the duplicate is merged in: three of its voters are new.
              54,
              IdeaStatus.PLANNED,
              "One-click saved cards",
              List.of(
                  "Half of our orders are repeat orders; this would cut our drop-off a lot.",
                  "Please keep it opt-in for the shopper."),
              "Planned for Q1: one-click saved cards, opt-in for shoppers and tokenised. Thank"
                  + " you all for the votes!"),
          new Spec(
              "lukas@kitecycles.example",
              "Next-day payouts for established merchants",
              "Payouts take three business days. For a small shop that is a lot of cash tied up."
                  + " Merchants with a clean history could get next-day payouts.",
              51,
              IdeaStatus.UNDER_REVIEW,
              null,
              List.of("Three days hurts in December especially."),
              null),
          new Spec(
              "aisha@harbourgoods.example",
              "Retry 3-D Secure when the bank's page times out",
              "On Safari the 3-D Secure challenge sometimes never loads and the sale is lost. An"
                  + " automatic retry, or a button to try again, would save those orders.",
              44,
              IdeaStatus.IN_PROGRESS,
              "3-D Secure retry",
              List.of(
                  "We see this several times a day with one particular bank.",
                  "Same for us on iOS 17."),
              "We are working on it: a retry that keeps the basket, out for some merchants"
                  + " already."),
          new Spec(
              "tom@bluefinshop.example",
              "Export invoices as CSV for our accounting tool",
              "Every month I copy invoices by hand into our accounting software. A CSV export"
                  + " with the VAT split would save me a day.",
              37,
              IdeaStatus.DONE,
              "CSV invoice export",
              List.of("Works great, thank you!"),
              "Shipped: Invoices > Export > CSV, with one VAT column per rate."),
          new Spec(
              "sofia@kitecycles.example",
              "Apple Pay and Google Pay on the hosted checkout",
              "Most of our shoppers are on their phone. Wallet buttons would make paying much"
                  + " faster than typing a card.",
              33,
              IdeaStatus.PLANNED,
              null,
              List.of(),
              null),
          new Spec(
              "james@harbourgoods.example",
              "Show the expected arrival date of each payout",
              "The payouts page says \u201cpaid\u201d but not when the money reaches our bank."
                  + " Our finance team asks me every week.",
              26,
              IdeaStatus.UNDER_REVIEW,
              null,
              List.of("An e-mail when a payout is sent would help too."),
              null),
          new Spec(
              "yuki@bluefinshop.example",
              "Let customers pay invoices by SEPA bank transfer",
              "Our B2B customers prefer bank transfers for larger invoices. Matching the transfer"
                  + " to the invoice automatically would be ideal.",
              22,
              IdeaStatus.UNDER_REVIEW,
              null,
              List.of(),
              null),
          new Spec(
              "pedro@kitecycles.example",
              "Address autocomplete in the checkout form",
              "Typos in addresses cost us returned parcels. Suggest the address as the shopper"
                  + " types.",
              19,
              IdeaStatus.DONE,
              null,
              List.of(),
              "Done: address autocomplete is on for every checkout since last month."),
          new Spec(
              "nora@harbourgoods.example",
              "Partial captures for split shipments",
              "When an order ships in two parcels we want to capture the amount of each parcel"
                  + " as it ships, not all at once.",
              17,
              IdeaStatus.UNDER_REVIEW,
              null,
              List.of(),
              null),
          new Spec(
              "omar@bluefinshop.example",
              "Send a webhook when a refund settles",
              "We only get an event when the refund is created. Our support team needs to know"
                  + " when the customer actually has the money back.",
              15,
              IdeaStatus.UNDER_REVIEW,
              null,
              List.of(),
              null),
          new Spec(
              "elena@kitecycles.example",
              "Dark mode for the merchant dashboard",
              "I check the dashboard late in the evening; a dark theme would be easier on the"
                  + " eyes.",
              12,
              IdeaStatus.DECLINED,
              null,
              List.of(),
              "Not for now: we focus on checkout conversion this year. We keep it in mind."),
          new Spec(
              "felix@harbourgoods.example",
              "Show prices in the shopper's currency",
              "Foreign shoppers leave when they see prices in euros only. Show an estimate in"
                  + " their currency.",
              10,
              IdeaStatus.UNDER_REVIEW,
              null,
              List.of(),
              null));

  @Override
  public void seed(DemoStory story) {
    User ana = story.ana();
    String slug = story.checkout().slug();
    outbox.openToEveryone();
    story.at(75, 0);
    PortalSettings settings = moderation.settings(ana, slug);
    moderation.saveSettings(
        ana,
        slug,
        settings.version(),
        true,
        false,
        "Tell the Checkout team what would help you sell more, and vote for the ideas you want"
            + " most. We read everything and answer here.");
    List<String> voters = voters();
    List<Idea> posted = new ArrayList<>();
    int day = 70;
    for (int n = 0; n < IDEAS.size(); n++) {
      Spec s = IDEAS.get(n);
      story.at(day, 9);
      day -= 5;
      Idea idea = post(slug, s.author(), s.title(), s.description());
      // The author's own vote counts as the first one.
      for (int v = 0, cast = 1; cast < s.votes(); v++) {
        String voter = voters.get((v + n * 7) % voters.size());
        if (voter.equals(s.author())) {
          continue;
        }
        story.later(11);
        portal.vote(slug, idea.id(), Visitor.of(null, voter), null, "demo " + voter);
        cast++;
      }
      for (int c = 0; c < s.comments().size(); c++) {
        story.later(90);
        String by = voters.get((n * 11 + c * 5 + 3) % voters.size());
        portal.comment(
            slug,
            idea.id(),
            Visitor.of(null, by),
            new CommentDraft(s.comments().get(c), name(by), null),
            "demo " + by);
      }
      posted.add(idea);
    }
    story.at(6, 10);
    for (int n = 0; n < IDEAS.size(); n++) {
      Spec s = IDEAS.get(n);
      Idea idea = posted.get(n);
      story.later(20);
      if (s.status() != IdeaStatus.UNDER_REVIEW) {
        moderation.update(
            ana,
            slug,
            idea.id(),
            moderation.idea(ana, slug, idea.id()).idea().version(),
            new PortalModeration.IdeaPatch(null, null, s.status(), null));
      }
      if (s.answer() != null) {
        moderation.reply(ana, slug, idea.id(), s.answer());
      }
      if (s.feature() != null) {
        moderation.linkToFeature(ana, slug, idea.id(), feature(ana, s.feature()).key());
      }
    }
    duplicateAndTestPost(story, slug, posted.get(0), voters);
  }

  /** A duplicate of the saved-cards idea, merged into it; a test post, hidden; a pending vote. */
  private void duplicateAndTestPost(
      DemoStory story, String slug, Idea original, List<String> voters) {
    User ana = story.ana();
    story.at(4, 15);
    Idea duplicate =
        post(
            slug,
            "ivan@kitecycles.example",
            "Remember my card next time",
            "As a shopper I want the checkout to remember my card.");
    // Six votes, three of them from people who voted for the original too.
    for (String voter :
        List.of(
            voters.get(1),
            voters.get(2),
            voters.get(3),
            "zoe@newmerchant.example",
            "li@newmerchant.example",
            "sam@newmerchant.example")) {
      story.later(30);
      if (!voter.equals("ivan@kitecycles.example")) {
        portal.vote(slug, duplicate.id(), Visitor.of(null, voter), null, "demo " + voter);
      }
    }
    story.at(3, 11);
    moderation.merge(ana, slug, original.id(), List.of(duplicate.id()));
    story.at(2, 8);
    Idea test = post(slug, "hana@harbourgoods.example", "test test", "Just testing this form.");
    story.later(45);
    moderation.update(
        ana,
        slug,
        test.id(),
        test.version(),
        new PortalModeration.IdeaPatch(null, null, null, Visibility.HIDDEN));
    story.at(0, 2);
    // A shopper asked to vote and has not followed the link yet: it waits in the dev mailbox.
    portal.vote(slug, original.id(), Visitor.ANONYMOUS, "lena@example.com", "demo lena");
  }

  private Idea post(String slug, String email, String title, String description) {
    return portal
        .post(
            slug,
            Visitor.of(null, email),
            new IdeaDraft(title, description, name(email), null),
            "demo " + email)
        .idea();
  }

  private Item feature(User ana, String title) {
    return items.find(ana, title, 20).stream()
        .filter(i -> i.title().equals(title) && i.kind().equals("work_item"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the demo has no feature " + title));
  }

  /** "maria@bluefinshop.example" shows as "Maria (Bluefinshop)". */
  static String name(String email) {
    String local = email.substring(0, email.indexOf('@'));
    String shop = email.substring(email.indexOf('@') + 1, email.lastIndexOf('.'));
    return capital(local) + " (" + capital(shop) + ")";
  }

  private static String capital(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
