package io.hatrack.discovery.surveys;

import java.util.List;

/**
 * A question as the builder or an API client wrote it, before it is checked.
 *
 * @param type one of {@code nps, csat, ces, rating, single, multiple, text, kano}
 * @param prompt the question; blank takes the standard wording of NPS, CSAT, CES and Kano
 * @param options choices of single and multiple choice questions
 * @param scale the highest point of a rating (3 to 10; 5 when absent)
 * @param feature the feature of a Kano pair
 * @param dysfunctionalPrompt a Kano pair's dysfunctional question; blank takes the standard wording
 */
public record QuestionDraft(
    String type,
    String prompt,
    boolean required,
    List<String> options,
    Integer scale,
    String feature,
    String dysfunctionalPrompt) {
  public QuestionDraft {
    prompt = prompt == null ? "" : prompt;
    options = options == null ? List.of() : List.copyOf(options);
    feature = feature == null ? "" : feature;
    dysfunctionalPrompt = dysfunctionalPrompt == null ? "" : dysfunctionalPrompt;
  }

  /** A required question of {@code type} with {@code prompt}. */
  public static QuestionDraft of(String type, String prompt) {
    return new QuestionDraft(type, prompt, true, List.of(), null, "", "");
  }

  /** A required choice question. */
  public static QuestionDraft choice(String type, String prompt, String... options) {
    return new QuestionDraft(type, prompt, true, List.of(options), null, "", "");
  }

  /** A required rating from 1 to {@code scale}. */
  public static QuestionDraft rating(String prompt, int scale) {
    return new QuestionDraft("rating", prompt, true, List.of(), scale, "", "");
  }

  /** A required Kano pair about {@code feature} with the standard wording. */
  public static QuestionDraft kano(String feature) {
    return new QuestionDraft("kano", "", true, List.of(), null, feature, "");
  }

  public QuestionDraft optional() {
    return new QuestionDraft(type, prompt, false, options, scale, feature, dysfunctionalPrompt);
  }
}
