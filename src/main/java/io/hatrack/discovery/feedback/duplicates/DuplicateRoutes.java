package io.hatrack.discovery.feedback.duplicates;

import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.web.Shells;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.List;

/**
 * Possible duplicates in the browser: a page of groups of near-duplicate feedback with their texts
 * side by side, each pair merged on confirmation or dismissed as "not a duplicate", and a scan of
 * all feedback with its progress; a banner on the inbox; a section on each feedback page's side
 * panel.
 */
public final class DuplicateRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/discovery/feedback/duplicates";

  /** The most pairs the page groups. */
  static final int PAGE_PAIRS = 300;

  private final DuplicateService duplicates;
  private final ProductService products;
  private final Html html;

  public DuplicateRoutes(DuplicateService duplicates, ProductService products, ItemPanels panels) {
    this.duplicates = duplicates;
    this.products = products;
    this.html = panels.html();
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::page);
    r.getPage(BASE + "/banner", this::banner);
    r.postPage(BASE + "/scan", this::scan);
    r.postPage(BASE + "/merge", this::merge);
    r.postPage(BASE + "/dismiss", this::dismiss);
    r.getPage("/items/{item}/duplicates", this::section);
  }

  private static String feedbackBase(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/discovery/feedback";
  }

  private void page(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    User user = Requests.user(ctx);
    String ref = Long.toString(product.id());
    List<DuplicateGroup> groups = duplicates.groups(user, ref, PAGE_PAIRS);
    long total = duplicates.count(user, ref);
    String jobId = ctx.queryParam("job");
    Job job = jobId == null || jobId.isBlank() ? null : duplicates.job(user, jobId);
    String base = feedbackBase(product);
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                "Possible duplicates",
                List.of(
                    new Shell.Crumb("Discovery", base.substring(0, base.lastIndexOf('/'))),
                    new Shell.Crumb("Feedback", base),
                    new Shell.Crumb("Possible duplicates", null)));
    html.page(
        ctx,
        "discovery/feedback/duplicates.jte",
        shell,
        "product",
        product,
        "groups",
        groups,
        "total",
        total,
        "job",
        job,
        "base",
        base,
        "editor",
        product.role().atLeast(Role.EDITOR));
  }

  private void banner(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    long total = duplicates.count(Requests.user(ctx), Long.toString(product.id()));
    html.fragment(
        ctx,
        "discovery/feedback/duplicates-banner.jte",
        "total",
        total,
        "base",
        feedbackBase(product));
  }

  private void scan(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    String page = feedbackBase(product) + "/duplicates";
    Job job = duplicates.scan(Requests.user(ctx), Long.toString(product.id()), page);
    ctx.redirect(page + "?job=" + job.id());
  }

  private void merge(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    String back = back(ctx, product);
    try {
      Feedback kept =
          duplicates.merge(
              Requests.user(ctx), Requests.form(ctx, "keep"), Requests.form(ctx, "other"));
      Flashes.success(
          ctx,
          "Merged "
              + Requests.form(ctx, "other_key")
              + " into "
              + kept.key()
              + ". Its source, customer and votes now count there.");
    } catch (Invalid | Conflict e) {
      Flashes.error(ctx, "Could not merge: " + e.getMessage());
    }
    ctx.redirect(back);
  }

  private void dismiss(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    String back = back(ctx, product);
    try {
      duplicates.dismiss(
          Requests.user(ctx), Requests.form(ctx, "keep"), Requests.form(ctx, "other"));
      Flashes.success(ctx, "Noted: not a duplicate. This pair will not be suggested again.");
    } catch (Invalid e) {
      Flashes.error(ctx, "Could not dismiss: " + e.getMessage());
    }
    ctx.redirect(back);
  }

  /** Where to go after a decision: a page of this product's feedback, else the duplicates page. */
  private static String back(Context ctx, ProductAccess product) {
    String base = feedbackBase(product);
    String back = ctx.formParam("back");
    if (back != null && back.startsWith(base) && !back.contains("//") && !back.contains("\\")) {
      return back;
    }
    return base + "/duplicates";
  }

  private void section(Context ctx) {
    DuplicateService.ForFeedback f =
        duplicates.forFeedback(Requests.user(ctx), ctx.pathParam("item"));
    html.fragment(
        ctx,
        "discovery/feedback/duplicates-section.jte",
        "f",
        f,
        "base",
        feedbackBase(f.product()),
        "csrf",
        (String) ctx.attribute(Shells.CSRF));
  }
}
