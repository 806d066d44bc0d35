package io.hatrack.discovery.surveys;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Who hears of the free-text answers of a survey response as it is saved, inside the transaction
 * that saves it (the feedback inbox turns them into feedback), so that surveys need not know who
 * listens. Throwing refuses the whole response.
 */
@FunctionalInterface
public interface FreeTextAnswers {
  /** Nobody listens. */
  FreeTextAnswers NONE = (h, answer) -> {};

  void received(Handle h, Answer answer);

  /**
   * A free-text answer just saved.
   *
   * @param respondent the name and e-mail address of who answered, blank on an anonymous survey
   * @param enteredBy the member who entered the response, or null when it came through a link
   * @param at when it was given (to the day on an anonymous survey)
   */
  record Answer(
      Survey survey,
      Question question,
      long responseId,
      String text,
      String respondent,
      Long enteredBy,
      Instant at) {}
}
