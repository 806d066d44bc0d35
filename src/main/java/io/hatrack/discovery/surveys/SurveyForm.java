package io.hatrack.discovery.surveys;

import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The survey builder as the browser shows it: the survey's fields, one row per question, and the
 * server's message for each refused field. Adding, removing and moving a question are form
 * submissions that come back with the rows changed and nothing saved, so the builder needs no
 * script.
 *
 * <p>Rows are named {@code q_<n>_type}, {@code q_<n>_prompt}, {@code q_<n>_required}, {@code
 * q_<n>_options} (one choice per line), {@code q_<n>_scale}, {@code q_<n>_feature} and {@code
 * q_<n>_dysfunctional}, with {@code question_count} rows in all. Row {@code n} is question {@code
 * n}, so the service's errors on {@code questions[n]} point at it directly.
 */
public record SurveyForm(
    Map<String, String> values, List<Row> rows, List<FieldError> errors, String message) {

  /** One question row; {@code options} one per line. */
  public record Row(
      String type,
      String prompt,
      boolean required,
      String options,
      String scale,
      String feature,
      String dysfunctional) {
    static Row of(QuestionType type) {
      String options = type.choice() ? "\n" : "";
      return new Row(
          type.id(),
          "",
          type != QuestionType.TEXT,
          options.strip(),
          type == QuestionType.RATING ? Integer.toString(SurveyService.DEFAULT_RATING_SCALE) : "",
          "",
          "");
    }

    public QuestionType kind() {
      return QuestionType.parse(type).orElse(QuestionType.TEXT);
    }
  }

  static final int MAX_ROWS = SurveyService.MAX_QUESTIONS;

  public SurveyForm {
    values = Map.copyOf(values);
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
  }

  /** A new survey: an NPS question to start from, an open link, not anonymous. */
  public static SurveyForm blank() {
    Map<String, String> values = new HashMap<>();
    values.put("open_link", "on");
    return new SurveyForm(values, List.of(Row.of(QuestionType.NPS)), List.of(), null);
  }

  /** The form of an existing survey. */
  public static SurveyForm of(Survey s) {
    Map<String, String> values = new HashMap<>();
    values.put("title", s.title());
    values.put("description", s.description());
    values.put("status", s.status().id());
    values.put("anonymous", s.anonymous() ? "on" : "");
    values.put("open_link", s.openLink() ? "on" : "");
    values.put("version", Long.toString(s.version()));
    List<Row> rows = new ArrayList<>();
    for (Question q : s.questions()) {
      rows.add(
          new Row(
              q.type().id(),
              q.prompt(),
              q.required(),
              String.join("\n", q.options()),
              q.type() == QuestionType.RATING ? Integer.toString(q.scale()) : "",
              q.feature(),
              q.dysfunctionalPrompt()));
    }
    return new SurveyForm(values, rows, List.of(), null);
  }

  /** What the browser submitted. */
  public static SurveyForm from(Context ctx) {
    Map<String, String> values = new HashMap<>();
    for (String name :
        List.of("title", "description", "status", "anonymous", "open_link", "version")) {
      String value = ctx.formParam(name);
      if (value != null) {
        values.put(name, value);
      }
    }
    int count;
    try {
      count = Math.max(0, Math.min(MAX_ROWS + 1, Integer.parseInt(param(ctx, "question_count"))));
    } catch (NumberFormatException e) {
      count = 0;
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String at = "q_" + i + "_";
      rows.add(
          new Row(
              param(ctx, at + "type"),
              param(ctx, at + "prompt"),
              !param(ctx, at + "required").isEmpty(),
              param(ctx, at + "options"),
              param(ctx, at + "scale"),
              param(ctx, at + "feature"),
              param(ctx, at + "dysfunctional")));
    }
    return new SurveyForm(values, rows, List.of(), null);
  }

  private static String param(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value;
  }

  /** The survey the form says; fields that do not belong to a row's type are left out. */
  public SurveyDraft draft() {
    List<QuestionDraft> questions = new ArrayList<>();
    for (Row row : rows) {
      QuestionType type = QuestionType.parse(row.type()).orElse(null);
      boolean kano = type == QuestionType.KANO;
      Integer scale = null;
      if (type == QuestionType.RATING && !row.scale().isBlank()) {
        try {
          scale = Integer.parseInt(row.scale().trim());
        } catch (NumberFormatException e) {
          scale = -1;
        }
      }
      questions.add(
          new QuestionDraft(
              row.type(),
              row.prompt(),
              row.required(),
              type != null && type.choice()
                  ? Arrays.asList(row.options().split("\\R", -1))
                  : List.of(),
              scale,
              kano ? row.feature() : "",
              kano ? row.dysfunctional() : ""));
    }
    String status = value("status");
    return new SurveyDraft(
        value("title"),
        value("description"),
        status.isBlank() ? "draft" : status,
        checked("anonymous"),
        checked("open_link"),
        questions);
  }

  /** The same form with the errors of {@code invalid}. */
  public SurveyForm refused(Invalid invalid) {
    return new SurveyForm(values, rows, invalid.errors(), null);
  }

  /** The same form with one message not tied to a field (a conflict). */
  public SurveyForm withMessage(String text) {
    return new SurveyForm(values, rows, errors, text);
  }

  /** The same form with a new question of {@code type} at the end. */
  public SurveyForm withAdded(QuestionType type) {
    if (rows.size() >= MAX_ROWS) {
      return withMessage("A survey has at most " + MAX_ROWS + " questions.");
    }
    List<Row> more = new ArrayList<>(rows);
    more.add(Row.of(type));
    return new SurveyForm(values, more, List.of(), null);
  }

  /** The same form without question {@code index}. */
  public SurveyForm withRemoved(int index) {
    if (index < 0 || index >= rows.size()) {
      return this;
    }
    List<Row> fewer = new ArrayList<>(rows);
    fewer.remove(index);
    return new SurveyForm(values, fewer, List.of(), null);
  }

  /** The same form with question {@code index} moved one place up ({@code -1}) or down. */
  public SurveyForm withMoved(int index, int by) {
    int to = index + by;
    if (index < 0 || index >= rows.size() || to < 0 || to >= rows.size()) {
      return this;
    }
    List<Row> moved = new ArrayList<>(rows);
    Row row = moved.remove(index);
    moved.add(to, row);
    return new SurveyForm(values, moved, List.of(), null);
  }

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  public boolean checked(String name) {
    String v = value(name);
    return v.equals("on") || v.equals("true");
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

  /**
   * The reason a field of question row {@code i} was refused ({@code part}: prompt, options, ...).
   */
  public String rowError(int i, String part) {
    return error("questions[" + i + "]." + part);
  }

  public boolean rowInvalid(int i) {
    String prefix = "questions[" + i + "]";
    return errors.stream().anyMatch(e -> e.field().startsWith(prefix));
  }

  private static final Pattern QUESTION_FIELD = Pattern.compile("^questions\\[(\\d+)]\\.?(.*)$");

  /** How the summary at the top names a field: "Question 2 options" rather than questions[1]. */
  public static String label(String field) {
    Matcher m = QUESTION_FIELD.matcher(field);
    if (m.matches()) {
      String part = m.group(2).replace("dysfunctional_prompt", "dysfunctional question");
      return "Question " + (Integer.parseInt(m.group(1)) + 1) + (part.isEmpty() ? "" : " " + part);
    }
    return switch (field) {
      case "open_link" -> "Open link";
      default -> field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
    };
  }
}
