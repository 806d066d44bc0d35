package io.hatrack.definition.query;

import io.hatrack.definition.query.ParsedQuery.Filter;
import io.hatrack.definition.query.ParsedQuery.Op;
import io.hatrack.definition.query.ParsedQuery.SortKey;
import io.hatrack.definition.query.ParsedQuery.Span;
import io.hatrack.definition.query.ParsedQuery.Term;
import io.hatrack.definition.query.ParsedQuery.Value;
import io.hatrack.definition.query.ParsedQuery.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a query into terms (see {@link WorkItemQuery} for the language). Pure: it knows the shape
 * of terms, not which fields or values exist; a mistake in the shape fails with a {@link
 * QueryFailure} that points at it.
 */
final class QueryParser {
  /** The longest query accepted, in characters. */
  static final int MAX_LENGTH = 2000;

  /** The most terms a query may have. */
  static final int MAX_TERMS = 50;

  private final String q;
  private final int n;

  private QueryParser(String q) {
    this.q = q;
    this.n = q.length();
  }

  /** The terms of {@code source} (null and blank: no terms). */
  static ParsedQuery parse(String source) {
    String q = source == null ? "" : source;
    if (q.length() > MAX_LENGTH) {
      throw QueryFailure.at(
          new Span(MAX_LENGTH, q.length() - MAX_LENGTH),
          "a query is at most " + MAX_LENGTH + " characters long");
    }
    int nul = q.indexOf('\u0000');
    if (nul >= 0) {
      throw QueryFailure.at(new Span(nul, 1), "a query must not contain NUL characters");
    }
    return new QueryParser(q).terms();
  }

  private ParsedQuery terms() {
    List<Term> terms = new ArrayList<>();
    int pos = skipSpace(0);
    while (pos < n) {
      if (terms.size() >= MAX_TERMS) {
        throw QueryFailure.at(
            new Span(pos, n - pos), "a query has at most " + MAX_TERMS + " terms");
      }
      pos = term(pos, terms);
      pos = skipSpace(pos);
    }
    return new ParsedQuery(q, terms);
  }

  private int skipSpace(int pos) {
    while (pos < n && Character.isWhitespace(q.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private boolean spaceAt(int pos) {
    return pos >= n || Character.isWhitespace(q.charAt(pos));
  }

  /** Reads the term at {@code start} into {@code terms}; returns where it ends. */
  private int term(int start, List<Term> terms) {
    int pos = start;
    boolean negated = false;
    if (q.charAt(pos) == '-') {
      if (spaceAt(pos + 1)) {
        throw QueryFailure.at(
            new Span(start, 1),
            "a lone \"-\" negates nothing; write it right before a term, such as -status:done");
      }
      negated = true;
      pos++;
    }
    char c = q.charAt(pos);
    if (c == '"') {
      int end = closingQuote(pos);
      if (!spaceAt(end)) {
        throw QueryFailure.at(new Span(end, 1), "put a space after the closing quote");
      }
      String text = unquote(pos, end);
      if (text.isBlank()) {
        throw QueryFailure.at(
            new Span(start, end - start), "empty quotes match every title; remove them");
      }
      terms.add(new Word(negated, text, true, new Span(start, end - start)));
      return end;
    }
    int idEnd = identifierEnd(pos);
    int opLength = idEnd > pos ? operatorLength(idEnd) : 0;
    if (opLength > 0) {
      return filter(start, negated, pos, idEnd, opLength, terms);
    }
    int end = pos;
    while (!spaceAt(end)) {
      end++;
    }
    String text = q.substring(pos, end);
    Span span = new Span(start, end - start);
    if (":<>=".indexOf(c) >= 0) {
      throw QueryFailure.at(
          span,
          "\""
              + text
              + "\" has no field before it; write the field, the operator and the value without"
              + " spaces, such as estimate>3");
    }
    switch (text) {
      case "OR" ->
          throw QueryFailure.at(
              span,
              "OR between terms is not supported; list the values in one term with commas, such as"
                  + " type:bug,story");
      case "AND" ->
          throw QueryFailure.at(span, "terms are always combined with AND; leave the word out");
      case "NOT" ->
          throw QueryFailure.at(
              span, "write a \"-\" right before a term to negate it, such as -status:done");
      default -> {
        // a word of the title
      }
    }
    terms.add(new Word(negated, text, false, span));
    return end;
  }

  private int identifierEnd(int pos) {
    int i = pos;
    if (i < n && (Character.isLetter(q.charAt(i)) || q.charAt(i) == '_')) {
      i++;
      while (i < n && (Character.isLetterOrDigit(q.charAt(i)) || q.charAt(i) == '_')) {
        i++;
      }
    }
    return i;
  }

  private int operatorLength(int pos) {
    if (pos >= n) {
      return 0;
    }
    char c = q.charAt(pos);
    if ((c == '>' || c == '<') && pos + 1 < n && q.charAt(pos + 1) == '=') {
      return 2;
    }
    return c == ':' || c == '=' || c == '>' || c == '<' ? 1 : 0;
  }

  private static Op op(String symbol) {
    for (Op op : Op.values()) {
      if (op.symbol().equals(symbol)) {
        return op;
      }
    }
    throw new IllegalArgumentException(symbol);
  }

  private int filter(
      int start, boolean negated, int fieldStart, int fieldEnd, int opLength, List<Term> terms) {
    String field = q.substring(fieldStart, fieldEnd);
    Span fieldSpan = new Span(fieldStart, fieldEnd - fieldStart);
    Span opSpan = new Span(fieldEnd, opLength);
    Op op = op(q.substring(fieldEnd, fieldEnd + opLength));
    List<Value> values = new ArrayList<>();
    int pos = fieldEnd + opLength;
    if (spaceAt(pos)) {
      throw QueryFailure.at(
          new Span(fieldStart, pos - fieldStart),
          "\""
              + q.substring(fieldStart, pos)
              + "\" needs a value right after it, without a space, such as "
              + field
              + op.symbol()
              + (op.ordering() ? "3" : "value"));
    }
    while (true) {
      int end;
      Value value;
      if (q.charAt(pos) == '"') {
        end = closingQuote(pos);
        String text = unquote(pos, end);
        if (text.isBlank()) {
          throw QueryFailure.at(new Span(pos, end - pos), "empty quotes are not a value");
        }
        value = new Value(text, true, new Span(pos, end - pos));
      } else {
        end = pos;
        while (!spaceAt(end) && q.charAt(end) != ',') {
          end++;
        }
        if (end == pos) {
          throw QueryFailure.at(new Span(pos, 1), "a value is missing before this comma");
        }
        value = new Value(q.substring(pos, end), false, new Span(pos, end - pos));
      }
      values.add(value);
      if (end < n && q.charAt(end) == ',') {
        pos = end + 1;
        if (spaceAt(pos)) {
          throw QueryFailure.at(new Span(end, 1), "a value is missing after this comma");
        }
        continue;
      }
      if (!spaceAt(end)) {
        throw QueryFailure.at(new Span(end, 1), "put a comma or a space after the closing quote");
      }
      pos = end;
      break;
    }
    Span span = new Span(start, pos - start);
    if (field.toLowerCase(Locale.ROOT).equals("sort")) {
      sortKeys(negated, start, op, opSpan, values, terms);
    } else {
      terms.add(new Filter(negated, field, fieldSpan, op, opSpan, values, span));
    }
    return pos;
  }

  private static void sortKeys(
      boolean negated, int start, Op op, Span opSpan, List<Value> values, List<Term> terms) {
    if (negated) {
      throw QueryFailure.at(
          new Span(start, 1),
          "sort cannot be negated; write sort:-field to sort in descending order");
    }
    if (op != Op.IS && op != Op.EQUALS) {
      throw QueryFailure.at(opSpan, "sort takes a colon, such as sort:-updated");
    }
    for (Value v : values) {
      String text = v.text().trim();
      boolean descending = text.startsWith("-");
      String field = descending || text.startsWith("+") ? text.substring(1) : text;
      if (field.isBlank()) {
        throw QueryFailure.at(v.span(), "name the field to sort by, such as sort:-updated");
      }
      terms.add(new SortKey(field, descending, v.span()));
    }
  }

  /** The position right after the quote that closes the one at {@code open}. */
  private int closingQuote(int open) {
    int i = open + 1;
    while (i < n) {
      char c = q.charAt(i);
      if (c == '\\' && i + 1 < n) {
        i += 2;
        continue;
      }
      if (c == '"') {
        return i + 1;
      }
      i++;
    }
    throw QueryFailure.at(
        new Span(open, n - open), "this quote is never closed; add a \" at the end of the text");
  }

  /** The text between the quotes at {@code open} and {@code end - 1}, with escapes undone. */
  private String unquote(int open, int end) {
    StringBuilder text = new StringBuilder();
    for (int i = open + 1; i < end - 1; i++) {
      char c = q.charAt(i);
      if (c == '\\' && i + 1 < end - 1) {
        i++;
        c = q.charAt(i);
      }
      text.append(c);
    }
    return text.toString();
  }
}
