package io.hatrack.discovery.research;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanel;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Insights in the browser: the board (a column per tag and one for untagged insights, filtered by
 * study), an insight's page with its source and the item side panel (tags, links), editing the
 * quote and the note, deleting with Undo.
 */
public final class InsightRoutes implements Routes {
  private static final String BASE = StudyRoutes.HAT + "/insights";

  private final InsightService insights;
  private final StudyService studies;
  private final ProductService products;
  private final ItemPanels panels;
  private final Html html;

  public InsightRoutes(
      InsightService insights, StudyService studies, ProductService products, ItemPanels panels) {
    this.insights = insights;
    this.studies = studies;
    this.products = products;
    this.panels = panels;
    this.html = panels.html();
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::board);
    r.getPage(BASE + "/{id}", this::show);
    r.getPage(BASE + "/{id}/edit", this::editForm);
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/delete", this::delete);
    r.postPage(BASE + "/{id}/restore", this::restore);
  }

  private static String base(ProductAccess product) {
    return StudyRoutes.hat(product) + "/insights";
  }

  private static List<Shell.Crumb> crumbs(ProductAccess product, Shell.Crumb... more) {
    List<Shell.Crumb> all = new ArrayList<>();
    all.add(new Shell.Crumb("Discovery", StudyRoutes.hat(product)));
    all.add(new Shell.Crumb("Insights", more.length == 0 ? null : base(product)));
    all.addAll(List.of(more));
    return all;
  }

  private void board(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    String study = ctx.queryParam("study");
    InsightService.Board board;
    try {
      board = insights.board(Requests.user(ctx), Long.toString(product.id()), study);
    } catch (Invalid e) {
      throw new NotFound("study");
    }
    Shell shell = html.shells().product(ctx, product, "discovery", "Insights", crumbs(product));
    html.page(
        ctx,
        "discovery/research/insights.jte",
        shell,
        "product",
        product,
        "board",
        board,
        "studies",
        studies.list(Requests.user(ctx), Long.toString(product.id()), null, 200).slice().items(),
        "hat",
        StudyRoutes.hat(product),
        "base",
        base(product),
        "research",
        StudyRoutes.base(product));
  }

  private InsightView insight(Context ctx, ProductAccess product) {
    InsightView v = insights.get(Requests.user(ctx), ctx.pathParam("id")).insight();
    if (!Objects.equals(v.insight().item().productId(), product.id())) {
      throw new NotFound("insight");
    }
    return v;
  }

  private void show(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    InsightView v = insight(ctx, product);
    Insight i = v.insight();
    ItemPanel panel = panels.build(Requests.user(ctx), Long.toString(i.id()));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                i.item().title(),
                crumbs(product, new Shell.Crumb(i.key(), null)));
    html.page(
        ctx,
        "discovery/research/insight.jte",
        shell,
        "view",
        v,
        "note",
        html.markdown(i.note(), html.markdownContext(product.workspace())),
        "panel",
        panel,
        "hat",
        StudyRoutes.hat(product),
        "base",
        base(product),
        "research",
        StudyRoutes.base(product));
  }

  private void editForm(Context ctx) {
    ProductAccess product = Requests.product(ctx, products).require(Role.EDITOR, "change insights");
    Insight i = insight(ctx, product).insight();
    renderEditor(
        ctx,
        product,
        i,
        Form.of("quote", i.quote(), "note", i.note(), "version", Long.toString(i.version())),
        null);
  }

  private void update(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Insight i = insight(ctx, product).insight();
    long version = StudyRoutes.version(ctx);
    try {
      insights.update(
          Requests.user(ctx),
          Long.toString(i.id()),
          version,
          ctx.formParam("quote"),
          ctx.formParam("note"),
          null);
      Flashes.success(ctx, "Saved.");
      ctx.redirect(base(product) + "/" + i.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, i, Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(409);
      renderEditor(ctx, product, i, Form.refused(ctx, e.getMessage()), i);
    }
  }

  private void renderEditor(
      Context ctx, ProductAccess product, Insight insight, Form form, Insight theirs) {
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                "Edit " + insight.key(),
                crumbs(
                    product,
                    new Shell.Crumb(insight.key(), base(product) + "/" + insight.id()),
                    new Shell.Crumb("Edit", null)));
    html.page(
        ctx,
        "discovery/research/insight-edit.jte",
        shell,
        "insight",
        insight,
        "form",
        form,
        "theirs",
        theirs,
        "hat",
        StudyRoutes.hat(product),
        "base",
        base(product),
        "workspace",
        product.workspace().workspace().slug());
  }

  private void delete(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Insight i = insight(ctx, product).insight();
    long version;
    try {
      version = StudyRoutes.version(ctx);
    } catch (Invalid e) {
      version = i.version();
    }
    insights.delete(Requests.user(ctx), Long.toString(i.id()), version);
    Flashes.withAction(
        ctx,
        "Deleted the insight " + i.key() + ".",
        "Undo",
        base(product) + "/" + i.id() + "/restore");
    ctx.redirect(base(product));
  }

  private void restore(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    insights.idIn(Requests.user(ctx), Long.toString(product.id()), ctx.pathParam("id"), true);
    Insight i = insights.restore(Requests.user(ctx), ctx.pathParam("id"));
    Flashes.success(ctx, "Restored the insight " + i.key() + ".");
    ctx.redirect(base(product) + "/" + i.id());
  }
}
