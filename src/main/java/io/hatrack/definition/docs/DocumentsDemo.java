package io.hatrack.definition.docs;

import io.hatrack.definition.WorkItemStore;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemService;
import java.util.List;
import java.util.Optional;

/**
 * The requirement documents of the demo story, on Checkout: the PRD of one-click saved cards (three
 * versions, in review: Ben approved, Femi still to decide), the approved technical spec of the card
 * vault, and a product template for experiment briefs. Runs after the work items are seeded and
 * links the documents to them when it finds them by title.
 */
public final class DocumentsDemo implements DemoSeed {
  private final DocumentService documents;
  private final DocumentTemplateService templates;
  private final ItemService items;
  private final Collaboration collaboration;

  public DocumentsDemo(
      DocumentService documents,
      DocumentTemplateService templates,
      ItemService items,
      Collaboration collaboration) {
    this.documents = documents;
    this.templates = templates;
    this.items = items;
    this.collaboration = collaboration;
  }

  @Override
  public void seed(DemoStory story) {
    String chk = story.checkout().slug();
    story.at(27, 1);
    templates.create(
        story.ana(),
        chk,
        new TemplateInput(
            "Experiment brief",
            "A test we run before committing to build: hypothesis, audience, metric, duration.",
            EXPERIMENT));
    Document prd = prd(story);
    Document spec = spec(story);
    collaboration.links().add(story.ben(), spec.key(), prd.key(), "relates-to");
    workItem(story.ana(), "One-click saved cards")
        .ifPresent(f -> collaboration.links().add(story.ana(), prd.key(), f.key(), "relates-to"));
    workItem(story.ben(), "Saved payment methods")
        .ifPresent(e -> collaboration.links().add(story.ben(), spec.key(), e.key(), "relates-to"));
  }

  /** A work item of the demo with exactly this title, if the work items seed made it. */
  private Optional<Item> workItem(User reader, String title) {
    return items.find(reader, title, 20).stream()
        .filter(i -> i.kind().equals(WorkItemStore.KIND) && i.title().equals(title))
        .findFirst();
  }

  private Document prd(DemoStory story) {
    String chk = story.checkout().slug();
    story.at(25, 3);
    Document prd =
        documents.create(story.ana(), chk, new NewDocument("prd", "One-click saved cards", PRD_V1));
    story.at(18, 5);
    prd = documents.update(story.ana(), prd.key(), prd.version(), null, PRD_V2);
    story.at(9, 2);
    prd = documents.update(story.chloe(), prd.key(), prd.version(), null, PRD_V3);
    story.at(8, 6);
    documents.requestReview(story.ana(), prd.key(), List.of("ben", "femi"));
    story.at(7, 1);
    return documents.approve(
        story.ben(),
        prd.key(),
        prd.latestVersion(),
        "Engineering view: feasible for Q1 with the vault from the tokenisation spec. The PCI"
            + " scope section matches what we agreed with the acquirer.");
  }

  private Document spec(DemoStory story) {
    String chk = story.checkout().slug();
    story.at(16, 4);
    Document spec =
        documents.create(
            story.ben(),
            chk,
            new NewDocument("technical-spec", "Card vault tokenisation", SPEC_V1));
    story.at(12, 7);
    spec = documents.update(story.ben(), spec.key(), spec.version(), null, SPEC_V2);
    story.at(11, 2);
    documents.requestReview(story.ben(), spec.key(), List.of("ana", "femi"));
    story.at(10, 6);
    documents.approve(
        story.ana(), spec.key(), spec.latestVersion(), "Covers every requirement of the PRD.");
    story.later(95);
    return documents.approve(story.femi(), spec.key(), spec.latestVersion(), null);
  }

  private static final String EXPERIMENT =
      """
      **Owner:** {{author}} · **Product:** {{product}} · **Started:** {{date}}

      ## Hypothesis
      *We believe that [change] for [audience] will [outcome], because [evidence].*

      ## Audience and split
      *Who sees the change, what share of traffic, and how they are assigned.*

      ## Primary metric
      *One metric, its baseline, the smallest change worth detecting, and the sample size it needs.*

      ## Guard-rails
      *Metrics that must not get worse (refund rate, support tickets, latency).*

      ## Duration and decision rule
      *How long it runs and what result means ship, iterate or stop.*

      ## Result
      *Filled in at the end: the numbers, the decision, and what we learned.*
      """;

  private static final String PRD_CONTEXT =
      """
      | **Product** | Checkout |
      | --- | --- |
      | **Author** | Ana |
      | **Initiative** | Reduce checkout drop-off |
      | **Objective** | Grow payment volume 30 % this year |

      ## Summary
      Returning shoppers re-enter their card on every purchase. We will let them save a card at
      checkout and pay with it in one click next time, without taking card numbers into our own
      systems.
      """;

  private static final String PRD_PROBLEM =
      """

      ## Problem
      Half of the repeat shoppers of our enterprise merchants abandon when they meet an empty card
      form (see the Brightwave Retail interview notes). Support tickets tagged "saved cards" grew every
      month this year, and sales lose deals to competitors that offer one-click payment.

      - Who has the problem: returning shoppers of merchants on Checkout, on desktop and mobile web.
      - How we know: interviews, 212 feedback items in the "saved cards" theme, funnel data.
      - If we do nothing: conversion stays at 61 % while competitors move to one click.
      """;

  private static final String PRD_V1 =
      PRD_CONTEXT
          + PRD_PROBLEM
          + """

          ## Goals
          1. Returning shoppers pay with a saved card in one click.
          2. Checkout conversion for returning shoppers goes up.

          ## Requirements
          | # | Requirement | Priority |
          | --- | --- | --- |
          | R1 | Offer to save the card after a successful payment | Must |
          | R2 | Show saved cards first on the payment step | Must |
          | R3 | Let shoppers remove a saved card | Must |

          ## Success metrics
          | Metric | Baseline | Target |
          | --- | --- | --- |
          | Checkout conversion (returning shoppers) | 61 % | 66 % |

          ## Open questions
          - Do we store card numbers ourselves or use the acquirer's vault?
          """;

  private static final String PRD_V2 =
      PRD_CONTEXT
          + PRD_PROBLEM
          + """

          ## Goals
          1. Returning shoppers pay with a saved card in one click.
          2. Checkout conversion for returning shoppers goes up.
          3. Our PCI DSS scope does not grow: no card number ever touches our servers.

          ## Non-goals
          - Saving bank accounts or wallets (a later step).
          - Sharing saved cards between merchants.

          ## Requirements
          | # | Requirement | Priority |
          | --- | --- | --- |
          | R1 | Offer to save the card after a successful payment, with explicit consent | Must |
          | R2 | Show saved cards first on the payment step, last four digits and expiry only | Must |
          | R3 | Let shoppers remove a saved card | Must |
          | R4 | Store a network token from the card vault, never the card number | Must |
          | R5 | Ask for the CVC again when the issuer or the risk score requires it | Should |

          ## PCI scope and tokenisation
          Card details are captured in the acquirer's hosted fields and exchanged for a network
          token by the card vault (see the spec "Card vault tokenisation"). We keep the token, the
          last four digits, the brand and the expiry. This keeps us at SAQ A-EP; @ben confirmed with
          the acquirer.

          ## Success metrics
          | Metric | Baseline | Target | Measured when |
          | --- | --- | --- | --- |
          | Checkout conversion (returning shoppers) | 61 % | 66 % | 8 weeks after launch |
          | Share of repeat payments with a saved card | 0 % | 40 % | 8 weeks after launch |

          ## Risks and open questions
          - Shoppers may not trust a new "save card" box: test the wording with @chloe.
          """;

  private static final String PRD_V3 =
      PRD_CONTEXT
          + PRD_PROBLEM
          + """

          ## Goals
          1. Returning shoppers pay with a saved card in one click.
          2. Checkout conversion for returning shoppers goes up.
          3. Our PCI DSS scope does not grow: no card number ever touches our servers.

          ## Non-goals
          - Saving bank accounts or wallets (a later step).
          - Sharing saved cards between merchants.

          ## Requirements
          | # | Requirement | Priority |
          | --- | --- | --- |
          | R1 | Offer to save the card after a successful payment, with explicit consent | Must |
          | R2 | Show saved cards first on the payment step, last four digits and expiry only | Must |
          | R3 | Let shoppers remove a saved card from the payment step and their account | Must |
          | R4 | Store a network token from the card vault, never the card number | Must |
          | R5 | Ask for the CVC again when the issuer or the risk score requires it | Should |
          | R6 | Fall back to the card form when a token is refused, keeping the basket | Must |

          ## User experience
          The consent box sits under the pay button, unticked, reading "Save this card for next
          time". On the next visit the saved card is preselected; one click pays. The wireframe and
          the click-through prototype are linked from the feature.

          ## PCI scope and tokenisation
          Card details are captured in the acquirer's hosted fields and exchanged for a network
          token by the card vault (see the spec "Card vault tokenisation"). We keep the token, the
          last four digits, the brand and the expiry. This keeps us at SAQ A-EP; @ben confirmed with
          the acquirer.

          ## Success metrics
          | Metric | Baseline | Target | Measured when |
          | --- | --- | --- | --- |
          | Checkout conversion (returning shoppers) | 61 % | 68 % | 8 weeks after launch |
          | Share of repeat payments with a saved card | 0 % | 40 % | 8 weeks after launch |
          | Payment step time, returning shoppers (median) | 48 s | 15 s | 4 weeks after launch |

          ## Risks and open questions
          - Shoppers may not trust a new "save card" box: five usability sessions showed the
            unticked box with plain wording works (4 of 5 saved a card).
          - Expired cards: the vault's account updater refreshes tokens; we still show expiry.
          """;

  private static final String SPEC_V1 =
      """
      | **Author** | Ben |
      | --- | --- |
      | **Product** | Checkout |
      | **Requirements** | PRD "One-click saved cards" |

      ## Context
      Saved cards need a place to keep card credentials that keeps Checkout out of full PCI DSS
      scope. The acquirer offers network tokenisation through its vault API.

      ## Proposed design
      The browser sends card details from the hosted fields straight to the vault, which answers
      with a token. Checkout stores the token against the shopper and merchant.

      ### Data model
      `saved_card (id, shopper_id, merchant_id, token, last4, brand, expiry, created_at)`

      ## Open questions
      - Do we need our own encryption of the token at rest?
      """;

  private static final String SPEC_V2 =
      """
      | **Author** | Ben |
      | --- | --- |
      | **Reviewers** | @ana, @femi |
      | **Product** | Checkout |
      | **Requirements** | PRD "One-click saved cards" |

      ## Context
      Saved cards need a place to keep card credentials that keeps Checkout out of full PCI DSS
      scope. The acquirer offers network tokenisation through its vault API.

      ## Goals and non-goals
      - Card numbers never reach Checkout's servers or logs.
      - Paying with a saved card adds at most 150 ms at the 99th percentile.
      - Not in scope: wallets, bank accounts, card-on-file for subscriptions.

      ## Proposed design
      The browser sends card details from the hosted fields straight to the vault, which answers
      with a network token. Checkout stores the token against the shopper and merchant; a payment
      with a saved card sends the token instead of the card.

      ### Data model
      `saved_card (id, shopper_id, merchant_id, token, last4, brand, expiry, created_at,
      removed_at)`, unique on `(shopper_id, merchant_id, token)`. Tokens are encrypted at rest with
      the payments key (KMS), rotated yearly.

      ### APIs
      ```
      POST   /v1/shoppers/{id}/saved-cards      {"vault_token": "..."}
      GET    /v1/shoppers/{id}/saved-cards
      DELETE /v1/shoppers/{id}/saved-cards/{card}
      ```

      ## Alternatives considered
      | Option | Pros | Cons |
      | --- | --- | --- |
      | Our own vault | Full control | Full PCI DSS scope, a year of audits |
      | Acquirer vault with network tokens | Small scope, account updater included | Tied to one acquirer |

      ## Security and privacy
      SAQ A-EP scope. Tokens are merchant-scoped, so a leaked token cannot pay elsewhere. Removing
      a card deletes the token at the vault within 24 hours.

      ## Testing and rollout
      Behind the flag `saved_cards`, 5 % of returning shoppers first, then 50 %, then everyone.
      Rollback: turn the flag off; saved cards stay stored.
      """;
}
