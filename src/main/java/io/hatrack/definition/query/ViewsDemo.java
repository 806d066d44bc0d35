package io.hatrack.definition.query;

import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.util.List;

/**
 * Checkout's saved views in the demo: Ana's open items, a board of the saved-cards work (everything
 * under the epic "Saved payment methods", or titles about saved cards when the epic is missing),
 * the bugs, and the open work on a board by risk (when the custom fields' demo gave Checkout its
 * "Risk" field).
 */
public final class ViewsDemo implements DemoSeed {
  /** The epic the board shows, as the work-items seed names it. */
  static final String EPIC = "Saved payment methods";

  /** The key of the custom fields' demo's select field "Risk". */
  static final String RISK = "risk";

  private final Database db;
  private final SavedViewService views;
  private final ProductService products;
  private final QueryStore store;

  public ViewsDemo(Database db, SavedViewService views, ProductService products, QueryStore store) {
    this.db = db;
    this.views = views;
    this.products = products;
    this.store = store;
  }

  @Override
  public void seed(DemoStory story) {
    story.at(12, 1);
    db.txVoid(
        h -> {
          ProductAccess checkout =
              products.access(h, story.ana(), Long.toString(story.checkout().id()));
          String board =
              store
                  .workItemNumberByTitle(h, checkout.id(), EPIC)
                  .map(n -> "under:" + checkout.product().key() + "-" + n)
                  .orElse("\"saved card\"");
          views.create(
              h,
              story.ana(),
              checkout,
              new SavedViewService.ViewInput(
                  "My open items",
                  "list",
                  "owner:me -category:done sort:status",
                  "",
                  List.of("key", "title", "type", "status", "estimate", "updated")));
          views.create(
              h,
              story.ana(),
              checkout,
              new SavedViewService.ViewInput(
                  "Saved cards board", "board", board, "status", List.of()));
          if (views.groupings(h, checkout).stream().anyMatch(g -> g.key().equals(RISK))) {
            views.create(
                h,
                story.ana(),
                checkout,
                new SavedViewService.ViewInput(
                    "Risk board",
                    "board",
                    "type:epic,feature,story,bug -category:done",
                    RISK,
                    List.of()));
          }
          views.create(
              h,
              story.ana(),
              checkout,
              new SavedViewService.ViewInput(
                  "Bugs",
                  "list",
                  "type:bug",
                  "",
                  List.of("key", "title", "status", "owner", "tags", "updated")));
        });
  }
}
