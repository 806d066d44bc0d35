package io.hatrack.kernel.search;

import java.time.Instant;
import java.util.Objects;

/**
 * What the search index holds for one item: its text and the facets a search filters by. A hat's
 * service puts one for each item it wants found, in the transaction that changes the item.
 *
 * @param id the item's entity id
 * @param productId the product the item belongs to
 * @param kind the item's kind ({@code entity.kind}), e.g. {@code work_item} or {@code feedback}
 * @param title the item's title, weighed more than the body when ranking
 * @param body the rest of its text, plain or Markdown
 * @param source where it came from (feedback: {@code support}, {@code sales_call}, ...), or null
 * @param customerId the customer it concerns, or null
 * @param status its status (workflow state name, feedback status), or null
 * @param sentiment from -1 (negative) to 1 (positive), or null when not scored
 * @param happenedAt when it happened: feedback received, item created
 */
public record SearchDoc(
    long id,
    long productId,
    String kind,
    String title,
    String body,
    String source,
    Long customerId,
    String status,
    Double sentiment,
    Instant happenedAt) {

  public SearchDoc {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(happenedAt, "happenedAt");
    title = Highlights.clean(title == null ? "" : title);
    body = Highlights.clean(body == null ? "" : body);
    if (sentiment != null && (sentiment.isNaN() || sentiment < -1 || sentiment > 1)) {
      throw new IllegalArgumentException("sentiment must be from -1 to 1, not " + sentiment);
    }
  }

  /** A document with only text, for items without source, customer or sentiment. */
  public static SearchDoc of(
      long id, long productId, String kind, String title, String body, Instant happenedAt) {
    return new SearchDoc(id, productId, kind, title, body, null, null, null, null, happenedAt);
  }

  /** The same document with a status. */
  public SearchDoc withStatus(String newStatus) {
    return new SearchDoc(
        id, productId, kind, title, body, source, customerId, newStatus, sentiment, happenedAt);
  }
}
