package io.hatrack.definition.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImplementationDetailsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The wallet must use Redis | must use",
        "It should use the new vault | should use",
        "Implement using a queue | Implement using",
        "The page is built with React | built with",
        "Save it in a new table | new table",
        "Run a cron job every night | cron job",
        "UPDATE cards SET token = ? | UPDATE cards SET",
        "INSERT INTO cards | INSERT INTO",
        "CREATE TABLE wallet | CREATE TABLE",
        "Call CardVaultService first | CardVaultService",
        "The WalletController returns it | WalletController",
        "Call saveCard(token) on submit | saveCard(token)",
        "Call save() on submit | save()",
        "Store card_token in the row | card_token",
        "Change Wallet.java | Wallet.java",
        "Edit wallet.ts and the css | wallet.ts",
      })
  void findsWhatLooksLikeABuildDecision(String text, String found) {
    assertThat(ImplementationDetails.in(text)).containsExactly(found);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Shoppers can save their card(s) when they pay.",
        "Select a card from the list, then pay.",
        "The customer service team answers within a day.",
        "Our users use iPhones and Android phones.",
        "A shopper can use a saved card (Visa or Mastercard).",
        "See https://example.com/docs for the context.",
        "",
      })
  void leavesPlainProductLanguageAlone(String text) {
    assertThat(ImplementationDetails.in(text)).isEmpty();
  }

  @Test
  void reportsEachFindingOnceAndAtMostFive() {
    assertThat(ImplementationDetails.in("must use a, must use b, MUST USE c"))
        .containsExactly("must use", "MUST USE");
    assertThat(ImplementationDetails.in("a_b c_d e_f g_h i_j k_l m_n")).hasSize(5);
  }
}
