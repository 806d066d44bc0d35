package io.hatrack.discovery.feedback.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.text.MinHash;
import io.hatrack.discovery.text.TextAnalyzer;
import org.junit.jupiter.api.Test;

class BandChainsTest {
  private static int[] minima(String text) {
    return MinHash.signature(TextAnalyzer.english().terms(text));
  }

  @Test
  void aPieceFindsTheEarlierPiecesThatShareABandOnceEach() {
    BandChains chains = new BandChains();
    String cards = "Please let us save cards so customers pay with one click at checkout";
    String payouts = "Payouts arrive three days late and our cash flow suffers";
    chains.add(10, minima(cards));
    chains.add(11, minima(payouts));
    chains.add(12, minima(""));
    int at = chains.add(13, minima(cards + " next time"));

    assertThat(chains.neighbours(at, 8)).containsExactly(0);
    assertThat(chains.id(0)).isEqualTo(10);
    assertThat(chains.neighbours(2, 8)).as("an empty text has no bands").isEmpty();
    assertThat(chains.neighbours(1, 8)).isEmpty();
  }

  @Test
  void onlyThePerBandNewestEarlierPiecesAreWalkedAndTheTableGrows() {
    BandChains chains = new BandChains();
    String text = "Invoice export as CSV with the VAT lines for our accountants";
    for (int i = 0; i < 5_000; i++) {
      chains.add(i, minima(text + " " + i));
    }
    int a = chains.add(9_000, minima(text));
    int b = chains.add(9_001, minima(text));

    assertThat(chains.size()).isEqualTo(5_002);
    assertThat(chains.neighbours(b, 2)).contains(a).doesNotContain(0);
    assertThat(chains.neighbours(b, 2).length).isBetween(1, 32);
  }
}
