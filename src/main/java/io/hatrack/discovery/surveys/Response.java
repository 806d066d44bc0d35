package io.hatrack.discovery.surveys;

import java.time.Instant;
import java.util.List;

/**
 * A saved response and its answers.
 *
 * @param channel how it came: {@code link} (the open public address), {@code token} (a personal
 *     link) or {@code entered} (by a member through the API)
 * @param name who answered, when known; always null on an anonymous survey
 * @param email their address, when known; always null on an anonymous survey
 * @param submittedAt when it was given (to the day on an anonymous survey)
 */
public record Response(
    long id,
    long surveyId,
    String channel,
    String name,
    String email,
    Instant submittedAt,
    List<Answer> answers) {
  public Response {
    answers = List.copyOf(answers);
  }

  /**
   * One saved answer.
   *
   * @param number the point of a scale, or a Kano functional answer (1..5)
   * @param dysfunctional a Kano dysfunctional answer (1..5), or null
   * @param choices option numbers (from 0) of a choice question
   * @param text a free-text answer, or null
   */
  public record Answer(
      long questionId, Integer number, Integer dysfunctional, List<Integer> choices, String text) {
    public Answer {
      choices = choices == null ? List.of() : List.copyOf(choices);
    }
  }

  /** Who gave the response, as the results show it. */
  public String respondent() {
    if (name != null && !name.isBlank()) {
      return email == null || email.isBlank() ? name : name + " <" + email + ">";
    }
    return email == null || email.isBlank() ? "" : email;
  }
}
