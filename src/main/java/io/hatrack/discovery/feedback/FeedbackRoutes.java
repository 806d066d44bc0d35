package io.hatrack.discovery.feedback;

import io.hatrack.discovery.customers.Contact;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerFilter;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.auth.User;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The feedback inbox in the browser: the inbox with its status chips, filters and a form to add
 * feedback; a feedback page to edit it, move its status, link it to the work it supports, merge
 * duplicates into it and delete it (with undo); and a work item's demand as a side section.
 */
public final class FeedbackRoutes implements Routes {
  private static final String HAT = "/w/{ws}/{product}/discovery";
  private static final String BASE = HAT + "/feedback";

  private final FeedbackService feedback;
  private final CustomerService customers;
  private final ProductService products;
  private final ItemPanels panels;
  private final Html html;

  public FeedbackRoutes(
      FeedbackService feedback,
      CustomerService customers,
      ProductService products,
      ItemPanels panels) {
    this.feedback = feedback;
    this.customers = customers;
    this.products = products;
    this.panels = panels;
    this.html = panels.html();
  }

  /** The customers and their contacts to choose from in a form. */
  public record Choices(List<Customer> customers, Map<Long, List<Contact>> contacts) {}

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::inbox);
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/{id}", this::show);
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/status", this::status);
    r.postPage(BASE + "/{id}/links", this::link);
    r.postPage(BASE + "/{id}/links/{link}/delete", this::unlink);
    r.postPage(BASE + "/{id}/merge", this::merge);
    r.postPage(BASE + "/{id}/delete", this::delete);
    r.postPage(BASE + "/{id}/restore", this::restore);
    r.getPage("/items/{item}/demand", this::demand);
  }

  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  private static String hat(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/discovery";
  }

  private static String base(ProductAccess product) {
    return hat(product) + "/feedback";
  }

  private List<Shell.Crumb> crumbs(ProductAccess product, Shell.Crumb... more) {
    List<Shell.Crumb> all = new ArrayList<>();
    all.add(new Shell.Crumb("Discovery", hat(product)));
    all.add(new Shell.Crumb("Feedback", more.length == 0 ? null : base(product)));
    all.addAll(List.of(more));
    return all;
  }

  private Choices choices(User user, ProductAccess product) {
    List<Customer> list =
        customers
            .list(user, product.workspace().workspace().slug(), CustomerFilter.ALL, null, 200)
            .slice()
            .items();
    Map<Long, List<Contact>> contacts =
        customers.contactsOf(
            user, product.workspace().workspace().slug(), list.stream().map(Customer::id).toList());
    return new Choices(list, contacts);
  }

  // ---- The inbox --------------------------------------------------------------------------------

  private void inbox(Context ctx) {
    renderInbox(ctx, product(ctx), Form.EMPTY);
  }

  private void renderInbox(Context ctx, ProductAccess product, Form form) {
    User user = Requests.user(ctx);
    FeedbackFilter filter;
    String problem = null;
    try {
      filter =
          FeedbackFilter.parse(
              ctx.queryParam("status"),
              ctx.queryParam("source"),
              ctx.queryParam("customer"),
              ctx.queryParam("tag"),
              ctx.queryParam("theme"),
              ctx.queryParam("from"),
              ctx.queryParam("to"),
              ctx.queryParam("sentiment"),
              ctx.queryParam("q"));
    } catch (Invalid e) {
      filter = FeedbackFilter.ALL;
      problem = "The filter was not understood (" + e.getMessage() + "); showing all feedback.";
    }
    FeedbackService.Listing listing =
        feedback.list(user, Long.toString(product.id()), filter, ctx.queryParam("cursor"), 50);
    Shell shell = html.shells().product(ctx, product, "discovery", "Feedback", crumbs(product));
    html.page(
        ctx,
        "discovery/feedback/inbox.jte",
        shell,
        "product",
        product,
        "listing",
        listing,
        "counts",
        feedback.statusCounts(user, Long.toString(product.id())),
        "filter",
        filter,
        "query",
        query(ctx),
        "choices",
        choices(user, product),
        "form",
        form,
        "problem",
        problem,
        "hat",
        hat(product),
        "base",
        base(product));
  }

  /** The filter's query string without the status, for the status chips and paging. */
  private static String query(Context ctx) {
    StringBuilder q = new StringBuilder();
    for (String name :
        List.of("source", "customer", "tag", "theme", "q", "from", "to", "sentiment")) {
      String v = ctx.queryParam(name);
      if (v != null && !v.isBlank()) {
        q.append('&')
            .append(name)
            .append('=')
            .append(java.net.URLEncoder.encode(v.strip(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return q.toString();
  }

  private FeedbackDraft draft(Context ctx, Validation v, String status) {
    Long customer = id(v, "customer_id", ctx.formParam("customer_id"));
    Long contact = id(v, "contact_id", ctx.formParam("contact_id"));
    Instant happened = FeedbackFilter.date(v, "happened_at", ctx.formParam("happened_at"), false);
    Integer importance = null;
    String imp = ctx.formParam("importance");
    if (imp != null && !imp.isBlank()) {
      try {
        importance = Integer.parseInt(imp.strip());
      } catch (NumberFormatException e) {
        v.check("importance", false, "must be 0, 1, 2 or 3");
      }
    }
    String tags = ctx.formParam("tags");
    List<String> tagList =
        tags == null
            ? null
            : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    return new FeedbackDraft(
        ctx.formParam("text"),
        ctx.formParam("summary"),
        ctx.formParam("source"),
        customer,
        contact,
        happened,
        importance,
        ctx.formParam("external_id"),
        status,
        tagList);
  }

  private static Long id(Validation v, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      v.check(field, false, "must be chosen from the list");
      return null;
    }
  }

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      Validation v = new Validation();
      FeedbackDraft d = draft(ctx, v, null);
      v.orThrow();
      Feedback f = feedback.create(Requests.user(ctx), Long.toString(product.id()), d);
      Flashes.withAction(
          ctx, "Added " + f.key() + " to the inbox.", "Open it", base(product) + "/" + f.id());
      ctx.redirect(base(product));
    } catch (Invalid e) {
      ctx.status(422);
      renderInbox(ctx, product, Form.refused(ctx, e));
    }
  }

  // ---- One piece of feedback
  // ----------------------------------------------------------------------

  private FeedbackService.View view(Context ctx, ProductAccess product) {
    FeedbackService.View view = feedback.get(Requests.user(ctx), ctx.pathParam("id"));
    if (!Objects.equals(view.feedback().item().productId(), product.id())) {
      throw new NotFound("feedback");
    }
    return view;
  }

  private void show(Context ctx) {
    ProductAccess product = product(ctx);
    render(ctx, product, view(ctx, product), null, Form.EMPTY, null);
  }

  /**
   * The feedback page; {@code open} names the form to show open (edit, link or merge) with {@code
   * form}'s values and errors, and {@code conflict} a version conflict on saving the edit.
   */
  private void render(
      Context ctx,
      ProductAccess product,
      FeedbackService.View view,
      String open,
      Form form,
      String conflict) {
    Feedback f = view.feedback();
    User user = Requests.user(ctx);
    ItemPanel panel = panels.build(user, Long.toString(f.id()));
    Form edit =
        "edit".equals(open)
            ? form
            : Form.of(
                "text",
                f.text(),
                "summary",
                f.summary(),
                "source",
                f.source().id(),
                "customer_id",
                f.customerId() == null ? "" : f.customerId().toString(),
                "contact_id",
                f.contactId() == null ? "" : f.contactId().toString(),
                "happened_at",
                f.happenedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString(),
                "importance",
                f.importance() == null ? "" : f.importance().toString(),
                "tags",
                String.join(", ", view.tags()),
                "version",
                Long.toString(f.version()));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                f.summary(),
                crumbs(product, new Shell.Crumb(f.key(), null)));
    html.page(
        ctx,
        "discovery/feedback/show.jte",
        shell,
        "view",
        view,
        "panel",
        panel,
        "choices",
        choices(user, product),
        "edit",
        edit,
        "open",
        open,
        "form",
        form,
        "conflict",
        conflict,
        "hat",
        hat(product),
        "base",
        base(product));
  }

  private static long version(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    FeedbackService.View view = view(ctx, product);
    Feedback f = view.feedback();
    try {
      Validation v = new Validation();
      FeedbackDraft d = draft(ctx, v, f.status().id());
      v.orThrow();
      feedback.update(Requests.user(ctx), Long.toString(f.id()), version(ctx), d);
      Flashes.success(ctx, "Saved.");
      ctx.redirect(base(product) + "/" + f.id());
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, product, view, "edit", Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(409);
      render(
          ctx,
          product,
          view(ctx, product),
          "edit",
          Form.refused(ctx, e.getMessage()),
          e.getMessage());
    }
  }

  private void status(Context ctx) {
    ProductAccess product = product(ctx);
    Feedback f = view(ctx, product).feedback();
    try {
      Feedback moved =
          feedback.setStatus(
              Requests.user(ctx), Long.toString(f.id()), version(ctx), ctx.formParam("status"));
      Flashes.success(
          ctx, "Moved to " + moved.status().label().toLowerCase(java.util.Locale.ROOT) + ".");
    } catch (Invalid | Conflict e) {
      Flashes.error(ctx, e.getMessage());
    }
    ctx.redirect(base(product) + "/" + f.id());
  }

  private void link(Context ctx) {
    ProductAccess product = product(ctx);
    FeedbackService.View view = view(ctx, product);
    try {
      var l =
          feedback.link(
              Requests.user(ctx), Long.toString(view.feedback().id()), ctx.formParam("target"));
      Flashes.success(ctx, "Linked: supports " + l.other().label() + ".");
      ctx.redirect(base(product) + "/" + view.feedback().id());
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, product, view, "link", Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(422);
      render(
          ctx,
          product,
          view,
          "link",
          Form.refused(ctx, Invalid.field("target", e.getMessage())),
          null);
    }
  }

  private void unlink(Context ctx) {
    ProductAccess product = product(ctx);
    Feedback f = view(ctx, product).feedback();
    feedback.unlink(Requests.user(ctx), Long.toString(f.id()), Requests.idParam(ctx, "link"));
    Flashes.success(ctx, "Removed the link.");
    ctx.redirect(base(product) + "/" + f.id());
  }

  private void merge(Context ctx) {
    ProductAccess product = product(ctx);
    FeedbackService.View view = view(ctx, product);
    String given = ctx.formParam("ids") == null ? "" : ctx.formParam("ids");
    List<String> ids =
        Arrays.stream(given.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    try {
      feedback.merge(Requests.user(ctx), Long.toString(view.feedback().id()), ids);
      Flashes.success(
          ctx,
          "Merged "
              + io.hatrack.kernel.web.Fmt.count(ids.size(), "piece", "pieces")
              + " of feedback into "
              + view.feedback().key()
              + ".");
      ctx.redirect(base(product) + "/" + view.feedback().id());
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, product, view, "merge", Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(422);
      render(
          ctx,
          product,
          view,
          "merge",
          Form.refused(ctx, Invalid.field("ids", e.getMessage())),
          null);
    }
  }

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    Feedback f = view(ctx, product).feedback();
    long version;
    try {
      version = version(ctx);
    } catch (Invalid e) {
      version = f.version();
    }
    feedback.delete(Requests.user(ctx), Long.toString(f.id()), version);
    Flashes.withAction(
        ctx, "Deleted " + f.key() + ".", "Undo", base(product) + "/" + f.id() + "/restore");
    ctx.redirect(base(product));
  }

  private void restore(Context ctx) {
    ProductAccess product = product(ctx);
    Feedback f = feedback.restore(Requests.user(ctx), ctx.pathParam("id"));
    Flashes.success(ctx, "Restored " + f.key() + ".");
    ctx.redirect(base(product) + "/" + f.id());
  }

  // ---- Demand on a work item's page
  // ---------------------------------------------------------------

  private void demand(Context ctx) {
    Demand d = feedback.demand(Requests.user(ctx), ctx.pathParam("item"));
    html.fragment(ctx, "discovery/feedback/demand.jte", "demand", d, "item", ctx.pathParam("item"));
  }
}
