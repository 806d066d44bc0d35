package io.hatrack.kernel.search;

import java.time.Instant;

/**
 * One item a search found, with its matches highlighted.
 *
 * @param key the item's key such as {@code CHK-42}, or null for an item without one
 * @param titleHtml the title as HTML, matches in {@code <mark>}, the rest escaped
 * @param snippetHtml the best passage of the body as HTML, likewise
 * @param score relevance: higher is better; comparable only within one search
 */
public record SearchHit(
    long id,
    String kind,
    String key,
    String title,
    String titleHtml,
    String snippetHtml,
    double score,
    String workspaceSlug,
    String productSlug,
    String source,
    String status,
    Double sentiment,
    Instant happenedAt) {

  /** The address of the item's page: {@code /i/KEY}, which opens it wherever its hat shows it. */
  public String url() {
    return "/i/" + (key != null ? key : Long.toString(id));
  }
}
