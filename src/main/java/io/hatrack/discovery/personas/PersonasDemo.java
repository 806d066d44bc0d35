package io.hatrack.discovery.personas;

import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;

/**
 * Checkout's three personas in the demo story: the returning shopper saved cards are for, the
 * merchant's payments lead who worries about 3-D Secure and fees, and the finance person who needs
 * invoice exports and fast payouts.
 */
public final class PersonasDemo implements DemoSeed {
  private final PersonaService personas;

  public PersonasDemo(PersonaService personas) {
    this.personas = personas;
  }

  @Override
  public void seed(DemoStory story) {
    String chk = story.checkout().slug();
    story.at(35, 4);
    personas.create(
        story.ana(),
        chk,
        new PersonaDraft(
            "Returning Riley",
            """
            A shopper who buys from the same merchants every month, mostly **on a phone**, often
            on the way somewhere. Riley has no patience for forms.
            """,
            """
            - Pay in one tap at a store they already trust
            - Know at once that the payment went through
            """,
            """
            - Typing a 16-digit card number on a phone, again
            - 3-D Secure pop-ups that fail on Safari and lose the basket
            """));
    story.later(20);
    personas.create(
        story.chloe(),
        chk,
        new PersonaDraft(
            "Payments lead Priya",
            """
            Runs payments at a mid-market or enterprise merchant (think Brightwave Retail).
            Owns conversion, fraud and the processor relationship; reports to the CFO.
            """,
            """
            - Raise checkout conversion without raising fraud
            - Keep PCI scope small (SAQ A)
            - Keep tokens portable in case the processor changes
            """,
            """
            - Cannot see *why* a payment failed
            - Every new payment method means another integration
            """));
    story.later(25);
    personas.create(
        story.ana(),
        chk,
        new PersonaDraft(
            "Finance Felix",
            """
            The accountant or finance operations person at a small merchant; opens Checkout's
            dashboard at month end, not every day.
            """,
            """
            - Reconcile payouts with orders in minutes
            - Export invoices in the format the accounting tool reads
            """,
            """
            - Payouts that arrive days late with no explanation
            - Invoice exports that need hand editing
            """));
  }
}
