package io.hatrack.escalations;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SLA policies in the browser: the workspace's policies with their targets, business hours and
 * holidays, creating and changing them, and which policy each product uses.
 */
public final class SlaPolicyRoutes implements Routes {
  private final SlaPolicyService policies;
  private final ProductService products;
  private final Html html;

  public SlaPolicyRoutes(SlaPolicyService policies, ProductService products, Html html) {
    this.policies = policies;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage("/w/{ws}/sla-policies", ctx -> list(ctx, null, Form.EMPTY));
    r.postPage("/w/{ws}/sla-policies", this::create);
    r.postPage("/w/{ws}/sla-policies/pick", this::pick);
    r.postPage("/w/{ws}/sla-policies/{id}", this::update);
    r.postPage("/w/{ws}/sla-policies/{id}/delete", this::delete);
  }

  private static String base(Context ctx) {
    return "/w/" + ctx.pathParam("ws") + "/sla-policies";
  }

  private void list(Context ctx, Long which, Form form) {
    SlaPolicyService.Listing l = policies.page(Requests.user(ctx), ctx.pathParam("ws"));
    String slug = l.ws().workspace().slug();
    Shell shell =
        html.shells()
            .workspace(
                ctx,
                l.ws(),
                "sla-policies",
                "SLA policies",
                List.of(
                    new Shell.Crumb(l.ws().workspace().name(), "/w/" + slug),
                    new Shell.Crumb("SLA policies", null)));
    html.page(
        ctx,
        "escalations/policies.jte",
        shell,
        "listing",
        l,
        "which",
        which,
        "form",
        form,
        "base",
        "/w/" + slug + "/sla-policies");
  }

  /** The policy form as a draft; blank targets keep their value. */
  static SlaPolicyDraft draft(Context ctx) {
    Map<String, SlaPolicyDraft.Target> targets = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      Long first = minutes(ctx, "targets." + s.id() + ".first_response_minutes");
      Long resolution = minutes(ctx, "targets." + s.id() + ".resolution_minutes");
      if (first != null || resolution != null) {
        targets.put(s.id(), new SlaPolicyDraft.Target(first, resolution));
      }
    }
    String holidays = ctx.formParam("holidays");
    List<String> days = new ArrayList<>(ctx.formParams("work_days"));
    return new SlaPolicyDraft(
        ctx.formParam("name"),
        "on".equals(ctx.formParam("is_default")) ? Boolean.TRUE : null,
        "on".equals(ctx.formParam("business_hours")),
        ctx.formParam("time_zone"),
        days,
        ctx.formParam("start"),
        ctx.formParam("end"),
        holidays == null
            ? List.of()
            : Arrays.stream(holidays.split("[,\\s]+")).filter(x -> !x.isBlank()).toList(),
        targets);
  }

  private static Long minutes(Context ctx, String field) {
    String raw = ctx.formParam(field);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      throw Invalid.field(field, "must be a whole number of minutes");
    }
  }

  private void refused(Context ctx, Long which, RuntimeException e) {
    if (e instanceof Invalid invalid) {
      ctx.status(422);
      list(ctx, which, Form.refused(ctx, invalid));
    } else {
      ctx.status(409);
      list(ctx, which, Form.refused(ctx, e.getMessage()));
    }
  }

  private void create(Context ctx) {
    try {
      SlaPolicy p = policies.create(Requests.user(ctx), ctx.pathParam("ws"), draft(ctx));
      Flashes.success(ctx, "Created the SLA policy " + p.name() + ".");
      ctx.redirect(base(ctx));
    } catch (Invalid | Conflict e) {
      refused(ctx, 0L, e);
    }
  }

  private void update(Context ctx) {
    long id = Requests.idParam(ctx, "id");
    try {
      long version;
      try {
        version = Long.parseLong(String.valueOf(ctx.formParam("version")).strip());
      } catch (NumberFormatException e) {
        throw Invalid.field("version", "is missing; reload the page and try again");
      }
      SlaPolicy p =
          policies.update(Requests.user(ctx), ctx.pathParam("ws"), id, version, draft(ctx));
      Flashes.success(ctx, "Saved the SLA policy " + p.name() + ".");
      ctx.redirect(base(ctx));
    } catch (Invalid | Conflict e) {
      refused(ctx, id, e);
    }
  }

  private void delete(Context ctx) {
    User user = Requests.user(ctx);
    long id = Requests.idParam(ctx, "id");
    try {
      SlaPolicy p = policies.get(user, ctx.pathParam("ws"), id);
      policies.delete(user, ctx.pathParam("ws"), id, p.version());
      Flashes.success(ctx, "Deleted the SLA policy " + p.name() + ".");
    } catch (Conflict e) {
      Flashes.error(ctx, e.getMessage());
    }
    ctx.redirect(base(ctx));
  }

  private void pick(Context ctx) {
    String policy = ctx.formParam("policy");
    try {
      Long id;
      try {
        id = policy == null || policy.isBlank() ? null : Long.valueOf(policy.strip());
      } catch (NumberFormatException e) {
        throw Invalid.field("policy", "must be a policy of the workspace");
      }
      products.access(Requests.user(ctx), String.valueOf(ctx.formParam("product")));
      SlaPolicy p = policies.pick(Requests.user(ctx), String.valueOf(ctx.formParam("product")), id);
      Flashes.success(ctx, "New escalations of the product run on " + p.name() + ".");
      ctx.redirect(base(ctx));
    } catch (Invalid e) {
      refused(ctx, null, e);
    }
  }
}
