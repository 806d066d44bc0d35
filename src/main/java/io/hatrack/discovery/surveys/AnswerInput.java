package io.hatrack.discovery.surveys;

import java.util.List;

/**
 * One answer as a respondent or an API client gave it, before it is checked.
 *
 * @param question the id of the question answered
 * @param value the point of the scale of an NPS, CSAT, CES or rating question
 * @param choices the options chosen (by their text): one for single choice, any for multiple
 * @param text a free-text answer
 * @param functional a Kano pair's functional answer ({@code like, expect, neutral, live_with,
 *     dislike})
 * @param dysfunctional a Kano pair's dysfunctional answer, from the same five
 */
public record AnswerInput(
    long question,
    Integer value,
    List<String> choices,
    String text,
    String functional,
    String dysfunctional) {
  public AnswerInput {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public static AnswerInput value(long question, int value) {
    return new AnswerInput(question, value, List.of(), null, null, null);
  }

  public static AnswerInput choices(long question, String... choices) {
    return new AnswerInput(question, null, List.of(choices), null, null, null);
  }

  public static AnswerInput text(long question, String text) {
    return new AnswerInput(question, null, List.of(), text, null, null);
  }

  public static AnswerInput kano(long question, String functional, String dysfunctional) {
    return new AnswerInput(question, null, List.of(), null, functional, dysfunctional);
  }

  /** True when nothing was given (a question left unanswered). */
  public boolean blank() {
    return value == null
        && choices.isEmpty()
        && (text == null || text.isBlank())
        && (functional == null || functional.isBlank())
        && (dysfunctional == null || dysfunctional.isBlank());
  }
}
