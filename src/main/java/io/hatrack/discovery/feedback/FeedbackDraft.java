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
}
