package io.hatrack.discovery.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class DuplicateIndexTest {

  private static DuplicateIndex inbox() {
    DuplicateIndex index = new DuplicateIndex();
    index.add(1, "Please add a dark mode to the mobile app, my eyes hurt at night");
    index.add(2, "The CSV export of invoices drops the last row");
    index.add(3, "Single sign-on with Okta fails after the password reset");
    index.add(4, "Search is slow when the workspace has many projects");
    index.add(5, "I would love keyboard shortcuts for moving cards on the board");
    return index;
  }

  @Test
  void findsAParaphraseOfAnIndexedItem() {
    DuplicateIndex index = inbox();

    List<DuplicateIndex.Match> matches =
        index.candidates("please add dark mode to the mobile app, my eyes hurt at night!!", 5);

    assertThat(matches).extracting(DuplicateIndex.Match::id).containsExactly(1L);
    assertThat(matches.get(0).similarity()).isGreaterThan(0.9);
  }

  @Test
  void findsARewordingThatKeepsMostWords() {
    DuplicateIndex index = inbox();

    List<DuplicateIndex.Match> matches =
        index.candidates("Our CSV export of the invoices always drops the last row", 5);

    assertThat(matches).extracting(DuplicateIndex.Match::id).containsExactly(2L);
  }

  @Test
  void doesNotSuggestAnUnrelatedText() {
    DuplicateIndex index = inbox();

    assertThat(index.candidates("The billing page shows the wrong currency for Japan", 5))
        .isEmpty();
    assertThat(index.candidates("", 5)).isEmpty();
    assertThat(index.candidates("the and of", 5)).isEmpty();
  }

  @Test
  void removedItemsAreNoLongerSuggested() {
    DuplicateIndex index = inbox();

    assertThat(index.remove(2)).isTrue();
    assertThat(index.remove(2)).isFalse();

    assertThat(index.candidates("The CSV export of invoices drops the last row", 5)).isEmpty();
    assertThat(index.size()).isEqualTo(4);
    assertThat(index.contains(2)).isFalse();
  }

  @Test
  void addingAnIdAgainReplacesItsText() {
    DuplicateIndex index = inbox();

    index.add(2, "Export to PDF cuts off the page footer");

    assertThat(index.candidates("The CSV export of invoices drops the last row", 5)).isEmpty();
    assertThat(index.candidates("Export to PDF cuts off the page footer", 5))
        .extracting(DuplicateIndex.Match::id)
        .containsExactly(2L);
    assertThat(index.size()).isEqualTo(5);
  }

  @Test
  void similarToLeavesTheItemItselfOutAndRanksBestFirst() {
    DuplicateIndex index = inbox();
    index.add(10, "Please add a dark mode to the mobile app, my eyes hurt at night");
    index.add(11, "Please add a dark mode to the mobile app");

    List<DuplicateIndex.Match> matches = index.similarTo(1, 5);

    assertThat(matches).extracting(DuplicateIndex.Match::id).containsExactly(10L, 11L);
    assertThat(matches.get(0).similarity()).isGreaterThan(matches.get(1).similarity());
    assertThat(index.candidates("Please add a dark mode to the mobile app", 1)).hasSize(1);
  }

  @Test
  void survivesCompactionAfterManyRemovals() {
    DuplicateIndex index = new DuplicateIndex();
    for (int i = 0; i < 5000; i++) {
      index.add(i, "ticket number " + i + " about topic " + (i % 50) + " and widget " + (i % 7));
    }
    for (int i = 0; i < 4000; i++) {
      index.remove(i);
    }
    index.add(99_999, "Okta single sign-on fails after password reset");

    assertThat(index.size()).isEqualTo(1001);
    assertThat(index.candidates("single sign-on with Okta fails after a password reset", 3))
        .extracting(DuplicateIndex.Match::id)
        .containsExactly(99_999L);
    assertThat(index.candidates("ticket number 4321 about topic 21 and widget 2", 1))
        .extracting(DuplicateIndex.Match::id)
        .containsExactly(4321L);
  }

  @Test
  void refusesASimilarityOutsideZeroToOne() {
    assertThatThrownBy(() -> new DuplicateIndex(TextAnalyzer.english(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DuplicateIndex(TextAnalyzer.english(), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void anIndexedTextAlwaysFindsItself(
      @ForAll @Size(min = 1, max = 12)
          List<@AlphaChars @StringLength(min = 3, max = 9) String> words) {
    DuplicateIndex index = inbox();
    String text = String.join(" ", words);
    index.add(42, text);

    if (!TextAnalyzer.english().terms(text).isEmpty()) {
      assertThat(index.candidates(text, 10)).extracting(DuplicateIndex.Match::id).contains(42L);
    }
  }

  @Test
  void minHashEstimatesJaccard() {
    TextAnalyzer a = TextAnalyzer.english();
    int[] x = MinHash.signature(a.terms("alpha beta gamma delta epsilon"));
    int[] y = MinHash.signature(a.terms("alpha beta gamma delta epsilon"));
    int[] z = MinHash.signature(a.terms("zeta eta theta iota kappa"));

    assertThat(MinHash.estimate(x, y)).isEqualTo(1.0);
    assertThat(MinHash.estimate(x, z)).isLessThan(0.1);
  }
}
