package io.hatrack.discovery.feedback;

import io.hatrack.discovery.customers.Contact;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerFilter;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The feedback inbox's part of the demo story: about 500 pieces of feedback on Checkout over the
 * last twelve months, from the demo's customers (and some anonymous portal visitors), through every
 * channel, clustering into eight themes. Feedback on the themes the roadmap answers is linked to
 * its features ("One-click saved cards" above all), so that their demand shows real numbers; a few
 * duplicates are merged. Everything is drawn from a seeded {@link Random}, so every demo is the
 * same.
 */
final class FeedbackDemo implements DemoSeed {
  /** How many pieces of feedback the demo adds (survey answers add a few more). */
  static final int COUNT = 500;

  private static final long SEED = 20_250_401L;

  /** A theme: its tag, how often it comes up, the feature it supports, and what people say. */
  private record Theme(
      String tag, int weight, String feature, List<String> asks, List<String> details) {}

  private static final List<Theme> THEMES =
      List.of(
          new Theme(
              "saved cards",
              22,
              "One-click saved cards",
              List.of(
                  "Returning customers have to type their card number every single time.",
                  "Please let shoppers save a card for next time.",
                  "Our repeat buyers keep asking why the checkout does not remember their card.",
                  "We need one-click payments with a stored card for subscribers.",
                  "Customers abandon the second purchase because they have to find their card"
                      + " again.",
                  "Can the checkout keep a card on file the way Amazon does?",
                  "Saved cards are the number one request from our loyalty members."),
              List.of(
                  "About a third of our orders are repeat orders.",
                  "On mobile it is even worse: nobody wants to type 16 digits on a phone.",
                  "We would also need a way for shoppers to remove a saved card.",
                  "Our competitor added this last quarter and we see customers comparing.",
                  "It has to stay PCI compliant on our side, tokens only.",
                  "Letting people pick a default card would be great too.")),
          new Theme(
              "checkout speed",
              14,
              "Address autocomplete",
              List.of(
                  "The payment page takes several seconds to load.",
                  "Checkout feels slow compared to other shops.",
                  "The spinner after pressing Pay stays for far too long.",
                  "Typing the address is the slowest part of our checkout.",
                  "Page load time of the hosted checkout went up this month.",
                  "Our shoppers complain that the checkout form has too many fields."),
              List.of(
                  "We measured over 4 seconds on a 4G connection.",
                  "Conversion drops noticeably when the page is slow.",
                  "Address lookup would cut the form in half.",
                  "It is worst during our evening peak.",
                  "Some customers press Pay twice because nothing seems to happen.")),
          new Theme(
              "wallets",
              13,
              "Apple Pay and Google Pay buttons",
              List.of(
                  "We need Apple Pay on the checkout.",
                  "Google Pay is missing, and half our traffic is Android.",
                  "Shoppers ask for wallet payments like Apple Pay.",
                  "Please add express wallet buttons above the card form.",
                  "Our mobile customers expect to pay with their phone wallet.",
                  "Is PayPal or another wallet on the roadmap?"),
              List.of(
                  "Most of our orders come from iPhones.",
                  "Wallets would let us skip the address form for many buyers.",
                  "Our agency says it is a dealbreaker for the relaunch.",
                  "We saw a competitor's conversion go up after adding it.",
                  "It would need to work inside our mobile web view too.")),
          new Theme(
              "refunds",
              11,
              null,
              List.of(
                  "Refunds take a week to reach the customer.",
                  "There is no way to do a partial refund from the dashboard.",
                  "Our support team cannot see the status of a refund.",
                  "Customers call us because they do not know when their refund arrives.",
                  "Refunding an order with two items is far too complicated.",
                  "We need to refund shipping separately from the goods."),
              List.of(
                  "We end up answering the same refund tickets every day.",
                  "An e-mail to the shopper when the refund is done would help a lot.",
                  "Our finance team reconciles refunds by hand.",
                  "Some refunds were issued twice by mistake.",
                  "A refund reason field would help our reporting.")),
          new Theme(
              "invoices",
              12,
              "CSV invoice export",
              List.of(
                  "We need to export invoices as CSV for our accountant.",
                  "Receipts do not show our VAT number.",
                  "Please let us download all invoices of a month at once.",
                  "The receipt e-mail cannot carry our own logo.",
                  "Invoice numbers must be sequential for our auditors.",
                  "Our bookkeeping tool cannot read the PDF receipts."),
              List.of(
                  "Month end takes our finance team two days because of this.",
                  "An export to Xero or QuickBooks would be even better.",
                  "Our auditors flagged it last year.",
                  "Customers in Germany require a proper invoice, not a receipt.",
                  "We copy the numbers into a spreadsheet by hand today.")),
          new Theme(
              "currency and tax",
              9,
              null,
              List.of(
                  "Prices should show in the shopper's local currency.",
                  "Sales tax is calculated wrong for some US states.",
                  "We need to charge in euros and pounds from one account.",
                  "The checkout does not show VAT included for EU shoppers.",
                  "Currency conversion fees are not visible before payment.",
                  "We sell to Canada and the tax lines are confusing."),
              List.of(
                  "Shoppers abandon when they see dollars instead of euros.",
                  "Our accountant had to correct the tax report twice.",
                  "We are expanding to the UK next quarter.",
                  "Rounding differences cause small mismatches every month.")),
          new Theme(
              "fraud false positives",
              10,
              "3-D Secure retry",
              List.of(
                  "Good customers get declined by the fraud check.",
                  "3-D Secure challenges fail on Safari and the order is lost.",
                  "Too many legitimate orders end up in manual review.",
                  "A regular customer of ours was blocked as fraud three times.",
                  "The 3-D Secure popup closes and the payment just fails.",
                  "We lose high-value orders to false fraud declines."),
              List.of(
                  "We cannot see why an order was flagged.",
                  "A retry after a failed challenge would save many orders.",
                  "It happens mostly with cards from outside the EU.",
                  "Our support team spends hours on these every week.",
                  "We would accept a bit more risk for fewer declines.")),
          new Theme(
              "mobile layout",
              9,
              "Biometric confirmation on mobile web",
              List.of(
                  "The Pay button is hidden below the keyboard on iPhone.",
                  "The card form does not fit small Android screens.",
                  "On mobile the expiry date field opens the wrong keyboard.",
                  "Our mobile shoppers zoom in to read the total.",
                  "The checkout layout breaks inside our app's web view.",
                  "Confirming a payment on the phone takes too many taps."),
              List.of(
                  "Over 60% of our traffic is mobile.",
                  "Face ID to confirm would feel much more natural.",
                  "We see the most drop-off on the payment step on phones.",
                  "It looks fine on desktop, so we did not notice for weeks.")));

  private static final List<String> TICKET_OPENERS =
      List.of("Ticket from the merchant: ", "Support ticket: ", "Escalated by support: ", "");
  private static final List<String> CALL_OPENERS =
      List.of(
          "On the renewal call they said: ",
          "From the QBR: ",
          "Sales call notes: ",
          "Prospect call: ");
  private static final List<String> INTERVIEW_OPENERS =
      List.of("Interview quote: \u201c", "In the interview: \u201c", "User interview: \u201c");
  private static final List<String> CLOSERS =
      List.of(
          "",
          "",
          " Thanks!",
          " This is really important to us.",
          " Happy to test an early version.",
          " Any timeline for this?",
          " It is costing us sales.");

  private final FeedbackService feedback;
  private final CustomerService customers;
  private final ItemService items;

  FeedbackDemo(FeedbackService feedback, CustomerService customers, ItemService items) {
    this.feedback = feedback;
    this.customers = customers;
    this.items = items;
  }

  /** A customer with its contacts and how often it gives feedback. */
  private record Source(Customer customer, List<Contact> contacts, int weight) {}

  @Override
  public void seed(DemoStory story) {
    User ana = story.ana();
    String product = story.checkout().slug();
    story.at(0, 6);
    Instant now = story.clock().instant();
    Random random = new Random(SEED);
    List<Source> sources = sources(ana, story.workspace().slug());
    List<FeedbackDraft> drafts = new ArrayList<>();
    List<Theme> themes = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      Theme theme = pick(random);
      themes.add(theme);
      drafts.add(draft(random, theme, sources, now));
    }
    List<Feedback> made = feedback.createAll(ana, product, drafts);
    story.later(60);
    link(random, ana, made, themes);
    merge(ana, made, themes);
  }

  private List<Source> sources(User ana, String ws) {
    List<Source> out = new ArrayList<>();
    for (Customer c : customers.list(ana, ws, CustomerFilter.ALL, null, 100).slice().items()) {
      int weight =
          switch (c.segment()) {
            case "Enterprise" -> 6;
            case "Mid-market" -> 4;
            default -> 2;
          };
      out.add(new Source(c, customers.contacts(ana, Long.toString(c.id())), weight));
    }
    return out;
  }

  private static Theme pick(Random random) {
    int total = THEMES.stream().mapToInt(Theme::weight).sum();
    int r = random.nextInt(total);
    for (Theme t : THEMES) {
      r -= t.weight();
      if (r < 0) {
        return t;
      }
    }
    return THEMES.get(0);
  }

  private static FeedbackDraft draft(
      Random random, Theme theme, List<Source> sources, Instant now) {
    // More feedback lately: the square skews the age towards the present.
    double u = random.nextDouble();
    long minutesAgo = (long) (u * u * 360 * 24 * 60) + random.nextInt(24 * 60);
    Instant at = now.minus(Duration.ofMinutes(minutesAgo));
    int ageDays = (int) (minutesAgo / (24 * 60));
    FeedbackSource source = source(random);
    Source who =
        source == FeedbackSource.PORTAL && random.nextInt(3) > 0 ? null : customer(random, sources);
    String text = text(random, theme, source);
    Integer importance = random.nextInt(10) < 3 ? null : importance(random, who);
    String status;
    if (ageDays < 21) {
      status = random.nextInt(4) == 0 ? "triaged" : "new";
    } else {
      int r = random.nextInt(10);
      status = r < 6 ? "triaged" : r < 8 ? "new" : "archived";
    }
    List<String> tags = new ArrayList<>();
    if (random.nextInt(10) < 7) {
      tags.add(theme.tag());
    }
    if (source == FeedbackSource.SALES_CALL && random.nextBoolean()) {
      tags.add("renewal");
    }
    Long contact = null;
    if (who != null && !who.contacts().isEmpty() && random.nextBoolean()) {
      contact = who.contacts().get(random.nextInt(who.contacts().size())).id();
    }
    return new FeedbackDraft(
        text,
        null,
        source.id(),
        who == null ? null : who.customer().id(),
        contact,
        at,
        importance,
        null,
        status,
        tags);
  }

  private static FeedbackSource source(Random random) {
    int r = random.nextInt(100);
    if (r < 34) {
      return FeedbackSource.SUPPORT_TICKET;
    }
    if (r < 52) {
      return FeedbackSource.SALES_CALL;
    }
    if (r < 68) {
      return FeedbackSource.PORTAL;
    }
    if (r < 80) {
      return FeedbackSource.EMAIL;
    }
    if (r < 89) {
      return FeedbackSource.INTERVIEW;
    }
    if (r < 94) {
      return FeedbackSource.SPRINT_REVIEW;
    }
    return r < 98 ? FeedbackSource.API : FeedbackSource.OTHER;
  }

  private static Source customer(Random random, List<Source> sources) {
    int total = sources.stream().mapToInt(Source::weight).sum();
    if (total == 0) {
      return null;
    }
    int r = random.nextInt(total);
    for (Source s : sources) {
      r -= s.weight();
      if (r < 0) {
        return s;
      }
    }
    return null;
  }

  /** Larger customers say "important" and "critical" more often. */
  private static int importance(Random random, Source who) {
    int lift = who != null && who.customer().segment().equals("Enterprise") ? 1 : 0;
    int r = random.nextInt(10);
    int base = r < 1 ? 0 : r < 4 ? 1 : r < 8 ? 2 : 3;
    return Math.min(Importance.MAX, base + (random.nextInt(3) == 0 ? lift : 0));
  }

  private static String text(Random random, Theme theme, FeedbackSource source) {
    String ask = theme.asks().get(random.nextInt(theme.asks().size()));
    StringBuilder body = new StringBuilder(ask);
    int details = random.nextInt(3);
    List<String> pool = new ArrayList<>(theme.details());
    for (int i = 0; i < details && !pool.isEmpty(); i++) {
      body.append(' ').append(pool.remove(random.nextInt(pool.size())));
    }
    String closer = CLOSERS.get(random.nextInt(CLOSERS.size()));
    return switch (source) {
      case SUPPORT_TICKET ->
          TICKET_OPENERS.get(random.nextInt(TICKET_OPENERS.size())) + body + closer;
      case SALES_CALL -> CALL_OPENERS.get(random.nextInt(CALL_OPENERS.size())) + lower(body);
      case INTERVIEW ->
          INTERVIEW_OPENERS.get(random.nextInt(INTERVIEW_OPENERS.size())) + body + "\u201d";
      default -> body + closer;
    };
  }

  private static String lower(CharSequence text) {
    String s = text.toString();
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }

  /**
   * Links triaged feedback on the themes the roadmap answers to their features: most of it for
   * saved cards, about half for the others.
   */
  private void link(Random random, User ana, List<Feedback> made, List<Theme> themes) {
    java.util.Map<String, String> keys = new java.util.HashMap<>();
    for (Theme t : THEMES) {
      if (t.feature() != null) {
        items.find(ana, t.feature(), 10).stream()
            .filter(i -> i.title().equals(t.feature()) && i.kind().equals("work_item"))
            .map(Item::key)
            .findFirst()
            .ifPresent(k -> keys.put(t.tag(), k));
      }
    }
    for (int i = 0; i < made.size(); i++) {
      Feedback f = made.get(i);
      String key = keys.get(themes.get(i).tag());
      if (key == null || f.status() != FeedbackStatus.TRIAGED) {
        continue;
      }
      boolean savedCards = themes.get(i).tag().equals("saved cards");
      if (random.nextInt(10) < (savedCards ? 8 : 5)) {
        feedback.link(ana, f.key(), key);
      }
    }
  }

  /** Merges a few obvious duplicates: repeat feedback from one customer on one theme. */
  private void merge(User ana, List<Feedback> made, List<Theme> themes) {
    int merges = 0;
    java.util.Set<Long> merged = new java.util.HashSet<>();
    for (int i = 0; i < made.size() && merges < 12; i++) {
      Feedback first = made.get(i);
      if (first.customerId() == null
          || first.status() == FeedbackStatus.ARCHIVED
          || merged.contains(first.id())) {
        continue;
      }
      for (int j = i + 1; j < made.size(); j++) {
        Feedback other = made.get(j);
        if (themes.get(j) == themes.get(i)
            && first.customerId().equals(other.customerId())
            && other.status() == FeedbackStatus.NEW
            && first.source() == other.source()
            && !merged.contains(other.id())) {
          feedback.merge(ana, first.key(), List.of(other.key()));
          merged.add(other.id());
          merges++;
          break;
        }
      }
    }
  }
}
