package io.hatrack.discovery.feedback.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.text.MinHash;
import io.hatrack.discovery.text.TextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchNeighboursTest {
  private static int[][] minima(String... texts) {
    int[][] out = new int[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      out[i] = MinHash.signature(TextAnalyzer.english().terms(texts[i]));
    }
    return out;
  }

  @Test
  void eachPieceFindsItsEarlierNearDuplicatesOnceMostSimilarFirst() {
    int[][] m =
        minima(
            "Please let us save cards so customers pay with one click at checkout",
            "Payouts arrive three days late and our cash flow suffers",
            "Please let us save cards so customers pay with one click at checkout next time",
            "Please let us save cards so customers pay with one click at checkout",
            "",
            "Payouts arrive three days late and our cash flow suffers badly");

    BatchNeighbours.Result r = BatchNeighbours.find(m, 8, 0.5, 5);

    assertThat(r.out()[0]).as("the first has nothing earlier").isNull();
    assertThat(r.out()[1]).isNull();
    assertThat(r.out()[2]).startsWith(0, -1);
    assertThat(r.out()[3][0]).as("the identical one first").isZero();
    assertThat(r.similarity()[3][0]).isEqualTo(1.0);
    assertThat(r.out()[3][1]).isEqualTo(2);
    assertThat(r.out()[3][2]).isEqualTo(-1);
    assertThat(r.out()[4]).as("an empty text has no bands").isNull();
    assertThat(r.out()[5]).startsWith(1, -1);
  }

  @Test
  void onlyThePerBandNewestEarlierPiecesAreCompared() {
    String text = "Invoice export as CSV with the VAT lines for our accountants";
    int[][] m = minima(List.of(text, text, text, text).toArray(new String[0]));

    BatchNeighbours.Result r = BatchNeighbours.find(m, 2, 0.5, 5);

    assertThat(r.out()[3])
        .as("not the oldest, beyond the two newest")
        .containsExactly(1, 2, -1, -1, -1);
  }
}
