package io.hatrack.planning.roi;

import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ROI model form as the browser shows it: its fields, its rows of lines as typed, and the
 * server's message for each refused field. Rows are named {@code line_<n>_<part>} with {@code
 * line_count} rows; a row whose amounts are all blank is not a line. Numbers are read leniently
 * ("120,000" is 120000); what cannot be read becomes a message on that field.
 */
public record RoiForm(Map<String, String> values, List<Row> rows, List<FieldError> errors) {

  /** One row of lines, as typed. */
  public record Row(
      String kind,
      String label,
      String from,
      String to,
      String ramp,
      String spread,
      String low,
      String likely,
      String high) {
    static final Row BLANK = new Row("recurring_cost", "", "1", "", "0", "fixed", "", "", "");

    boolean blank() {
      return label.isBlank() && low.isBlank() && likely.isBlank() && high.isBlank();
    }
  }

  static final int MAX_ROWS = RoiDraft.MAX_LINES + 5;
  private static final List<String> FIELDS =
      List.of("name", "description", "item", "periodicity", "horizon", "discount_rate", "version");

  public RoiForm {
    values = Map.copyOf(values);
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
  }

  /** A new model: three years by month at 10 %, with a build cost and a benefit to fill in. */
  public static RoiForm blank(String item) {
    Map<String, String> v = new HashMap<>();
    v.put("periodicity", "monthly");
    v.put("horizon", "36");
    v.put("discount_rate", "10");
    v.put("item", item == null ? "" : item);
    return new RoiForm(
        v,
        List.of(
            new Row("one_off_cost", "Build", "0", "0", "0", "pert", "", "", ""),
            new Row("new_revenue", "", "1", "36", "0", "pert", "", "", "")),
        List.of());
  }

  public static RoiForm of(RoiModel m) {
    Map<String, String> v = new HashMap<>();
    v.put("name", m.name());
    v.put("description", m.description());
    v.put("item", m.item() == null || m.item().key() == null ? "" : m.item().key());
    v.put("periodicity", m.inputs().periodicity().id());
    v.put("horizon", Integer.toString(m.inputs().horizon()));
    v.put("discount_rate", plain(m.inputs().annualRate() * 100));
    v.put("version", Long.toString(m.version()));
    List<Row> rows = new ArrayList<>();
    for (RoiLine l : m.inputs().lines()) {
      boolean fixed = l.amount().spread() == Spread.FIXED;
      rows.add(
          new Row(
              l.kind().id(),
              l.label(),
              Integer.toString(l.from()),
              Integer.toString(l.to()),
              Integer.toString(l.ramp()),
              l.amount().spread().id(),
              fixed ? "" : plain(l.amount().low()),
              plain(l.amount().likely()),
              fixed ? "" : plain(l.amount().high())));
    }
    return new RoiForm(v, rows, List.of());
  }

  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  public static RoiForm from(Context ctx) {
    Map<String, String> v = new HashMap<>();
    for (String name : FIELDS) {
      String value = ctx.formParam(name);
      if (value != null) {
        v.put(name, value);
      }
    }
    int count;
    try {
      count = Math.max(0, Math.min(MAX_ROWS, Integer.parseInt(param(ctx, "line_count").strip())));
    } catch (NumberFormatException e) {
      count = 0;
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String at = "line_" + i + "_";
      rows.add(
          new Row(
              param(ctx, at + "kind"),
              param(ctx, at + "label"),
              param(ctx, at + "from"),
              param(ctx, at + "to"),
              param(ctx, at + "ramp"),
              param(ctx, at + "spread"),
              param(ctx, at + "low"),
              param(ctx, at + "likely"),
              param(ctx, at + "high")));
    }
    return new RoiForm(v, rows, List.of());
  }

  private static String param(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value;
  }

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  public String error(String field) {
    return errors.stream()
        .filter(e -> e.field().equals(field))
        .map(FieldError::reason)
        .findFirst()
        .orElse(null);
  }

  /** The draft the service checks; field names of lines follow the rows that are not blank. */
  public RoiDraft draft() {
    List<FieldError> problems = new ArrayList<>();
    List<RoiDraft.LineDraft> lines = new ArrayList<>();
    for (Row r : rows) {
      if (r.blank()) {
        continue;
      }
      String at = "lines[" + lines.size() + "].";
      lines.add(
          new RoiDraft.LineDraft(
              r.kind(),
              r.label(),
              integer(r.from(), at + "from", problems),
              integer(r.to(), at + "to", problems),
              integer(r.ramp(), at + "ramp", problems),
              r.spread(),
              number(r.low(), at + "low", problems),
              number(r.likely(), at + "likely", problems),
              number(r.high(), at + "high", problems)));
    }
    Integer horizon = integer(value("horizon"), "horizon", problems);
    Double rate = number(value("discount_rate").replace("%", ""), "discount_rate", problems);
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    return new RoiDraft(
        value("name"),
        value("description"),
        value("item"),
        value("periodicity"),
        horizon,
        rate,
        lines);
  }

  /** The same form with the server's messages, mapped from lines to the rows they came from. */
  public RoiForm refused(Invalid e) {
    List<Integer> rowOfLine = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).blank()) {
        rowOfLine.add(i);
      }
    }
    List<FieldError> mapped = new ArrayList<>();
    for (FieldError f : e.errors()) {
      String field = f.field();
      if (field.startsWith("lines[")) {
        int close = field.indexOf(']');
        try {
          int line = Integer.parseInt(field.substring(6, close));
          if (line < rowOfLine.size()) {
            field = "line_" + rowOfLine.get(line) + "_" + field.substring(close + 2);
          }
        } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
          // Not a line field after all: shown at the top as it is.
        }
      }
      mapped.add(new FieldError(field, f.reason()));
    }
    return new RoiForm(values, rows, mapped);
  }

  public RoiForm withRowAdded() {
    if (rows.size() >= MAX_ROWS) {
      return this;
    }
    List<Row> more = new ArrayList<>(rows);
    more.add(Row.BLANK);
    return new RoiForm(values, more, List.of());
  }

  public RoiForm withRowRemoved(int row) {
    if (row < 0 || row >= rows.size()) {
      return this;
    }
    List<Row> fewer = new ArrayList<>(rows);
    fewer.remove(row);
    return new RoiForm(values, fewer, List.of());
  }

  private static Integer integer(String text, String field, List<FieldError> problems) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      problems.add(new FieldError(field, "must be a whole number"));
      return null;
    }
  }

  private static Double number(String text, String field, List<FieldError> problems) {
    String t = text == null ? "" : text.strip().replaceAll("[,_\\s\u00a0]", "");
    if (t.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(t.toLowerCase(Locale.ROOT));
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      problems.add(new FieldError(field, "must be a number such as 12,500"));
      return null;
    }
  }
}
