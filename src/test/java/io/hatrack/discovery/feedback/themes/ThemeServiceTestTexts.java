package io.hatrack.discovery.feedback.themes;

import java.util.List;

/** Feedback on three topics with little vocabulary in common, for the themes' tests. */
public final class ThemeServiceTestTexts {
  private ThemeServiceTestTexts() {}

  public static final List<String> INVOICES =
      List.of(
          "Please let us export invoices as PDF for our accountant",
          "Invoice export to PDF is missing and our accountant needs it",
          "We need to export every invoice as a PDF each month",
          "Exporting invoices to PDF would save our accountant hours",
          "Can the invoice PDF export include the VAT number",
          "Monthly invoice export as PDF for accounting please",
          "Our accountant asks for invoices exported to PDF",
          "Export invoices in bulk as PDF files");

  public static final List<String> PAYOUTS =
      List.of(
          "Payouts to our bank account arrive days late",
          "The payout to the bank was delayed again this week",
          "Bank payouts are slow, we wait five days for our money",
          "Why is my payout late? The bank transfer takes ages",
          "Slow payouts hurt our cash flow, the bank gets money late",
          "Payout delayed, bank account still empty after a week",
          "Faster payouts to the bank account please",
          "Late payout again, the bank transfer never arrives on time");

  public static final List<String> CARDS =
      List.of(
          "Save the customer's card so checkout is one click",
          "Saved cards would make checkout much faster",
          "Customers want their card saved for the next checkout",
          "One click checkout with a saved card please",
          "Let shoppers save a card at checkout",
          "Saving the card at checkout would raise conversion",
          "Checkout should remember the saved card",
          "Returning customers hate typing the card again at checkout");
}
