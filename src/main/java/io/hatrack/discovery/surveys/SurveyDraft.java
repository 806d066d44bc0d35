package io.hatrack.discovery.surveys;

import java.util.List;

/**
 * A whole survey as written, before it is checked: what creating takes, and what an edit becomes
 * once merged with the survey it changes.
 *
 * @param status {@code draft} (when blank), {@code open} or {@code closed}
 * @param openLink whether anyone holding the public address may answer
 * @param anonymous whether responses keep no name, e-mail address or personal link
 */
public record SurveyDraft(
    String title,
    String description,
    String status,
    boolean anonymous,
    boolean openLink,
    List<QuestionDraft> questions) {
  public SurveyDraft {
    description = description == null ? "" : description;
    questions = questions == null ? List.of() : List.copyOf(questions);
  }

  /** A draft survey with an open link, not anonymous, with these questions. */
  public static SurveyDraft of(String title, QuestionDraft... questions) {
    return new SurveyDraft(title, "", "draft", false, true, List.of(questions));
  }

  public SurveyDraft withStatus(String value) {
    return new SurveyDraft(title, description, value, anonymous, openLink, questions);
  }

  public SurveyDraft withDescription(String value) {
    return new SurveyDraft(title, value, status, anonymous, openLink, questions);
  }

  public SurveyDraft anonymously() {
    return new SurveyDraft(title, description, status, true, openLink, questions);
  }

  public SurveyDraft byInvitationOnly() {
    return new SurveyDraft(title, description, status, anonymous, false, questions);
  }

  public SurveyDraft withQuestions(List<QuestionDraft> value) {
    return new SurveyDraft(title, description, status, anonymous, openLink, value);
  }

  public SurveyDraft withTitle(String value) {
    return new SurveyDraft(value, description, status, anonymous, openLink, questions);
  }
}
