package io.hatrack.kernel.search;

import java.time.Instant;
import java.util.List;

/**
 * Which documents a search looks at, besides the words: the products (always given: the ones the
 * reader may see) and optional facets. A null facet does not filter.
 *
 * @param productIds the products to search in; none finds nothing
 * @param kind only items of this kind
 * @param source only documents from this source
 * @param customerId only documents about this customer
 * @param segment only documents about customers of this segment (case-blind)
 * @param from only documents that happened at or after this instant
 * @param to only documents that happened before this instant
 * @param tag only items with this tag (a normalised tag name)
 * @param status only documents in this status (case-blind)
 * @param sentiment only documents whose sentiment falls in this band
 */
public record SearchFilter(
    List<Long> productIds,
    String kind,
    String source,
    Long customerId,
    String segment,
    Instant from,
    Instant to,
    String tag,
    String status,
    Sentiment sentiment) {

  public SearchFilter {
    productIds = List.copyOf(productIds);
  }

  /** Only the products, no facets. */
  public static SearchFilter products(List<Long> productIds) {
    return new SearchFilter(productIds, null, null, null, null, null, null, null, null, null);
  }

  /** The same filter with only items of {@code newKind}. */
  public SearchFilter kind(String newKind) {
    return new SearchFilter(
        productIds, newKind, source, customerId, segment, from, to, tag, status, sentiment);
  }
}
