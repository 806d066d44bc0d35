package io.hatrack.definition;

import io.hatrack.definition.query.SavedViewService;
import io.hatrack.definition.query.ShownView;
import io.hatrack.definition.query.ViewChoices;
import io.hatrack.definition.query.ViewLayout;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.List;

/**
 * The board in the browser: cards in columns by status or by a single-select field, from a saved
 * view or the query box, and the moves that dragging a card sends (saved at once, or answered with
 * the reason the card goes back).
 */
public final class BoardRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/definition";

  /** The most cards a board shows; a query narrows a bigger product. */
  static final int LIMIT = 2000;

  private final WorkItemBoard board;
  private final WorkItemService items;
  private final SavedViewService views;
  private final ProductService products;
  private final Html html;

  public BoardRoutes(
      WorkItemBoard board,
      WorkItemService items,
      SavedViewService views,
      ProductService products,
      Html html) {
    this.board = board;
    this.items = items;
    this.views = views;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE + "/board", this::board);
    r.postPage(BASE + "/items/{item}/move", this::move);
  }

  /** The product of the URL, which must belong to the workspace of the URL. */
  private ProductAccess product(Context ctx) {
    ProductAccess product = products.access(Requests.user(ctx), ctx.pathParam("product"));
    if (!product.workspace().workspace().slug().equals(ctx.pathParam("ws"))) {
      throw new NotFound("product");
    }
    return product;
  }

  /**
   * The board: {@code view} picks a saved board view, {@code q} replaces its query and {@code
   * group} its grouping ({@code status} or a single-select field's key).
   */
  private void board(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    ViewChoices choices =
        views.choices(user, Long.toString(product.id()), ViewLayout.BOARD, ctx.queryParam("view"));
    ShownView shown = choices.shown(ctx.queryParam("q"), ctx.queryParam("group"));
    String group = shown.grouping().key();
    WorkItemBoard.Board cards;
    String queryError = null;
    try {
      cards = board.board(user, product, shown.query(), group, LIMIT);
    } catch (Invalid e) {
      ctx.status(422);
      queryError = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).reason();
      cards = board.empty(user, product, group);
    }
    String base = WorkItemRoutes.base(product);
    html.page(
        ctx,
        "definition/board.jte",
        html.shells()
            .product(
                ctx,
                product,
                "definition",
                "Board",
                List.of(
                    new Shell.Crumb("Definition", base + "/items"),
                    new Shell.Crumb("Board", null))),
        "product",
        product,
        "base",
        base,
        "board",
        cards,
        "choices",
        choices,
        "shown",
        shown,
        "queryError",
        queryError,
        "limit",
        LIMIT);
  }

  /**
   * A card dropped on the board: its new column ({@code status}, or {@code field} and {@code
   * value}) and its rank between the cards above and below it ({@code before}, {@code after}).
   * Answers 204 with the item's new version, or 422/409 with the reason as plain text, which the
   * board shows as it puts the card back.
   */
  private void move(Context ctx) {
    ProductAccess product = product(ctx);
    WorkItemService.View view = item(ctx, product);
    String field = blankToNull(Requests.form(ctx, "field"));
    String value = field == null ? Requests.form(ctx, "status") : Requests.form(ctx, "value");
    try {
      long version = version(ctx);
      double rank =
          WorkItemService.between(rankOf(ctx, product, "before"), rankOf(ctx, product, "after"));
      WorkItem moved =
          board.move(
              Requests.user(ctx),
              product,
              view.item(),
              version,
              field == null ? WorkItemBoard.STATUS : field,
              value,
              rank);
      ctx.header("X-Item-Version", Long.toString(moved.version()));
      ctx.status(204);
    } catch (Invalid e) {
      refuse(ctx, 422, describe(e));
    } catch (Conflict e) {
      refuse(ctx, 409, e.getMessage());
    }
  }

  private static void refuse(Context ctx, int status, String message) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
  }

  private WorkItemService.View item(Context ctx, ProductAccess product) {
    WorkItemService.View view = items.get(Requests.user(ctx), ctx.pathParam("item"));
    Long productId = view.item().item().productId();
    if (productId == null || productId != product.id()) {
      throw new NotFound("work item");
    }
    return view;
  }

  /** The rank of the neighbour card named by a form field, or null at the end of a column. */
  private Double rankOf(Context ctx, ProductAccess product, String field) {
    String ref = blankToNull(Requests.form(ctx, field));
    if (ref == null) {
      return null;
    }
    WorkItemService.View neighbour = items.get(Requests.user(ctx), ref);
    Long productId = neighbour.item().item().productId();
    if (productId == null || productId != product.id()) {
      throw Invalid.field(field, "is not an item of this product");
    }
    return neighbour.item().position();
  }

  private static long version(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
  }

  /** The reasons of a refusal in one line; a custom field is named by its key. */
  private static String describe(Invalid e) {
    if (e.errors().isEmpty()) {
      return e.getMessage();
    }
    StringBuilder text = new StringBuilder();
    e.errors()
        .forEach(
            err -> {
              if (text.length() > 0) {
                text.append("; ");
              }
              text.append(err.field().replaceFirst("^fields\\.", ""))
                  .append(' ')
                  .append(err.reason());
            });
    return text.toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
