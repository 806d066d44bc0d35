package io.hatrack.discovery.surveys;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sharing a survey: its public address, and personal links that each answer once, made in bulk from
 * a list of recipients (or just counted, on an anonymous survey), shown once, and revoked.
 */
public final class SurveySharePages implements Routes {
  private static final String ONE = SurveyRoutes.BASE + "/{id}";
  private static final Pattern NAMED = Pattern.compile("^(.*?)\\s*<([^<>\\s]+@[^<>\\s]+)>$");

  private final SurveyService surveys;
  private final ProductService products;
  private final Html html;

  public SurveySharePages(SurveyService surveys, ProductService products, Html html) {
    this.surveys = surveys;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(ONE + "/share", this::share);
    r.postPage(ONE + "/links", this::createLinks);
    r.postPage(ONE + "/links/{link}/revoke", this::revoke);
  }

  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products).require(Role.EDITOR, "share surveys");
  }

  private void share(Context ctx) {
    ProductAccess product = product(ctx);
    render(ctx, product, SurveyRoutes.survey(ctx, surveys, product).survey(), null, Form.EMPTY);
  }

  /** Reads the recipients box: one per line, {@code Name <address>}, an address, or a label. */
  static List<SurveyService.Recipient> recipients(String text) {
    List<SurveyService.Recipient> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String line : text.split("\\R")) {
      String clean = line.strip();
      if (clean.isEmpty()) {
        continue;
      }
      Matcher m = NAMED.matcher(clean);
      if (m.matches()) {
        out.add(new SurveyService.Recipient(m.group(1), m.group(2)));
      } else if (clean.contains("@") && !clean.contains(" ")) {
        out.add(new SurveyService.Recipient("", clean));
      } else {
        out.add(new SurveyService.Recipient(clean, null));
      }
    }
    return out;
  }

  private void createLinks(Context ctx) {
    ProductAccess product = product(ctx);
    Survey survey = SurveyRoutes.survey(ctx, surveys, product).survey();
    List<SurveyService.Recipient> recipients = recipients(ctx.formParam("recipients"));
    String count = Requests.form(ctx, "count");
    try {
      if (count != null && !count.isBlank()) {
        int n;
        try {
          n = Integer.parseInt(count);
        } catch (NumberFormatException e) {
          throw Invalid.field("count", "must be a whole number");
        }
        if (n < 1 || n > SurveyService.MAX_LINKS_AT_ONCE) {
          throw Invalid.field("count", "must be from 1 to " + SurveyService.MAX_LINKS_AT_ONCE);
        }
        for (int i = 0; i < n; i++) {
          recipients.add(new SurveyService.Recipient("", null));
        }
      }
      SurveyService.NewLinks made =
          surveys.createLinks(Requests.user(ctx), Long.toString(survey.id()), recipients);
      render(ctx, product, survey, made, Form.EMPTY);
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, product, survey, null, Form.refused(ctx, e));
    }
  }

  private void revoke(Context ctx) {
    ProductAccess product = product(ctx);
    Survey survey = SurveyRoutes.survey(ctx, surveys, product).survey();
    surveys.revokeLink(
        Requests.user(ctx), Long.toString(survey.id()), Requests.idParam(ctx, "link"));
    Flashes.success(ctx, "Revoked the link: it no longer opens the survey.");
    ctx.redirect(SurveyRoutes.base(product) + "/" + survey.id() + "/share");
  }

  private void render(
      Context ctx, ProductAccess product, Survey survey, SurveyService.NewLinks made, Form form) {
    String base = SurveyRoutes.base(product);
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                "Share " + survey.title(),
                SurveyRoutes.crumbs(
                    product,
                    new Shell.Crumb(survey.key(), base + "/" + survey.id()),
                    new Shell.Crumb("Share", null)));
    html.page(
        ctx,
        "discovery/surveys/share.jte",
        shell,
        "survey",
        survey,
        "links",
        surveys.links(Requests.user(ctx), Long.toString(survey.id())),
        "made",
        made,
        "form",
        form,
        "origin",
        ctx.scheme() + "://" + ctx.host(),
        "base",
        base);
  }
}
