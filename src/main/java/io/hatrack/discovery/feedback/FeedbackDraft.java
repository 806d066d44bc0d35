package io.hatrack.discovery.feedback;

import java.time.Instant;
import java.util.List;

/**
 * A piece of feedback as given, before it is checked: the whole of it, as a form or the API sends
 * it. The service checks everything at once and names every field that is wrong.
 *
 * @param summary the short title; blank to take the first line of the text
 * @param source the source's id (e.g. {@code support_ticket}); blank for {@code other}
 * @param happenedAt when it was given; null for now
 * @param status the status's id; blank keeps (or, when creating, starts at {@code new})
 * @param tags the tags to set; null keeps them
 */
public record FeedbackDraft(
    String text,
    String summary,
    String source,
    Long customerId,
    Long contactId,
    Instant happenedAt,
    Integer importance,
    String externalId,
    String status,
    List<String> tags) {

  /** Just a text, from {@code source}. */
  public static FeedbackDraft of(String text, String source) {
    return new FeedbackDraft(text, null, source, null, null, null, null, null, null, null);
  }

  public FeedbackDraft withCustomer(Long customer, Long contact) {
    return new FeedbackDraft(
        text, summary, source, customer, contact, happenedAt, importance, externalId, status, tags);
  }

  public FeedbackDraft withHappenedAt(Instant at) {
    return new FeedbackDraft(
        text, summary, source, customerId, contactId, at, importance, externalId, status, tags);
  }

  public FeedbackDraft withImportance(Integer value) {
    return new FeedbackDraft(
        text, summary, source, customerId, contactId, happenedAt, value, externalId, status, tags);
  }

  public FeedbackDraft withStatus(String value) {
    return new FeedbackDraft(
        text,
        summary,
        source,
        customerId,
        contactId,
        happenedAt,
        importance,
        externalId,
        value,
        tags);
  }

  public FeedbackDraft withTags(List<String> value) {
    return new FeedbackDraft(
        text,
        summary,
        source,
        customerId,
        contactId,
        happenedAt,
        importance,
        externalId,
        status,
        value);
  }

  public FeedbackDraft withExternalId(String value) {
    return new FeedbackDraft(
        text, summary, source, customerId, contactId, happenedAt, importance, value, status, tags);
  }

  /**
   * The summary of a text: its first non-blank line with runs of spaces made one, cut at a word
   * boundary to at most {@link FeedbackService#SUMMARY_LENGTH} characters with an ellipsis.
   */
  public static String summaryOf(String text) {
    String first = "";
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        first = line.strip().replaceAll("\\s+", " ");
        break;
      }
    }
    if (first.length() <= FeedbackService.SUMMARY_LENGTH) {
      return first;
    }
    String cut = first.substring(0, FeedbackService.SUMMARY_LENGTH - 1);
    int space = cut.lastIndexOf(' ');
    if (space > FeedbackService.SUMMARY_LENGTH / 2) {
      cut = cut.substring(0, space);
    }
    return cut.stripTrailing().replaceAll("[,;:.\\-]+$", "") + "\u2026";
  }
}
