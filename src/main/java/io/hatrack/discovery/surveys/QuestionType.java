package io.hatrack.discovery.surveys;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of survey question, with the scale each answers on and the question it asks when the
 * builder leaves the prompt blank (the wording of the published methods).
 */
public enum QuestionType {
  NPS(
      "nps",
      "Net Promoter Score (0–10)",
      "How likely is it that you would recommend %s to a friend or colleague?"),
  CSAT("csat", "Satisfaction, CSAT (1–5)", "How satisfied are you with %s?"),
  CES("ces", "Effort, CES 2.0 (1–7)", "%s made it easy for me to handle my issue."),
  RATING("rating", "Rating", ""),
  SINGLE("single", "Single choice", ""),
  MULTIPLE("multiple", "Multiple choice", ""),
  TEXT("text", "Free text", ""),
  KANO(
      "kano",
      "Kano pair (functional and dysfunctional)",
      "How would you feel if %s were available?");

  /** The dysfunctional question of a Kano pair when none is written. */
  public static final String KANO_DYSFUNCTIONAL = "How would you feel if %s were not available?";

  private final String id;
  private final String label;
  private final String defaultPrompt;

  QuestionType(String id, String label, String defaultPrompt) {
    this.id = id;
    this.label = label;
    this.defaultPrompt = defaultPrompt;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /**
   * The prompt used when none is written, about {@code subject} (the product's name, or a Kano
   * pair's feature); empty for types that have no standard wording.
   */
  public String defaultPrompt(String subject) {
    return defaultPrompt.isEmpty() ? "" : String.format(Locale.ROOT, defaultPrompt, subject);
  }

  /** True for the questions answered by one point of a numeric scale. */
  public boolean scaled() {
    return this == NPS || this == CSAT || this == CES || this == RATING;
  }

  /** True for single and multiple choice. */
  public boolean choice() {
    return this == SINGLE || this == MULTIPLE;
  }

  public static Optional<QuestionType> parse(String value) {
    String clean = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (QuestionType t : values()) {
      if (t.id.equals(clean)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
