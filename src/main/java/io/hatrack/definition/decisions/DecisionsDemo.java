package io.hatrack.definition.decisions;

import io.hatrack.definition.WorkItemStore;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Checkout's decision log in the demo story: where saved cards keep their tokens (decided), and
 * whether to retry a failed 3-D Secure challenge (still proposed). Each links to the work items it
 * concerns when the work-item seed made them.
 */
public final class DecisionsDemo implements DemoSeed {
  private final DecisionService decisions;
  private final ItemService items;
  private final Collaboration collaboration;

  public DecisionsDemo(DecisionService decisions, ItemService items, Collaboration collaboration) {
    this.decisions = decisions;
    this.items = items;
    this.collaboration = collaboration;
  }

  @Override
  public void seed(DemoStory story) {
    Decision tokens = tokens(story);
    Decision retry = retry(story);
    link(story, tokens, "One-click saved cards");
    link(story, tokens, "Saved payment methods");
    link(story, retry, "3-D Secure retry");
    link(story, retry, "3-D Secure challenge fails on Safari");
  }

  private Decision tokens(DemoStory story) {
    String chk = story.checkout().slug();
    story.at(26, 3);
    Decision d =
        decisions.create(
            story.ana(),
            chk,
            DecisionDraft.of("Store card tokens with the payment processor, not in our vault")
                .withContext(
                    """
                    One-click saved cards need a card on file. Wherever the card number lives is in
                    **PCI DSS scope**: today Checkout is at SAQ A because card data never reaches
                    our servers, and we want to keep it that way.

                    Forces:
                    - Saved cards must ship in Q1: it is the biggest lever on checkout conversion.
                    - The team has no experience running HSMs or a Level 1 audit.
                    - Enterprise merchants (Brightwave) ask whether cards move with them if we
                      ever change processor.
                    """)
                .withOptions(
                    new DecisionOption(
                        "Build our own PCI vault",
                        "Tokenise cards ourselves in a vault we run, and send the card number to"
                            + " whichever processor we use.",
                        List.of("Tokens are portable between processors", "No per-token fees"),
                        List.of(
                            "Full PCI DSS Level 1 scope: audits, HSMs, on-call",
                            "Six months or more before the first saved card"),
                        false),
                    new DecisionOption(
                        "Processor tokens",
                        "Store the processor's payment-method tokens; the card number never"
                            + " touches our servers.",
                        List.of(
                            "We stay at PCI SAQ A",
                            "Ships in weeks with the processor's SDK",
                            "The processor's account updater keeps expiry dates current"),
                        List.of(
                            "Tokens are tied to one processor",
                            "Changing processor needs a token migration"),
                        true),
                    new DecisionOption(
                        "Network tokens",
                        "Card-network tokens (Visa, Mastercard) through a token service provider.",
                        List.of("Higher authorisation rates", "Survive card reissue"),
                        List.of(
                            "Needs a token requestor ID and a contract with a TSP",
                            "Not every issuer supports them yet"),
                        false))
                .withOutcome(
                    """
                    We store **processor tokens**. Card numbers never reach our servers, so we stay
                    at SAQ A and can ship saved cards this quarter.

                    We revisit network tokens once the processor offers them on our contract.
                    """)
                .withConsequences(
                    """
                    - Saved cards are tied to our processor; a migration needs their token export.
                    - @ben adds the processor SDK's vault calls to the payment service.
                    - Support (@eva) gets a runbook for "my saved card disappeared" cases.
                    """)
                .decided(day(story), "ana", "ben", "femi"));
    collaboration.tags().set(story.ana(), d.key(), List.of("saved-cards", "pci"));
    story.later(40);
    collaboration
        .comments()
        .add(
            story.femi(),
            d.key(),
            "Agreed. Portability matters to Brightwave; let's ask the processor for their token"
                + " export terms in writing before launch. @ana");
    return d;
  }

  private Decision retry(DemoStory story) {
    String chk = story.checkout().slug();
    story.at(3, 5);
    Decision d =
        decisions.create(
            story.ben(),
            chk,
            DecisionDraft.of("Retry 3-D Secure once before failing the payment")
                .withContext(
                    """
                    When a 3-D Secure challenge times out, the payment fails at once and the
                    shopper sees an error. Support counted 17 such tickets from Brightwave in 60
                    days, most from two issuers whose challenge page is slow on Safari.
                    """)
                .withOptions(
                    new DecisionOption(
                        "Fail at once (today)",
                        "Keep the current behaviour.",
                        List.of("Nothing to build"),
                        List.of("Shoppers who would have passed a second try are lost"),
                        false),
                    new DecisionOption(
                        "Retry once with a frictionless flow",
                        "On a timeout, retry the authentication once, asking the issuer for a"
                            + " frictionless flow.",
                        List.of("Recovers most timeouts", "One extra round trip at worst"),
                        List.of("Some issuers will challenge again"),
                        false),
                    new DecisionOption(
                        "Retry up to three times",
                        "",
                        List.of("Recovers a few more payments"),
                        List.of("Long waits for the shopper", "Issuers may flag repeated attempts"),
                        false))
                .withDeciders("ben", "ana"));
    collaboration.tags().set(story.ben(), d.key(), List.of("3ds"));
    story.later(90);
    collaboration
        .comments()
        .add(
            story.eva(),
            d.key(),
            "From support's side one retry would have saved most of the cases we saw. @ben");
    return d;
  }

  private static String day(DemoStory story) {
    return LocalDate.ofInstant(story.clock().instant(), ZoneOffset.UTC).toString();
  }

  /** Links the decision to the Checkout work item titled {@code title}, if the demo has it. */
  private void link(DemoStory story, Decision decision, String title) {
    workItem(story.ana(), story, title)
        .ifPresent(
            item ->
                collaboration
                    .links()
                    .add(story.ana(), decision.key(), Long.toString(item.id()), "relates-to"));
  }

  private Optional<Item> workItem(User actor, DemoStory story, String title) {
    return items.find(actor, title, 20).stream()
        .filter(i -> i.kind().equals(WorkItemStore.KIND))
        .filter(i -> i.title().equals(title))
        .filter(i -> i.productId() != null && i.productId() == story.checkout().id())
        .findFirst();
  }
}
