package io.hatrack.definition.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hatrack.definition.docs.TextDiff.Hunk;
import io.hatrack.definition.docs.TextDiff.Kind;
import io.hatrack.definition.docs.TextDiff.Line;
import io.hatrack.definition.docs.TextDiff.Result;
import io.hatrack.definition.docs.TextDiff.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TextDiffTest {

  private static String lines(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> "line " + i)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void identicalTextsHaveNoHunks() {
    Result r = TextDiff.of("a\nb\n", "a\nb\n");

    assertThat(r.identical()).isTrue();
    assertThat(r.added()).isZero();
    assertThat(r.removed()).isZero();
  }

  @Test
  void lineEndingsAndAFinalNewlineAreNotChanges() {
    assertThat(TextDiff.of("a\r\nb\r\n", "a\nb").identical()).isTrue();
    assertThat(TextDiff.of("", null).identical()).isTrue();
  }

  @Test
  void aChangedLineShowsAsRemovedThenAddedWithThreeLinesOfContext() {
    String before = lines(1, 10);
    String after = before.replace("line 5\n", "line five\n");

    Result r = TextDiff.of(before, after);

    assertThat(r.hunks()).hasSize(1);
    Hunk h = r.hunks().get(0);
    assertThat(h.header()).isEqualTo("@@ -2,7 +2,7 @@");
    assertThat(h.lines())
        .extracting(Line::kind, Line::oldNumber, Line::newNumber, Line::text)
        .containsExactly(
            tuple(Kind.CONTEXT, 2, 2, "line 2"),
            tuple(Kind.CONTEXT, 3, 3, "line 3"),
            tuple(Kind.CONTEXT, 4, 4, "line 4"),
            tuple(Kind.REMOVED, 5, null, "line 5"),
            tuple(Kind.ADDED, null, 5, "line five"),
            tuple(Kind.CONTEXT, 6, 6, "line 6"),
            tuple(Kind.CONTEXT, 7, 7, "line 7"),
            tuple(Kind.CONTEXT, 8, 8, "line 8"));
    assertThat(r.added()).isEqualTo(1);
    assertThat(r.removed()).isEqualTo(1);
  }

  @Test
  void changesFarApartMakeSeparateHunksAndNearOnesOneHunk() {
    String before = lines(1, 30);
    String far = before.replace("line 3\n", "line three\n").replace("line 25\n", "");
    String near = before.replace("line 3\n", "line three\n").replace("line 9\n", "");

    Result apart = TextDiff.of(before, far);
    Result together = TextDiff.of(before, near);

    assertThat(apart.hunks())
        .extracting(Hunk::header)
        .containsExactly("@@ -1,6 +1,6 @@", "@@ -22,7 +22,6 @@");
    assertThat(together.hunks()).extracting(Hunk::header).containsExactly("@@ -1,12 +1,11 @@");
  }

  @Test
  void anInsertionIntoAnEmptyTextStartsAfterLineZero() {
    Result r = TextDiff.of("", "new\nlines\n");

    assertThat(r.hunks()).extracting(Hunk::header).containsExactly("@@ -0,0 +1,2 @@");
    assertThat(r.added()).isEqualTo(2);
  }

  @Test
  void aPureInsertionWithoutContextNamesTheLineItFollows() {
    Result r = TextDiff.of(lines(1, 5), lines(1, 5).replace("line 3\n", "line 3\nnew\n"), 0);

    assertThat(r.hunks()).extracting(Hunk::header).containsExactly("@@ -3,0 +4,1 @@");
  }

  @Test
  void theWordsThatChangedInsideAnEditedLineAreMarked() {
    Result r =
        TextDiff.of(
            "Checkout conversion goes from 61 % to 66 % in Q2.",
            "Checkout conversion goes from 61 % to 68 % by the end of Q2.");

    List<Line> lines = r.hunks().get(0).lines();
    assertThat(lines.get(0).segments())
        .filteredOn(Segment::changed)
        .extracting(Segment::text)
        .containsExactly("66", "in");
    assertThat(lines.get(1).segments())
        .filteredOn(Segment::changed)
        .extracting(Segment::text)
        .containsExactly("68", "by the end of");
    assertThat(lines.get(1).hasWordChanges()).isTrue();
  }

  @Test
  void linesWithLittleInCommonAreNotMarkedWordByWord() {
    Result r = TextDiff.of("Saved cards at checkout", "Invoice export for finance teams");

    assertThat(r.hunks().get(0).lines()).noneMatch(Line::hasWordChanges);
  }

  @Test
  void wordsInAnyScriptCountAsWords() {
    Result r = TextDiff.of("Zahlung mit Karte bestätigt", "Zahlung mit Karte abgelehnt");

    assertThat(r.hunks().get(0).lines().get(1).segments())
        .filteredOn(Segment::changed)
        .extracting(Segment::text)
        .containsExactly("abgelehnt");
  }

  @Test
  void aNegativeContextIsRefused() {
    assertThatThrownBy(() -> TextDiff.of("a", "b", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // Properties.

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> line = Arbitraries.of("alpha", "beta", "gamma", "delta", "", "alpha beta");
    return line.list().ofMaxSize(25).map(l -> String.join("\n", l));
  }

  /** Rebuilds the new text from the old one and the hunks, as {@code patch} would. */
  private static List<String> apply(List<String> old, Result r) {
    List<String> out = new ArrayList<>();
    int next = 1;
    for (Hunk h : r.hunks()) {
      int firstOld =
          h.lines().stream()
              .filter(l -> l.oldNumber() != null)
              .mapToInt(Line::oldNumber)
              .findFirst()
              .orElse(h.oldStart() + 1);
      while (next < firstOld) {
        out.add(old.get(next - 1));
        next++;
      }
      for (Line l : h.lines()) {
        if (l.kind() != Kind.ADDED) {
          next++;
        }
        if (l.kind() != Kind.REMOVED) {
          out.add(l.text());
        }
      }
    }
    while (next <= old.size()) {
      out.add(old.get(next - 1));
      next++;
    }
    return out;
  }

  @Property
  void applyingTheHunksToTheOldTextGivesTheNewOne(
      @ForAll("texts") String before,
      @ForAll("texts") String after,
      @ForAll @IntRange(max = 4) int context) {
    Result r = TextDiff.of(before, after, context);

    assertThat(apply(TextDiff.lines(before), r)).isEqualTo(TextDiff.lines(after));
  }

  @Property
  void theSegmentsOfALineSpellItsText(
      @ForAll("texts") String before, @ForAll("texts") String after) {
    for (Hunk h : TextDiff.of(before, after).hunks()) {
      for (Line l : h.lines()) {
        assertThat(l.segments().stream().map(Segment::text).collect(Collectors.joining()))
            .isEqualTo(l.text());
        assertThat(l.kind() == Kind.CONTEXT && l.hasWordChanges()).isFalse();
      }
    }
  }

  @Property
  void theHeadersCountTheLinesOfEachSideAndTheTotalsCountTheChanges(
      @ForAll("texts") String before, @ForAll("texts") String after) {
    Result r = TextDiff.of(before, after);
    int added = 0;
    int removed = 0;
    for (Hunk h : r.hunks()) {
      assertThat(h.lines().stream().filter(l -> l.kind() != Kind.ADDED).count())
          .isEqualTo(h.oldCount());
      assertThat(h.lines().stream().filter(l -> l.kind() != Kind.REMOVED).count())
          .isEqualTo(h.newCount());
      added += (int) h.lines().stream().filter(l -> l.kind() == Kind.ADDED).count();
      removed += (int) h.lines().stream().filter(l -> l.kind() == Kind.REMOVED).count();
    }
    assertThat(added).isEqualTo(r.added());
    assertThat(removed).isEqualTo(r.removed());
    assertThat(r.identical()).isEqualTo(TextDiff.lines(before).equals(TextDiff.lines(after)));
  }

  @Property
  void reversingTheDiffSwapsAddedAndRemoved(
      @ForAll("texts") String before, @ForAll("texts") String after) {
    Result forward = TextDiff.of(before, after);
    Result back = TextDiff.of(after, before);

    assertThat(back.added() - back.removed()).isEqualTo(forward.removed() - forward.added());
  }
}
