package io.hatrack.discovery.surveys;

import java.util.List;
import java.util.Objects;

/**
 * One question of a survey, as saved.
 *
 * @param options the choices of a single or multiple choice question, in order (else empty)
 * @param scale the highest point of a rating (1..scale), or of the fixed scale of NPS (10), CSAT
 *     (5) and CES (7); 0 for other types
 * @param feature the feature a Kano pair asks about (else empty)
 * @param prompt the question; for a Kano pair, its functional question
 * @param dysfunctionalPrompt a Kano pair's dysfunctional question (else empty)
 */
public record Question(
    long id,
    QuestionType type,
    String prompt,
    boolean required,
    List<String> options,
    int scale,
    String feature,
    String dysfunctionalPrompt) {
  public Question {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(prompt, "prompt");
    options = List.copyOf(options);
    feature = feature == null ? "" : feature;
    dysfunctionalPrompt = dysfunctionalPrompt == null ? "" : dysfunctionalPrompt;
  }

  /** The lowest point of the question's scale: 0 for NPS, 1 for the others. */
  public int low() {
    return type == QuestionType.NPS ? Nps.MIN : 1;
  }

  /** The highest point of the question's scale. */
  public int high() {
    return switch (type) {
      case NPS -> Nps.MAX;
      case CSAT -> Csat.MAX;
      case CES -> Ces.MAX;
      default -> scale;
    };
  }

  /** The same question as a draft, to compare with an edit. */
  public QuestionDraft draft() {
    return new QuestionDraft(
        type.id(),
        prompt,
        required,
        options,
        type == QuestionType.RATING ? Integer.valueOf(scale) : null,
        feature,
        dysfunctionalPrompt);
  }
}
