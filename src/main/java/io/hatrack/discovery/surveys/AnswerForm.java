package io.hatrack.discovery.surveys;

import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public answer form as the respondent filled it in: the values to put back, and the message
 * for each refused answer. A question {@code 12} is answered by the field {@code q12} (a point of
 * its scale, a choice's text, the choices ticked or the text), a Kano pair by {@code q12_f} and
 * {@code q12_d}; {@code name} and {@code email} say who answers where the survey asks.
 */
public record AnswerForm(
    Map<String, List<String>> values, List<FieldError> errors, String message) {
  public static final AnswerForm EMPTY = new AnswerForm(Map.of(), List.of(), null);

  public AnswerForm {
    values = Map.copyOf(values);
    errors = List.copyOf(errors);
  }

  /** What the respondent submitted. */
  public static AnswerForm from(Context ctx) {
    Map<String, List<String>> values = new HashMap<>();
    ctx.formParamMap()
        .forEach(
            (k, v) -> {
              if (k.startsWith("q") || k.equals("name") || k.equals("email")) {
                values.put(k, List.copyOf(v));
              }
            });
    return new AnswerForm(values, List.of(), null);
  }

  /** The response the form says, for the questions of {@code survey}. */
  public ResponseInput input(Survey survey) {
    List<AnswerInput> answers = new ArrayList<>();
    for (Question q : survey.questions()) {
      String field = "q" + q.id();
      if (q.type().scaled()) {
        String v = value(field);
        Integer number = null;
        if (!v.isBlank()) {
          try {
            number = Integer.parseInt(v.trim());
          } catch (NumberFormatException e) {
            number = Integer.MIN_VALUE;
          }
        }
        answers.add(new AnswerInput(q.id(), number, List.of(), null, null, null));
      } else if (q.type().choice()) {
        answers.add(
            new AnswerInput(
                q.id(),
                null,
                values.getOrDefault(field, List.of()).stream().filter(c -> !c.isBlank()).toList(),
                null,
                null,
                null));
      } else if (q.type() == QuestionType.KANO) {
        answers.add(
            AnswerInput.kano(
                q.id(), blankToNull(value(field + "_f")), blankToNull(value(field + "_d"))));
      } else {
        answers.add(AnswerInput.text(q.id(), value(field)));
      }
    }
    return new ResponseInput(answers, value("name"), value("email"));
  }

  private static String blankToNull(String v) {
    return v.isBlank() ? null : v;
  }

  public AnswerForm refused(Invalid invalid) {
    return new AnswerForm(values, invalid.errors(), null);
  }

  public AnswerForm withMessage(String text) {
    return new AnswerForm(values, errors, text);
  }

  public String value(String name) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  /** Whether {@code option} was chosen in field {@code name} (radio buttons and check boxes). */
  public boolean chose(String name, String option) {
    return values.getOrDefault(name, List.of()).contains(option);
  }

  /** The message for question {@code id} (or its Kano side), or null. */
  public String error(long id) {
    String prefix = "answers." + id;
    return errors.stream()
        .filter(e -> e.field().equals(prefix) || e.field().startsWith(prefix + "."))
        .map(
            e ->
                e.field().endsWith(".functional")
                    ? "The first answer (if it were available) " + e.reason()
                    : e.field().endsWith(".dysfunctional")
                        ? "The second answer (if it were not available) " + e.reason()
                        : reason(e.reason()))
        .findFirst()
        .orElse(null);
  }

  private static String reason(String r) {
    return r.equals("is required") ? "Please answer this question." : "This answer " + r + ".";
  }

  /** The message for a field that is not a question ({@code name}, {@code email}), or null. */
  public String fieldError(String name) {
    return errors.stream()
        .filter(e -> e.field().equals(name))
        .map(FieldError::reason)
        .findFirst()
        .orElse(null);
  }

  /** How many questions the respondent must look at again. */
  public int problems() {
    return errors.size();
  }
}
