package io.hatrack.definition.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.query.ParsedQuery.Filter;
import io.hatrack.definition.query.ParsedQuery.Op;
import io.hatrack.definition.query.ParsedQuery.SortKey;
import io.hatrack.definition.query.ParsedQuery.Span;
import io.hatrack.definition.query.ParsedQuery.Value;
import io.hatrack.definition.query.ParsedQuery.Word;
import io.hatrack.kernel.Invalid;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class QueryParserTest {

  private static QueryError error(String q) {
    return WorkItemQuery.syntaxError(q).orElseThrow(() -> new AssertionError("no error: " + q));
  }

  @Test
  void aBlankQueryHasNoTerms() {
    assertThat(QueryParser.parse("").terms()).isEmpty();
    assertThat(QueryParser.parse("   \t ").terms()).isEmpty();
    assertThat(QueryParser.parse(null).terms()).isEmpty();
  }

  @Test
  void filtersWordsAndSortKeysKeepTheirPlaceInTheText() {
    ParsedQuery q = QueryParser.parse("type:feature  saved -tag:mobile sort:-updated");

    assertThat(q.terms()).hasSize(4);
    Filter type = (Filter) q.terms().get(0);
    assertThat(type.field()).isEqualTo("type");
    assertThat(type.op()).isEqualTo(Op.IS);
    assertThat(type.values()).extracting(Value::text).containsExactly("feature");
    assertThat(type.span()).isEqualTo(new Span(0, 12));
    assertThat(type.fieldSpan()).isEqualTo(new Span(0, 4));
    assertThat(type.values().get(0).span()).isEqualTo(new Span(5, 7));
    Word saved = (Word) q.terms().get(1);
    assertThat(saved.text()).isEqualTo("saved");
    assertThat(saved.negated()).isFalse();
    assertThat(saved.span()).isEqualTo(new Span(14, 5));
    Filter tag = (Filter) q.terms().get(2);
    assertThat(tag.negated()).isTrue();
    assertThat(tag.span()).isEqualTo(new Span(20, 11));
    SortKey sort = (SortKey) q.terms().get(3);
    assertThat(sort.field()).isEqualTo("updated");
    assertThat(sort.descending()).isTrue();
    assertThat(sort.span()).isEqualTo(new Span(37, 8));
  }

  @Test
  void quotedValuesMayHoldSpacesCommasAndEscapedQuotes() {
    ParsedQuery q = QueryParser.parse("status:\"in review\",Done title:\"say \\\"hi\\\", ok\"");

    Filter status = q.filters().get(0);
    assertThat(status.values()).extracting(Value::text).containsExactly("in review", "Done");
    assertThat(status.values().get(0).quoted()).isTrue();
    assertThat(status.values().get(0).span()).isEqualTo(new Span(7, 11));
    assertThat(status.values().get(1).span()).isEqualTo(new Span(19, 4));
    assertThat(q.filters().get(1).values().get(0).text()).isEqualTo("say \"hi\", ok");
  }

  @Test
  void aQuotedPhraseIsOneWordOfTheTitle() {
    ParsedQuery q = QueryParser.parse("-\"saved card\" checkout");

    assertThat(q.words())
        .containsExactly(
            new Word(true, "saved card", true, new Span(0, 13)),
            new Word(false, "checkout", false, new Span(14, 8)));
  }

  @Test
  void everyComparisonOperatorIsRead() {
    ParsedQuery q =
        QueryParser.parse("estimate>3 estimate>=4 estimate<5 estimate<=6 estimate=7 estimate:8");

    assertThat(q.filters())
        .extracting(Filter::op)
        .containsExactly(
            Op.GREATER, Op.GREATER_OR_EQUAL, Op.LESS, Op.LESS_OR_EQUAL, Op.EQUALS, Op.IS);
    assertThat(q.filters().get(1).opSpan()).isEqualTo(new Span(19, 2));
    assertThat(q.filters().get(1).values().get(0).text()).isEqualTo("4");
  }

  @Test
  void commasListSeveralValuesAndSortKeys() {
    ParsedQuery q = QueryParser.parse("type:feature,story,bug sort:status,-estimate");

    assertThat(q.filters().get(0).values())
        .extracting(Value::text)
        .containsExactly("feature", "story", "bug");
    assertThat(q.sorts())
        .containsExactly(
            new SortKey("status", false, new Span(28, 6)),
            new SortKey("estimate", true, new Span(35, 9)));
  }

  @Test
  void wordsThatAreNotFiltersStayWords() {
    ParsedQuery q = QueryParser.parse("one-click 3:30 3-D @ana it's");

    assertThat(q.words())
        .extracting(Word::text)
        .containsExactly("one-click", "3:30", "3-D", "@ana", "it's");
    assertThat(q.filters()).isEmpty();
  }

  @Test
  void anUnterminatedQuoteIsUnderlinedFromTheQuoteToTheEnd() {
    QueryError e = error("type:bug status:\"in review");

    assertThat(e.offset()).isEqualTo(16);
    assertThat(e.length()).isEqualTo(10);
    assertThat(e.message()).contains("never closed");
  }

  @Test
  void anUnterminatedQuotedWordIsAnErrorToo() {
    QueryError e = error("\"saved");

    assertThat(e.offset()).isZero();
    assertThat(e.message()).contains("never closed");
  }

  @Test
  void aFieldWithoutAValueIsAnError() {
    QueryError e = error("type:bug status: done");

    assertThat(e.offset()).isEqualTo(9);
    assertThat(e.length()).isEqualTo(7);
    assertThat(e.message()).contains("\"status:\" needs a value right after it");
  }

  @Test
  void aComparisonWithASpaceBeforeItIsExplained() {
    QueryError e = error("estimate >3");

    assertThat(e.offset()).isEqualTo(9);
    assertThat(e.length()).isEqualTo(2);
    assertThat(e.message()).contains("has no field before it");
  }

  @Test
  void missingValuesAroundCommasAreErrors() {
    assertThat(error("type:bug,").offset()).isEqualTo(8);
    assertThat(error("type:bug, story").offset()).isEqualTo(8);
    QueryError doubled = error("type:bug,,story");
    assertThat(doubled.offset()).isEqualTo(9);
    assertThat(doubled.message()).contains("missing before this comma");
  }

  @Test
  void textRightAfterAClosingQuoteIsAnError() {
    QueryError e = error("status:\"in review\"x");

    assertThat(e.offset()).isEqualTo(18);
    assertThat(e.length()).isEqualTo(1);
  }

  @Test
  void aLoneMinusAndBooleanWordsAreExplained() {
    assertThat(error("type:bug - status:done").offset()).isEqualTo(9);
    QueryError or = error("type:bug OR type:story");
    assertThat(or.offset()).isEqualTo(9);
    assertThat(or.length()).isEqualTo(2);
    assertThat(or.message()).contains("type:bug,story");
    assertThat(error("AND x").message()).contains("always combined with AND");
    assertThat(error("NOT status:done").message()).contains("-status:done");
  }

  @Test
  void sortCannotBeNegatedAndTakesAColon() {
    assertThat(error("-sort:updated").message()).contains("cannot be negated");
    QueryError gt = error("sort>updated");
    assertThat(gt.offset()).isEqualTo(4);
    assertThat(gt.message()).contains("sort takes a colon");
    assertThat(error("sort:-").message()).contains("name the field");
  }

  @Test
  void emptyQuotesAreRefused() {
    assertThat(error("\"\"").message()).contains("empty quotes");
    assertThat(error("status:\"\"").offset()).isEqualTo(7);
  }

  @Test
  void tooLongQueriesAndTooManyTermsAreRefused() {
    QueryError longOne = error("x".repeat(QueryParser.MAX_LENGTH + 5));
    assertThat(longOne.offset()).isEqualTo(QueryParser.MAX_LENGTH);
    assertThat(longOne.length()).isEqualTo(5);
    QueryError many = error("a ".repeat(QueryParser.MAX_TERMS + 1));
    assertThat(many.offset()).isEqualTo(QueryParser.MAX_TERMS * 2);
    assertThat(many.message()).contains("at most " + QueryParser.MAX_TERMS + " terms");
  }

  @Test
  void theInvalidNamesTheFieldQWithTheColumnAndACaretExcerpt() {
    assertThatThrownBy(() -> WorkItemQuery.parse("type:bug status:\"in review"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> {
              assertThat(e.errors()).hasSize(1);
              assertThat(e.errors().get(0).field()).isEqualTo("q");
              assertThat(e.reasonFor("q"))
                  .isEqualTo(
                      "column 17: this quote is never closed; add a \" at the end of the text\n"
                          + "type:bug status:\"in review\n"
                          + "                ^^^^^^^^^^");
            });
  }

  @Test
  void aLongQueryIsExcerptedAroundTheError() {
    String q = "title:" + "a".repeat(100) + " stauts:done " + "b".repeat(100);
    QueryError e = new QueryError(107, 6, "unknown field");

    String[] lines = e.excerpt(q).split("\n");

    assertThat(lines[0]).startsWith("\u2026").endsWith("\u2026").contains("stauts:done");
    assertThat(lines[0].length()).isLessThanOrEqualTo(62);
    assertThat(lines[0].substring(lines[1].indexOf('^'))).startsWith("stauts");
    assertThat(lines[1].trim()).isEqualTo("^^^^^^");
  }

  @Property(tries = 500)
  void anyTextEitherParsesOrFailsWithASpanInsideIt(@ForAll @StringLength(max = 60) String q) {
    try {
      ParsedQuery parsed = QueryParser.parse(q);
      for (var term : parsed.terms()) {
        assertThat(term.span().end()).isLessThanOrEqualTo(q.length());
        assertThat(term.span().length()).isPositive();
      }
    } catch (QueryFailure f) {
      assertThat(f.error().offset()).isBetween(0, q.length());
      assertThat(f.error().offset() + f.error().length()).isLessThanOrEqualTo(q.length());
    }
  }

  @Property(tries = 300)
  void wellFormedFiltersRoundTrip(
      @ForAll("fields") String field, @ForAll("values") String value, @ForAll boolean negated) {
    String q = (negated ? "-" : "") + field + ":" + value;

    Filter f = QueryParser.parse(q).filters().get(0);

    assertThat(f.field()).isEqualTo(field);
    assertThat(f.negated()).isEqualTo(negated);
    assertThat(f.values()).extracting(Value::text).containsExactly(value);
    assertThat(q.substring(f.values().get(0).span().offset())).isEqualTo(value);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> fields() {
    return net.jqwik.api.Arbitraries.strings()
        .withCharRange('a', 'z')
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(s -> !s.equals("sort"));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> values() {
    return net.jqwik.api.Arbitraries.strings()
        .withCharRange('!', '~')
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(s -> s.indexOf(',') < 0 && !s.startsWith("\""));
  }
}
