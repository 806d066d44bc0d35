package io.hatrack.discovery.portal;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import org.jdbi.v3.core.Handle;

/**
 * How a portal idea becomes an item of its product, so that the PM finds it among the product's
 * items, links it to features ("supports") and comments on it like any other item.
 */
final class IdeaInbox {
  /** The kind of a portal idea's item. */
  static final String KIND = "portal_idea";

  private final ProductService products;
  private final ItemService items;

  IdeaInbox(ProductService products, ItemService items) {
    this.products = products;
    this.items = items;
  }

  /** Creates the idea's item, acting as {@code actor}; returns its id. */
  long create(Handle h, User actor, long productId, String title, String text) {
    ProductAccess product = products.access(h, actor, Long.toString(productId));
    Item item = items.create(h, actor, product, KIND, title);
    return item.id();
  }
}
