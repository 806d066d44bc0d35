package io.hatrack.discovery.feedback.themes;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.web.Flashes;
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
 * The themes page of a product (run the grouping with progress, rename, merge, split) and the theme
 * control on a feedback page (an htmx fragment, so that the inbox's pages stay unaware of themes).
 */
public final class ThemeRoutes implements Routes {
  private static final String HAT = "/w/{ws}/{product}/discovery";
  private static final String BASE = HAT + "/themes";

  private final ThemeService themes;
  private final ProductService products;
  private final io.hatrack.kernel.jobs.Jobs jobs;
  private final Html html;

  public ThemeRoutes(
      ThemeService themes, ProductService products, io.hatrack.kernel.jobs.Jobs jobs, Html html) {
    this.themes = themes;
    this.products = products;
    this.jobs = jobs;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::page);
    r.postPage(BASE + "/runs", this::run);
    r.postPage(BASE + "/{theme}/rename", this::rename);
    r.postPage(BASE + "/{theme}/merge", this::merge);
    r.postPage(BASE + "/{theme}/split", this::split);
    r.getPage(HAT + "/feedback/{id}/theme", this::placement);
    r.postPage(HAT + "/feedback/{id}/theme", this::place);
  }

  private static String hat(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/discovery";
  }

  private static String base(ProductAccess product) {
    return hat(product) + "/themes";
  }

  private void page(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    render(ctx, product, null, null);
  }

  private void render(Context ctx, ProductAccess product, String problem, Long problemTheme) {
    User user = Requests.user(ctx);
    Job job = null;
    String jobId = ctx.queryParam("job");
    if (jobId != null && !jobId.isBlank()) {
      try {
        job = jobs.get(user, jobId.strip());
      } catch (NotFound e) {
        job = null;
      }
    }
    // Read after the job: a run that finishes in between then shows its themes with its report.
    ThemeService.Overview overview = themes.overview(user, Long.toString(product.id()));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                "Themes",
                List.of(
                    new Shell.Crumb("Discovery", hat(product)),
                    new Shell.Crumb("Feedback", hat(product) + "/feedback"),
                    new Shell.Crumb("Themes", null)));
    html.page(
        ctx,
        "discovery/themes/index.jte",
        shell,
        "o",
        overview,
        "job",
        job,
        "report",
        job != null && job.result() instanceof ThemeRunReport report ? report : null,
        "problem",
        problem,
        "problemTheme",
        problemTheme,
        "hat",
        hat(product),
        "base",
        base(product));
  }

  private void run(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Job job =
        themes.start(Requests.user(ctx), Long.toString(product.id()), base(product) + "?job={id}");
    ctx.redirect(base(product) + "?job=" + job.id());
  }

  /** A theme of the page's product, or 404. */
  private long theme(Context ctx, ProductAccess product) {
    long id = Requests.idParam(ctx, "theme");
    if (themes.get(Requests.user(ctx), id).productId() != product.id()) {
      throw new NotFound("theme");
    }
    return id;
  }

  private void rename(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    long id = theme(ctx, product);
    try {
      ThemeViews.ThemeView t =
          themes.rename(Requests.user(ctx), id, null, Requests.form(ctx, "name"));
      Flashes.success(ctx, "Renamed the theme to \u201c" + t.name() + "\u201d.");
      ctx.redirect(base(product) + "#theme-" + id);
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, product, "Not renamed: the name " + e.reasonFor("name") + ".", id);
    }
  }

  private void merge(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    long id = theme(ctx, product);
    String other = Requests.form(ctx, "other");
    Long otherId = null;
    try {
      otherId = other == null || other.isBlank() ? null : Long.valueOf(other);
    } catch (NumberFormatException e) {
      otherId = -1L;
    }
    try {
      ThemeViews.ThemeView t = themes.merge(Requests.user(ctx), id, otherId);
      Flashes.success(
          ctx, "Merged into \u201c" + t.name() + "\u201d: " + t.members() + " pieces of feedback.");
      ctx.redirect(base(product) + "#theme-" + id);
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, product, "Not merged: the other theme " + e.reasonFor("theme") + ".", id);
    }
  }

  private void split(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    long id = theme(ctx, product);
    try {
      List<ThemeViews.ThemeView> parts = themes.split(Requests.user(ctx), id);
      Flashes.success(
          ctx,
          "Split in two: \u201c"
              + parts.get(0).name()
              + "\u201d and \u201c"
              + parts.get(1).name()
              + "\u201d.");
      ctx.redirect(base(product) + "#theme-" + id);
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, product, "Not split: the theme " + e.reasonFor("theme") + ".", id);
    }
  }

  private void placement(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    ThemeService.Placement p = themes.placement(Requests.user(ctx), ctx.pathParam("id"));
    if (p.productId() != product.id()) {
      throw new NotFound("feedback");
    }
    ThemeService.Overview overview =
        themes.overview(Requests.user(ctx), Long.toString(product.id()));
    html.fragment(
        ctx,
        "discovery/themes/placement.jte",
        "shell",
        html.shells().fragment(ctx),
        "p",
        p,
        "o",
        overview,
        "action",
        hat(product) + "/feedback/" + p.feedbackId() + "/theme",
        "themesUrl",
        base(product));
  }

  private void place(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    String value = Requests.form(ctx, "theme");
    Long theme;
    try {
      theme = value == null || value.isBlank() ? null : Long.valueOf(value);
    } catch (NumberFormatException e) {
      theme = -1L;
    }
    String back = hat(product) + "/feedback/" + ctx.pathParam("id");
    try {
      ThemeService.Placement p = themes.tag(Requests.user(ctx), ctx.pathParam("id"), theme);
      Flashes.success(
          ctx,
          p.themeId() == null
              ? "Took " + p.key() + " out of its theme; the grouping leaves it out."
              : "Put " + p.key() + " in the theme \u201c" + p.themeName() + "\u201d.");
    } catch (Invalid e) {
      Flashes.error(ctx, "Not moved: the theme " + e.reasonFor("theme") + ".");
    }
    ctx.redirect(back);
  }
}
