package io.hatrack.discovery.research;

import java.util.List;

/** The words of the demo's interview study: goals, people, notes, transcripts and highlights. */
final class ResearchDemoTexts {
  private ResearchDemoTexts() {}

  static final String GOALS =
      """
      Returning shoppers re-type their card on most orders, and the card step is where mobile
      checkout loses the most people. Before we build **one-click saved cards**, learn:

      1. Why shoppers do not save cards today (trust? the checkbox? accounts?)
      2. What "one click" has to mean on a phone
      3. What merchants need from the stored card (portability, expiry, liability)

      We decide the scope of the first release with what we hear here.
      """;

  /** Name, role in the study, notes; the name is looked up among the demo customers' contacts. */
  static final List<String[]> PARTICIPANTS =
      List.of(
          new String[] {"Lena Fischer", "Merchant, enterprise", "Shops on her phone herself."},
          new String[] {"Marco Rossi", "Merchant, enterprise", "Owns the processor relationship."},
          new String[] {"Priya Nair", "Merchant, mid-market", "Mostly guest checkout."},
          new String[] {
            "Jonas Berg", "Merchant, mid-market", "Big baskets, frequent parts orders."
          },
          new String[] {"Chiara Bellini", "Merchant, SMB", "Sells through Instagram."},
          new String[] {
            "Samir Haddad", "Merchant, enterprise", "Corporate travel, company cards."
          });

  /** One interview: who, the notes, and the transcript file (or none). */
  record Interview(
      String interviewer,
      List<String> participants,
      String notes,
      String fileName,
      String transcript) {}

  /** A passage to highlight: in which interview (from 0) and where, with what it tells us. */
  record Highlight(
      int session,
      String source,
      String quote,
      String note,
      List<String> tags,
      List<String> features,
      String by) {}

  private static final String BRIGHTWAVE_NOTES =
      """
      **Brightwave Retail**, a joint call with Lena (digital commerce) and Marco (payments).

      ## What we heard
      - About 60 % of orders come from returning customers; most re-type the card
      - "Remember this card" is opt-in and unticked, and few tick it: it is about *trust*
      - Mobile drop-off at the card step is twice the desktop rate
      - The 3-D Secure challenge on Safari sometimes never loads (see Eva's escalation)
      - The stored card must survive a change of processor

      ## Follow-ups
      - [ ] Ask Ben about network tokens versus processor tokens
      - [ ] Share the funnel numbers with Femi
      """;

  private static final String BRIGHTWAVE_VTT =
      """
      WEBVTT - Brightwave Retail, saved cards interview

      NOTE Zoom recording; speakers named by Ana after the call.

      1
      00:00:04.120 --> 00:00:09.800
      <v Ana Lima>Thanks for making the time, both of you. I'd like to start with your own checkout data.

      2
      00:00:10.300 --> 00:00:19.450
      <v Marco Rossi>Sure. About sixty percent of our orders come from returning customers, and most of them type the full card number again.

      3
      00:00:19.900 --> 00:00:24.000
      <v Ana Lima>Every time? Even though they have an account with you?

      4
      00:00:24.500 --> 00:00:36.200 align:start
      <v Lena Fischer>Every time. We offer "remember this card", but the box is unticked by default
      and hardly anyone ticks it. People don't trust a retailer with their card.

      5
      00:00:36.700 --> 00:00:47.900
      <v Lena Fischer>On the phone it is worse. Typing sixteen digits on a bus, then the expiry, then the CVC, and the keyboard covers the pay button.

      6
      00:00:48.300 --> 00:00:52.100
      <v Ana Lima>What happens when they give up?

      7
      00:00:52.600 --> 00:01:05.300
      <v Marco Rossi>We see it in the funnel. Mobile drop-off at the card step is twice the desktop rate. Some come back on the laptop in the evening, many don't.

      8
      00:01:05.800 --> 00:01:18.400
      <v Marco Rossi>And when 3-D Secure kicks in on Safari, the challenge window sometimes never loads. The shopper waits, reloads, and the basket is gone.

      9
      00:01:19.000 --> 00:01:25.600
      <v Ana Lima>If the card were saved with us rather than with you, would that change the trust question?

      10
      00:01:26.100 --> 00:01:40.750
      <v Lena Fischer>It would help if the shopper sees a familiar name. If the page says the card is stored by the payment provider, not by us, people relax. They trust Apple Pay for the same reason.

      11
      00:01:41.200 --> 00:01:52.900
      <v Marco Rossi>For us the token has to be portable. If we ever change processor, I can't ask a million customers to enter their cards again.

      12
      00:01:53.400 --> 00:02:03.000
      <v Lena Fischer>And expired cards. Half of our failed renewals are cards that expired, and the shopper only finds out at checkout.

      13
      00:02:03.500 --> 00:02:08.200
      <v Ana Lima>What would one-click mean for you?

      14
      00:02:08.700 --> 00:02:21.300
      <v Lena Fischer>One tap to pay, with Face ID, and I see the last four digits so I know which card it is.
      No CVC if the bank allows it.

      15
      00:02:21.800 --> 00:02:26.000
      <v Ana Lima>That's really helpful. Thank you both.
      """;

  private static final String LUMA_NOTES =
      """
      **Luma Home Goods**: furniture and home goods, two purchases a year on average.

      - Guest checkout is about 70 % of orders
      - Saving a card must **not** require an account; an e-mail code is fine, a password is not
      - Declines are a black box for the shopper
      """;

  private static final String LUMA_TXT =
      """
      [00:00:15] Chloe: How do your shoppers pay today?
      [00:00:21] Priya: Mostly cards, some PayPal. Our customers buy furniture twice a year, so
      nobody remembers they have an account.

      [00:01:02] Priya: Guest checkout is 70 % of our orders. A saved card only helps if saving it
      does not mean creating an account.
      [00:01:40] Chloe: Would shoppers save a card without an account?
      [00:01:48] Priya: If it is one checkbox and an e-mail code, yes. If it is a password, no.

      [00:02:30] Priya: The other thing: when a payment fails, we cannot tell the shopper why. They
      just see "declined" and leave.
      """;

  private static final String KESTREL_NOTES =
      """
      **Kestrel Bikes** sells bikes and parts: big baskets (about €1,400 for a bike), mostly on
      desktop.

      - Shoppers *do* come back often for parts: small, frequent orders
      - For a bike they switch to **Apple Pay** or financing
      - Jonas: "Our repeat buyers order inner tubes and chains every few weeks; they would love not
        to dig out the card."
      - Worried about fraud liability on saved cards without 3-D Secure
      """;

  private static final String PEBBLE_NOTES =
      """
      **Pebble & Moss Studio**, ceramics sold through Instagram; Chiara runs it alone.

      - Almost all traffic is mobile, from Instagram links
      - Apple Pay works; card payers often give up
      - Customers message her when they cannot find how to pay with a card used before
      """;

  private static final String PEBBLE_SRT =
      """
      1
      00:00:03,000 --> 00:00:07,500
      Ana: What do your customers say about paying?

      2
      00:00:08,000 --> 00:00:16,200
      Chiara: They buy from me on Instagram, on their phones.
      Most of them pay with Apple Pay, and the ones who don't often give up.

      3
      00:00:16,800 --> 00:00:24,000
      Chiara: I had three messages last month from people who could not find the button to pay
      with a card they had used before.

      4
      00:00:24,500 --> 00:00:29,000
      Ana: Did they finish the order?

      5
      00:00:29,400 --> 00:00:33,100
      Chiara: Two did, over a payment link I sent them by hand.
      """;

  private static final String MERIDIAN_NOTES =
      """
      **Meridian Travel Group**: corporate travel; many travellers pay with **company cards** that
      are replaced often.

      - Card expiry is their first reason for failed payments on subscriptions
      - Samir: "A reminder a week before the card expires would save us hundreds of failed
        bookings a month."
      - Wants shoppers to pick the default card per trip (private or company)
      """;

  static final List<Interview> INTERVIEWS =
      List.of(
          new Interview(
              "ana",
              List.of("Lena Fischer", "Marco Rossi"),
              BRIGHTWAVE_NOTES,
              "brightwave-interview.vtt",
              BRIGHTWAVE_VTT),
          new Interview("chloe", List.of("Priya Nair"), LUMA_NOTES, "luma-call.txt", LUMA_TXT),
          new Interview("ana", List.of("Jonas Berg"), KESTREL_NOTES, null, null),
          new Interview(
              "ana", List.of("Chiara Bellini"), PEBBLE_NOTES, "pebble-and-moss.srt", PEBBLE_SRT),
          new Interview("chloe", List.of("Samir Haddad"), MERIDIAN_NOTES, null, null));

  private static final String SAVED = "One-click saved cards";
  private static final String RETRY = "3-D Secure retry";
  private static final String EXPIRY = "Card expiry reminders";
  private static final String BIO = "Biometric confirmation on mobile web";
  private static final String WALLETS = "Apple Pay and Google Pay buttons";

  static final List<Highlight> HIGHLIGHTS =
      List.of(
          new Highlight(
              0,
              "transcript",
              "About sixty percent of our orders come from returning customers, and most of them"
                  + " type the full card number again.",
              "The size of the prize: most returning shoppers re-type their card.",
              List.of("saved-cards"),
              List.of(SAVED),
              "ana"),
          new Highlight(
              0,
              "transcript",
              "We offer \"remember this card\", but the box is unticked by default and hardly"
                  + " anyone ticks it. People don't trust a retailer with their card.",
              "Opt-in alone will not move the number; the **trust** question comes first.",
              List.of("trust", "saved-cards"),
              List.of(SAVED),
              "ana"),
          new Highlight(
              0,
              "transcript",
              "Typing sixteen digits on a bus, then the expiry, then the CVC, and the keyboard"
                  + " covers the pay button.",
              "Mobile is where re-typing hurts most.",
              List.of("mobile"),
              List.of(SAVED, BIO),
              "ana"),
          new Highlight(
              0,
              "transcript",
              "Mobile drop-off at the card step is twice the desktop rate.",
              "",
              List.of("mobile", "conversion"),
              List.of(),
              "ana"),
          new Highlight(
              0,
              "transcript",
              "when 3-D Secure kicks in on Safari, the challenge window sometimes never loads. The"
                  + " shopper waits, reloads, and the basket is gone.",
              "Matches the Safari escalation; a retry would save these baskets.",
              List.of("3ds"),
              List.of(RETRY),
              "ana"),
          new Highlight(
              0,
              "transcript",
              "If the page says the card is stored by the payment provider, not by us, people"
                  + " relax.",
              "Say who stores the card, in the shopper's words, next to the checkbox.",
              List.of("trust"),
              List.of(SAVED),
              "ana"),
          new Highlight(
              0,
              "transcript",
              "If we ever change processor, I can't ask a million customers to enter their cards"
                  + " again.",
              "Network tokens, not processor tokens, for enterprise merchants.",
              List.of("tokens"),
              List.of(),
              "ana"),
          new Highlight(
              0,
              "transcript",
              "Half of our failed renewals are cards that expired, and the shopper only finds out"
                  + " at checkout.",
              "",
              List.of("expiry"),
              List.of(EXPIRY),
              "ana"),
          new Highlight(
              0,
              "transcript",
              "One tap to pay, with Face ID, and I see the last four digits so I know which card it"
                  + " is.",
              "What \"one click\" means on a phone: biometrics plus the last four digits.",
              List.of("mobile", "saved-cards"),
              List.of(SAVED, BIO),
              "ana"),
          new Highlight(
              1,
              "transcript",
              "A saved card only helps if saving it does not mean creating an account.",
              "Guest checkout is the norm at Luma: saved cards must work without an account.",
              List.of("guest-checkout", "saved-cards"),
              List.of(SAVED),
              "chloe"),
          new Highlight(
              1,
              "transcript",
              "They just see \"declined\" and leave.",
              "",
              List.of("errors", "3ds"),
              List.of(RETRY),
              "chloe"),
          new Highlight(
              2,
              "notes",
              "Our repeat buyers order inner tubes and chains every few weeks; they would love not"
                  + " to dig out the card.",
              "Frequent small orders are the first place saved cards pay off.",
              List.of("saved-cards", "repeat-purchase"),
              List.of(SAVED),
              "ana"),
          new Highlight(
              3,
              "transcript",
              "Most of them pay with Apple Pay, and the ones who don't often give up.",
              "",
              List.of("wallets", "mobile"),
              List.of(WALLETS),
              "ana"),
          new Highlight(
              4,
              "notes",
              "A reminder a week before the card expires would save us hundreds of failed bookings"
                  + " a month.",
              "",
              List.of("expiry"),
              List.of(EXPIRY),
              "chloe"));
}
