package io.hatrack.discovery.feedback;

import io.hatrack.kernel.Invalid;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a piece of feedback came from. */
public enum FeedbackSource {
  SUPPORT_TICKET("support_ticket", "Support ticket"),
  SALES_CALL("sales_call", "Sales call"),
  INTERVIEW("interview", "Interview"),
  SURVEY("survey", "Survey"),
  PORTAL("portal", "Portal"),
  EMAIL("email", "E-mail"),
  API("api", "API"),
  SPRINT_REVIEW("sprint_review", "Sprint review"),
  OTHER("other", "Other");

  private final String id;
  private final String label;

  FeedbackSource(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** Every id, comma separated, for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(FeedbackSource::id).collect(Collectors.joining(", "));
  }

  /** The source named {@code value} (its id, or its label without case), if any. */
  public static Optional<FeedbackSource> find(String value) {
    String clean = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    return Arrays.stream(values())
        .filter(s -> s.id.equals(clean) || s.label.toLowerCase(Locale.ROOT).equals(clean))
        .findFirst();
  }

  /** The source named {@code value}; an {@link Invalid} on {@code field} for anything else. */
  public static FeedbackSource parse(String field, String value) {
    return find(value).orElseThrow(() -> Invalid.field(field, "must be one of " + ids()));
  }
}
