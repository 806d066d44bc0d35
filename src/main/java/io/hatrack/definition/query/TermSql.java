package io.hatrack.definition.query;

import io.hatrack.definition.query.ParsedQuery.Filter;
import io.hatrack.definition.query.ParsedQuery.Op;
import io.hatrack.definition.query.ParsedQuery.Span;
import io.hatrack.definition.query.ParsedQuery.Value;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the parts of the query compiler share: the context names are resolved in, the parameters
 * bound so far, and how values (numbers, ranges, dates, people) are read and compared.
 */
abstract class TermSql {
  static final Pattern NUMBER = Pattern.compile("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)$");
  static final Pattern RELATIVE = Pattern.compile("^([-+]?)(\\d{1,5})([dw])$");
  static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  static final Pattern KEY = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)-(\\d{1,12})$");

  final QueryContext ctx;
  final Map<String, Object> params;

  TermSql(QueryContext ctx, Map<String, Object> params) {
    this.ctx = ctx;
    this.params = params;
  }

  String bind(Object value) {
    String name = "qp" + params.size();
    params.put(name, value);
    return ":" + name;
  }

  String bindAll(List<?> values) {
    return values.stream().map(this::bind).collect(Collectors.joining(", ", "(", ")"));
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static String any(List<String> conditions) {
    return conditions.size() == 1 ? conditions.get(0) : "(" + String.join(" OR ", conditions) + ")";
  }

  static void equalityOnly(Filter f) {
    if (f.op().ordering()) {
      throw QueryFailure.at(
          f.opSpan(),
          "\""
              + f.op().symbol()
              + "\" compares numbers and dates; "
              + lower(f.field())
              + " takes a colon, such as "
              + lower(f.field())
              + ":"
              + f.values().get(0).text());
    }
  }

  long person(Value v) {
    String text = lower(v.text().trim());
    if (text.equals("me")) {
      return ctx.me();
    }
    String handle = text.startsWith("@") ? text.substring(1) : text;
    return ctx.member(handle)
        .orElseThrow(
            () ->
                QueryFailure.at(
                    v.span(),
                    "no member @"
                        + handle
                        + " in this workspace"
                        + Suggestions.didYouMean(handle, ctx.memberHandles(), "@")));
  }

  /** A value split at {@code ..} into its two ends, or one value. */
  record Bounds(Value low, Value high) {}

  static Optional<Bounds> range(Filter f, Value v) {
    int dots = v.quoted() ? -1 : v.text().indexOf("..");
    if (dots < 0) {
      return Optional.empty();
    }
    if (f.op().ordering()) {
      throw QueryFailure.at(
          v.span(), "a range takes a colon, such as " + lower(f.field()) + ":" + v.text());
    }
    String a = v.text().substring(0, dots);
    String b = v.text().substring(dots + 2);
    int at = v.span().offset();
    if (a.isEmpty() || b.isEmpty()) {
      throw QueryFailure.at(
          v.span(), "a range needs both ends, such as " + lower(f.field()) + ":3..8");
    }
    return Optional.of(
        new Bounds(
            new Value(a, false, new Span(at, dots)),
            new Value(b, false, new Span(at + dots + 2, b.length()))));
  }

  double numberValue(Filter f, Value v) {
    String text = v.text().trim();
    if (!NUMBER.matcher(text).matches()) {
      throw QueryFailure.at(
          v.span(), "\"" + v.text() + "\" is not a number for " + lower(f.field()));
    }
    return Double.parseDouble(text);
  }

  /** {@code column op value} for one number (the column must not be NULL). */
  String compare(String column, Op op, double value) {
    String operator = op == Op.IS ? "=" : op.symbol();
    return column + " " + operator + " " + bind(value);
  }

  /** A point in time ({@code 7d}: 7 × 24 hours ago) or a whole day in the reader's time zone. */
  sealed interface When permits Day, Moment {}

  record Day(LocalDate date) implements When {}

  record Moment(Instant at) implements When {}

  When when(Filter f, Value v) {
    String text = lower(v.text().trim());
    LocalDate today = LocalDate.ofInstant(ctx.now(), ctx.zone());
    switch (text) {
      case "today" -> {
        return new Day(today);
      }
      case "yesterday" -> {
        return new Day(today.minusDays(1));
      }
      case "tomorrow" -> {
        return new Day(today.plusDays(1));
      }
      default -> {
        // a date or a number of days
      }
    }
    Matcher m = RELATIVE.matcher(text);
    if (m.matches()) {
      long days = Long.parseLong(m.group(2)) * (m.group(3).equals("w") ? 7 : 1);
      Duration shift = Duration.ofDays(days);
      return new Moment(m.group(1).equals("+") ? ctx.now().plus(shift) : ctx.now().minus(shift));
    }
    if (ISO_DATE.matcher(text).matches()) {
      try {
        return new Day(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        // falls through to the message below
      }
    }
    throw QueryFailure.at(
        v.span(),
        "\""
            + v.text()
            + "\" is not a date for "
            + lower(f.field())
            + "; write a date such as 2026-01-31, a number of days ago such as 7d, or today");
  }

  long startOf(LocalDate day) {
    return day.atStartOfDay(ctx.zone()).toInstant().toEpochMilli();
  }

  /** Where a day or moment begins. */
  long lowerEdge(When w) {
    return w instanceof Day d ? startOf(d.date()) : ((Moment) w).at().toEpochMilli();
  }

  /** Where a day ends (the start of the next one), or the moment itself. */
  long upperEdge(When w) {
    return w instanceof Day d ? startOf(d.date().plusDays(1)) : ((Moment) w).at().toEpochMilli();
  }

  /**
   * Escapes LIKE's wildcards with {@code !}: a backslash would do, but JDBI's statement parser
   * reads a backslash before a quote as an escape and would misread the rest of the statement.
   */
  static String likeEscape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  LocalDate day(When w) {
    return w instanceof Day d ? d.date() : LocalDate.ofInstant(((Moment) w).at(), ctx.zone());
  }

  /**
   * Orders by {@code expression} with empty values last in both directions and on both databases
   * (which disagree on where NULL sorts). Written as {@code x IS NULL, x} so that an index on
   * {@code ((x IS NULL), x)} can deliver the order.
   */
  static String nullsLast(String expression, boolean descending) {
    return expression + " IS NULL, " + expression + (descending ? " DESC" : "");
  }
}
