package io.hatrack.pages;

import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Collaboration;
import java.util.List;

/** The pages of the demo story: Checkout's vision, research notes, a runbook and team norms. */
public final class PagesDemo implements DemoSeed {
  private final PageService pages;
  private final Collaboration collaboration;

  public PagesDemo(PageService pages, Collaboration collaboration) {
    this.pages = pages;
    this.collaboration = collaboration;
  }

  @Override
  public void seed(DemoStory story) {
    String chk = story.checkout().slug();

    story.at(40, 0);
    Page vision =
        pages.create(
            story.ana(),
            chk,
            "Checkout vision 2027",
            """
            # Where Checkout goes next

            Our objective this year is to **grow payment volume 30 %**. Checkout is where most of
            that growth is won or lost: every shopper who gives up on the payment page is volume we
            never see.

            ## What we hear
            - Returning shoppers re-type their card every time: *"why doesn't it remember me?"*
            - 3-D Secure challenges fail on some banks and the shopper is stuck on a blank page.
            - Finance teams at our enterprise merchants export invoices by hand every month.
            - Payouts feel slow next to competitors (T+3 versus T+1).

            ## Bets for the first half
            | Bet | Why | Owner |
            | --- | --- | --- |
            | One-click saved cards | Biggest drop-off is re-entering card details | @ana |
            | 3-D Secure recovery | Failed challenges end the session today | @ben |
            | Invoice export | Top ask from enterprise accounts | @ana |

            Design partner for saved cards: @chloe. Sales context from @dev; support data from @eva.

            > Measure of success: checkout conversion from 61 % to 68 % by the end of Q2.
            """);
    collaboration.tags().set(story.ana(), vision.item().key(), List.of("strategy", "2027"));

    story.at(39, 20);
    collaboration
        .comments()
        .add(
            story.ben(),
            vision.item().key(),
            "The 3-D Secure work needs the new issuer list from the acquirer first. @ana can we"
                + " get that in before sprint planning?");
    story.later(45);
    collaboration
        .comments()
        .add(
            story.ana(),
            vision.item().key(),
            "Yes, I'll chase it this week. @femi, this affects the Q1 plan, worth a look.");
    story.at(38, 2);
    collaboration
        .comments()
        .add(
            story.femi(),
            vision.item().key(),
            "Agree with the order. Saved cards first: it is the biggest lever on conversion.");

    Page interview = research(story, vision);
    Page runbook = runbook(story, interview);
    team(story);
    mobile(story);

    story.at(0, 3);
    pages.update(
        story.ana(),
        vision.item().key(),
        vision.version(),
        null,
        vision.body().replace("61 % to 68 %", "61 % to 68 % (baseline re-measured in October)"));
    collaboration.links().add(story.ben(), runbook.item().key(), vision.item().key(), "relates-to");
  }

  private Page research(DemoStory story, Page vision) {
    String chk = story.checkout().slug();
    story.at(30, 4);
    Page interview =
        pages.create(
            story.ana(),
            chk,
            "Interview notes: Brightwave Retail",
            """
            **Who:** Head of e-commerce and a finance lead at Brightwave Retail (enterprise,
            €2.4 M ARR). **When:** video call, 45 minutes. **With:** @dev.

            ## Highlights
            1. *"Half our repeat customers abandon when they see an empty card form."*
            2. 3-D Secure challenges from two regional banks time out; shoppers retry 2-3 times.
            3. They reconcile invoices in a spreadsheet every month: 2 days of work.

            ## Follow-ups
            - Share the saved-cards prototype with them in the next round (CHK-1 has the context).
            - Ask support (@eva) for the 3-D Secure ticket count from Brightwave.
            """);
    collaboration
        .tags()
        .set(story.ana(), interview.item().key(), List.of("research", "saved-cards", "3ds"));
    collaboration.links().add(story.ana(), interview.item().key(), vision.item().key(), "supports");
    story.at(29, 22);
    collaboration
        .comments()
        .add(
            story.dev(),
            interview.item().key(),
            "They'd sign a 3-year renewal if invoice export lands in H1. @ana, worth flagging to"
                + " @femi.");
    story.later(30);
    collaboration
        .comments()
        .add(
            story.eva(),
            interview.item().key(),
            "17 tickets from Brightwave about 3-D Secure in the last 60 days, most from two"
                + " issuers.");

    return interview;
  }

  private Page runbook(DemoStory story, Page interview) {
    String chk = story.checkout().slug();
    story.at(21, 6);
    Page runbook =
        pages.create(
            story.ben(),
            chk,
            "Runbook: 3-D Secure challenge failures",
            """
            When shoppers report a blank page after the bank challenge:

            1. Check the acquirer dashboard for `challenge_timeout` on the order.
            2. If the issuer is on the known list, retry with a frictionless flow.
            3. Otherwise open an escalation with the payment reference.

            ```
            GET /v1/payments/{reference}/authentication
            ```

            Owner: @ben. Support contact: @eva.
            """);
    collaboration.tags().set(story.ben(), runbook.item().key(), List.of("3ds", "runbook"));
    collaboration
        .links()
        .add(story.ben(), runbook.item().key(), interview.item().key(), "relates-to");

    return runbook;
  }

  private void team(DemoStory story) {
    String chk = story.checkout().slug();
    story.at(14, 3);
    Page agreement =
        pages.create(
            story.ana(),
            chk,
            "Team working agreement",
            """
            - Stand-up at 09:30, 15 minutes, blockers first.
            - Every story has acceptance criteria before it enters a sprint.
            - Demos every second Thursday; anyone may invite a customer.
            - Decisions go in the decision log with context and options.
            """);
    collaboration.tags().set(story.ana(), agreement.item().key(), List.of("team"));
  }

  private void mobile(DemoStory story) {
    String mob = story.mobile().slug();
    story.at(6, 2);
    Page payouts =
        pages.create(
            story.chloe(),
            mob,
            "Mobile payouts: open questions",
            """
            Questions from the payouts design review:

            - Do merchants want a push notification for every payout, or a daily digest?
            - Should instant payouts show the fee before or after the amount?
            - @ana: can we reuse the Checkout saved-card vault for payout cards?
            """);
    collaboration.tags().set(story.chloe(), payouts.item().key(), List.of("design", "payouts"));
    story.at(5, 20);
    collaboration
        .comments()
        .add(
            story.ana(),
            payouts.item().key(),
            "Good questions. The vault is shared, so yes in principle; @ben to confirm the"
                + " tokens are scoped per merchant.");
  }
}
