package io.hatrack.discovery.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
  private final TextAnalyzer analyzer = TextAnalyzer.english();

  @Test
  void dropsStopWordsAndStemsWithPorter() {
    assertThat(analyzer.terms("The exports are failing and the exporter crashed"))
        .containsExactly("export", "fail", "export", "crash");
    assertThat(analyzer.terms("Connection, connected, connecting"))
        .containsExactly("connect", "connect", "connect");
  }

  @Test
  void keepsTheWrittenFormBesideTheStem() {
    assertThat(analyzer.tokens("The customer's Invoices"))
        .containsExactly(
            new TextAnalyzer.Token("custom", "customer"),
            new TextAnalyzer.Token("invoic", "invoices"));
  }

  @Test
  void emptyAndStopWordOnlyTextsHaveNoTerms() {
    assertThat(analyzer.terms("")).isEmpty();
    assertThat(analyzer.terms(null)).isEmpty();
    assertThat(analyzer.terms("it is the and of a")).isEmpty();
  }

  @Test
  void tfIdfGivesRareTermsMoreWeightAndUnitLength() {
    TfIdf tfIdf =
        TfIdf.fit(
            List.of(
                analyzer.terms("export to csv"),
                analyzer.terms("export to pdf"),
                analyzer.terms("export is slow")));
    SparseVector v = tfIdf.vector(analyzer.terms("csv export"));

    assertThat(v.norm()).isCloseTo(1.0, within(1e-6));
    int csv = tfIdf.id("csv").orElseThrow();
    int export = tfIdf.id("export").orElseThrow();
    assertThat(tfIdf.idf(csv)).isGreaterThan(tfIdf.idf(export));
    // idf = ln((1 + 3) / (1 + 1)) + 1 for csv, ln(4 / 4) + 1 = 1 for export.
    assertThat(tfIdf.idf(csv)).isCloseTo(Math.log(2) + 1, within(1e-6));
    assertThat(tfIdf.idf(export)).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void tfIsSublinear() {
    TfIdf tfIdf = TfIdf.fit(List.of(List.of("a", "b"), List.of("b")));
    SparseVector v = tfIdf.vector(List.of("a", "a", "a", "a"));

    assertThat(v.size()).isEqualTo(1);
    assertThat(TfIdf.tf(4)).isCloseTo(1 + Math.log(4), within(1e-12));
  }

  @Test
  void cosineIsOneForTheSameTextAndZeroForDisjointOnes() {
    TfIdf tfIdf =
        TfIdf.fit(
            List.of(analyzer.terms("dark mode please"), analyzer.terms("invoice totals wrong")));

    assertThat(tfIdf.cosine(analyzer.terms("dark mode"), analyzer.terms("dark mode")))
        .isCloseTo(1.0, within(1e-6));
    assertThat(tfIdf.cosine(analyzer.terms("dark mode"), analyzer.terms("invoice totals")))
        .isZero();
  }

  @Test
  void unseenWordsLowerTheSimilarityInsteadOfVanishing() {
    TfIdf tfIdf = TfIdf.fit(List.of(analyzer.terms("dark mode"), analyzer.terms("invoices")));

    double withNewWords =
        tfIdf.cosine(analyzer.terms("dark mode"), analyzer.terms("dark mode zebra giraffe"));

    assertThat(withNewWords).isLessThan(0.8).isPositive();
  }

  @Property
  void vectorsAreUnitLengthOrEmpty(@ForAll @StringLength(max = 120) String text) {
    List<String> terms = analyzer.terms(text);
    SparseVector v = TfIdf.fit(List.of(terms)).vector(terms);

    if (!v.isEmpty()) {
      assertThat(v.norm()).isCloseTo(1.0, within(1e-5));
      assertThat(v.dot(v)).isCloseTo(1.0, within(1e-5));
    }
  }
}
