package io.hatrack.definition.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named way of looking at a product's work items, shared with everyone in the product.
 *
 * @param query a query in the work-item query language ({@link WorkItemQuery}); empty: all items
 * @param groupBy {@code status}, the key of a select custom field, or empty (boards then group by
 *     status)
 * @param columns the column ids a list shows, in order ({@link WorkItemQuery#COLUMNS} and custom
 *     field keys); empty: the page's default columns
 */
public record SavedView(
    long id,
    long productId,
    String name,
    ViewLayout layout,
    String query,
    String groupBy,
    List<String> columns,
    long createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public SavedView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(groupBy, "groupBy");
    columns = List.copyOf(columns);
  }
}
