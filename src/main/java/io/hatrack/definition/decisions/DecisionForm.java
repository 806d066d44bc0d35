package io.hatrack.definition.decisions;

import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decision form as the browser shows it: its fields, its rows of options (some of them blank,
 * to fill in), the deciders ticked, and the server's message for each refused field.
 *
 * <p>Option rows are named {@code option_<n>_name}, {@code option_<n>_description}, {@code
 * option_<n>_pros} and {@code option_<n>_cons}, with {@code option_count} rows in all; the radio
 * button {@code chosen} carries the row number of the chosen option. Rows left entirely blank are
 * not options.
 */
public record DecisionForm(
    Map<String, String> values,
    List<Row> rows,
    Set<String> deciders,
    List<FieldError> errors,
    String message) {

  /** One row of the options fieldsets; pros and cons one per line. */
  public record Row(String name, String description, String pros, String cons, boolean chosen) {
    static final Row BLANK = new Row("", "", "", "", false);

    boolean blank() {
      return !chosen && name.isBlank() && description.isBlank() && pros.isBlank() && cons.isBlank();
    }
  }

  /** The most option rows a form shows. */
  static final int MAX_ROWS = DecisionService.MAX_OPTIONS + 5;

  private static final Pattern OPTION_FIELD = Pattern.compile("^options\\[(\\d+)]");

  public DecisionForm {
    values = Map.copyOf(values);
    rows = List.copyOf(rows);
    deciders = Set.copyOf(deciders);
    errors = List.copyOf(errors);
  }

  /** A new decision: proposed, with blank rows for the first options. */
  public static DecisionForm blank(String supersedes) {
    Map<String, String> values = new HashMap<>();
    values.put("status", DecisionStatus.PROPOSED.id());
    if (supersedes != null && !supersedes.isBlank()) {
      values.put("supersedes", supersedes.trim());
    }
    return new DecisionForm(
        values, List.of(Row.BLANK, Row.BLANK, Row.BLANK), Set.of(), List.of(), null);
  }

  /** The form of an existing decision, with one blank row to add an option. */
  public static DecisionForm of(Decision d) {
    Map<String, String> values = new HashMap<>();
    values.put("title", d.title());
    values.put("context", d.context());
    values.put("outcome", d.outcome());
    values.put("consequences", d.consequences());
    values.put("status", d.status().id());
    values.put("decided_on", d.decidedOn() == null ? "" : d.decidedOn().toString());
    values.put(
        "superseded_by",
        d.supersededBy() == null || d.supersededBy().key() == null ? "" : d.supersededBy().key());
    values.put("version", Long.toString(d.version()));
    List<Row> rows = new ArrayList<>();
    for (DecisionOption o : d.options()) {
      rows.add(
          new Row(
              o.name(),
              o.description(),
              String.join("\n", o.pros()),
              String.join("\n", o.cons()),
              o.chosen()));
    }
    rows.add(Row.BLANK);
    Set<String> deciders = new LinkedHashSet<>();
    d.deciders().forEach(p -> deciders.add(p.handle()));
    return new DecisionForm(values, rows, deciders, List.of(), null);
  }

  /** What the browser submitted. */
  public static DecisionForm from(Context ctx) {
    Map<String, String> values = new HashMap<>();
    for (String name :
        List.of(
            "title",
            "context",
            "outcome",
            "consequences",
            "status",
            "decided_on",
            "superseded_by",
            "supersedes",
            "version")) {
      String value = ctx.formParam(name);
      if (value != null) {
        values.put(name, value);
      }
    }
    int count;
    try {
      count = Math.max(0, Math.min(MAX_ROWS, Integer.parseInt(param(ctx, "option_count"))));
    } catch (NumberFormatException e) {
      count = 0;
    }
    String chosen = param(ctx, "chosen");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String at = "option_" + i + "_";
      rows.add(
          new Row(
              param(ctx, at + "name"),
              param(ctx, at + "description"),
              param(ctx, at + "pros"),
              param(ctx, at + "cons"),
              chosen.equals(Integer.toString(i))));
    }
    Set<String> deciders = new LinkedHashSet<>();
    for (String handle : ctx.formParams("decider")) {
      if (!handle.isBlank()) {
        deciders.add(handle.trim());
      }
    }
    return new DecisionForm(values, rows, deciders, List.of(), null);
  }

  private static String param(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value;
  }

  /** The decision the form says (blank rows left out). */
  public DecisionDraft draft() {
    List<DecisionOption> options = new ArrayList<>();
    for (Row row : rows) {
      if (!row.blank()) {
        options.add(
            new DecisionOption(
                row.name(),
                row.description(),
                DecisionOption.lines(row.pros()),
                DecisionOption.lines(row.cons()),
                row.chosen()));
      }
    }
    return new DecisionDraft(
        value("title"),
        value("context"),
        value("outcome"),
        value("consequences"),
        value("status"),
        value("decided_on"),
        List.copyOf(deciders),
        options,
        value("superseded_by"),
        value("supersedes"));
  }

  /**
   * The same form with the errors of {@code invalid}; an option's errors are moved from its place
   * among the options to its row, since blank rows are not options.
   */
  public DecisionForm refused(Invalid invalid) {
    List<Integer> rowOfOption = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).blank()) {
        rowOfOption.add(i);
      }
    }
    List<FieldError> moved = new ArrayList<>();
    for (FieldError e : invalid.errors()) {
      Matcher m = OPTION_FIELD.matcher(e.field());
      if (m.find()) {
        int option = Integer.parseInt(m.group(1));
        int row = option < rowOfOption.size() ? rowOfOption.get(option) : option;
        moved.add(new FieldError(m.replaceFirst("options[" + row + "]"), e.reason()));
      } else {
        moved.add(e);
      }
    }
    return new DecisionForm(values, rows, deciders, moved, null);
  }

  /** The same form with one message not tied to a field (a conflict). */
  public DecisionForm withMessage(String text) {
    return new DecisionForm(values, rows, deciders, errors, text);
  }

  /** The same form with one more blank option row. */
  public DecisionForm withRowAdded() {
    if (rows.size() >= MAX_ROWS) {
      return this;
    }
    List<Row> more = new ArrayList<>(rows);
    more.add(Row.BLANK);
    return new DecisionForm(values, more, deciders, List.of(), null);
  }

  /** The same form without the row {@code index}. */
  public DecisionForm withRowRemoved(int index) {
    if (index < 0 || index >= rows.size()) {
      return this;
    }
    List<Row> fewer = new ArrayList<>(rows);
    fewer.remove(index);
    if (fewer.isEmpty()) {
      fewer.add(Row.BLANK);
    }
    return new DecisionForm(values, fewer, deciders, List.of(), null);
  }

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /** The reason the field was refused, or null. */
  public String error(String name) {
    return errors.stream()
        .filter(e -> e.field().equals(name))
        .map(FieldError::reason)
        .findFirst()
        .orElse(null);
  }

  public boolean invalid(String name) {
    return error(name) != null;
  }

  /** True when a row's field was refused (to point the reader at it). */
  public boolean rowInvalid(int row) {
    String prefix = "options[" + row + "]";
    return errors.stream().anyMatch(e -> e.field().startsWith(prefix));
  }

  public boolean decider(String handle) {
    return deciders.contains(handle);
  }

  /** True when no row is marked chosen. */
  public boolean noneChosen() {
    return rows.stream().noneMatch(Row::chosen);
  }

  /** How the summary at the top names a field: "Option 2 name" rather than options[1].name. */
  public static String label(String field) {
    Matcher m = Pattern.compile("^options\\[(\\d+)]\\.?(.*)$").matcher(field);
    if (m.matches()) {
      String part = m.group(2).isEmpty() ? "" : " " + m.group(2);
      return "Option " + (Integer.parseInt(m.group(1)) + 1) + part;
    }
    return switch (field) {
      case "decided_on" -> "Date decided";
      case "superseded_by" -> "Superseded by";
      case "outcome" -> "Decision";
      case "supersedes" -> "Supersedes";
      default -> field.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + field.substring(1);
    };
  }
}
