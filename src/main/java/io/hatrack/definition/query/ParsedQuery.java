package io.hatrack.definition.query;

import java.util.List;
import java.util.Objects;

/**
 * A work-item query as written, split into its terms, each with where it sits in the text: a filter
 * such as {@code -status:"in review"}, a free word matched against titles, or a sort key. Nothing
 * here is resolved against a product yet; {@link WorkItemQuery} does that.
 *
 * @param source the text as given
 * @param terms the terms in the order written
 */
public record ParsedQuery(String source, List<Term> terms) {
  public ParsedQuery {
    Objects.requireNonNull(source, "source");
    terms = List.copyOf(terms);
  }

  /** Where a part of the query sits: a 0-based character offset and a length. */
  public record Span(int offset, int length) {
    public Span {
      if (offset < 0 || length < 0) {
        throw new IllegalArgumentException("a span has a non-negative offset and length");
      }
    }

    public int end() {
      return offset + length;
    }
  }

  /** How a filter compares its field with its values. */
  public enum Op {
    /** {@code field:value}: equal to (or, for text, containing) one of the values. */
    IS(":"),
    /** {@code field=value}: the same as {@code :}. */
    EQUALS("="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    LESS_OR_EQUAL("<=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** True for the four ordering comparisons, which only numbers and dates support. */
    public boolean ordering() {
      return this != IS && this != EQUALS;
    }
  }

  /** One part of a query. */
  public sealed interface Term permits Filter, Word, SortKey {
    /** The whole term, including a leading {@code -}. */
    Span span();
  }

  /** A value of a filter; {@code quoted} when written in double quotes (span includes them). */
  public record Value(String text, boolean quoted, Span span) {
    public Value {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * {@code field:value,value} (or another operator): matches items where the field matches any of
   * the values; {@code negated} ({@code -field:value}) matches the others.
   */
  public record Filter(
      boolean negated,
      String field,
      Span fieldSpan,
      Op op,
      Span opSpan,
      List<Value> values,
      Span span)
      implements Term {
    public Filter {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(op, "op");
      values = List.copyOf(values);
    }
  }

  /** A word or quoted phrase that the title must contain (or, negated, must not contain). */
  public record Word(boolean negated, String text, boolean quoted, Span span) implements Term {
    public Word {
      Objects.requireNonNull(text, "text");
    }
  }

  /** One key of {@code sort:field} or {@code sort:-field} (descending). */
  public record SortKey(String field, boolean descending, Span span) implements Term {
    public SortKey {
      Objects.requireNonNull(field, "field");
    }
  }

  public List<Filter> filters() {
    return terms.stream().filter(Filter.class::isInstance).map(Filter.class::cast).toList();
  }

  public List<Word> words() {
    return terms.stream().filter(Word.class::isInstance).map(Word.class::cast).toList();
  }

  public List<SortKey> sorts() {
    return terms.stream().filter(SortKey.class::isInstance).map(SortKey.class::cast).toList();
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }
}
