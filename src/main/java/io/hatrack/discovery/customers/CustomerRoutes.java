package io.hatrack.discovery.customers;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Customers in the browser, under any product of their workspace: the list with search, filters and
 * sorts; a customer's page with its facts, contacts and the item side panel; adding and editing
 * (422 with the form again when refused, 409 with a choice on a conflict); deleting with undo; and
 * the workspace's currency.
 */
public final class CustomerRoutes implements Routes {
  static final String HAT = "/w/{ws}/{product}/discovery";
  private static final String BASE = HAT + "/customers";

  private final CustomerService customers;
  private final ProductService products;
  private final ItemPanels panels;
  private final Html html;

  public CustomerRoutes(CustomerService customers, ProductService products, ItemPanels panels) {
    this.customers = customers;
    this.products = products;
    this.panels = panels;
    this.html = panels.html();
  }

  @Override
  public void register(Router r) {
    r.getPage(HAT, ctx -> ctx.redirect(base(product(ctx))));
    r.getPage(BASE, this::list);
    r.getPage(BASE + "/new", this::newForm);
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/{id}", this::show);
    r.getPage(BASE + "/{id}/edit", this::editForm);
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/delete", this::delete);
    r.postPage(BASE + "/{id}/restore", this::restore);
    r.postPage(BASE + "/{id}/contacts", this::addContact);
    r.postPage(BASE + "/{id}/contacts/{contact}/delete", this::removeContact);
    r.getPage(HAT + "/settings", ctx -> settings(ctx, null));
    r.postPage(HAT + "/settings", this::saveSettings);
  }

  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  /** The discovery hat's address in a product, e.g. {@code /w/northwind/checkout/discovery}. */
  static String hat(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/discovery";
  }

  static String base(ProductAccess product) {
    return hat(product) + "/customers";
  }

  static List<Shell.Crumb> crumbs(ProductAccess product, String section, Shell.Crumb... more) {
    List<Shell.Crumb> all = new ArrayList<>();
    all.add(new Shell.Crumb("Discovery", hat(product)));
    all.add(
        new Shell.Crumb(
            section,
            more.length == 0
                ? null
                : hat(product) + "/" + section.toLowerCase(java.util.Locale.ROOT)));
    all.addAll(List.of(more));
    return all;
  }

  // ---- The list ---------------------------------------------------------------------------------

  private void list(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    CustomerFilter filter;
    String problem = null;
    try {
      filter =
          new CustomerFilter(
              ctx.queryParam("q"),
              ctx.queryParam("segment"),
              ctx.queryParam("plan"),
              ctx.queryParam("tier"),
              ctx.queryParam("sort"));
    } catch (Invalid e) {
      filter =
          new CustomerFilter(
              ctx.queryParam("q"),
              ctx.queryParam("segment"),
              ctx.queryParam("plan"),
              ctx.queryParam("tier"),
              null);
      problem = "Sort " + e.reasonFor("sort");
    }
    String cursor = ctx.queryParam("cursor");
    String workspace = Long.toString(product.workspace().id());
    CustomerService.Listing listing = customers.list(user, workspace, filter, cursor, 50);
    CustomerService.Facets facets = customers.facets(user, workspace);
    Shell shell =
        html.shells().product(ctx, product, "discovery", "Customers", crumbs(product, "Customers"));
    html.page(
        ctx,
        "discovery/customers/list.jte",
        shell,
        "product",
        product,
        "listing",
        listing,
        "facets",
        facets,
        "filter",
        filter,
        "problem",
        problem,
        "hat",
        hat(product),
        "base",
        base(product),
        "firstPage",
        cursor == null || cursor.isBlank());
  }

  // ---- A customer's page ------------------------------------------------------------------------

  private CustomerService.View view(Context ctx, ProductAccess product) {
    CustomerService.View view = customers.get(Requests.user(ctx), ctx.pathParam("id"));
    if (view.customer().item().workspaceId() != product.workspace().id()) {
      throw new NotFound("customer");
    }
    return view;
  }

  private void show(Context ctx) {
    ProductAccess product = product(ctx);
    renderShow(ctx, product, view(ctx, product), Form.EMPTY);
  }

  private void renderShow(
      Context ctx, ProductAccess product, CustomerService.View view, Form contactForm) {
    Customer c = view.customer();
    ItemPanel panel = panels.build(Requests.user(ctx), Long.toString(c.id()));
    String notes = html.markdown(c.notes(), html.markdownContext(product.workspace()));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                c.name(),
                crumbs(product, "Customers", new Shell.Crumb(c.name(), null)));
    html.page(
        ctx,
        "discovery/customers/show.jte",
        shell,
        "view",
        view,
        "notes",
        notes,
        "panel",
        panel,
        "contactForm",
        contactForm,
        "hat",
        hat(product),
        "base",
        base(product));
  }

  // ---- Adding and editing -----------------------------------------------------------------------

  private void newForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "add customers");
    renderEditor(ctx, product, null, Form.of("revenue_period", "arr"), null);
  }

  private static CustomerDraft draft(Context ctx) {
    return new CustomerDraft(
        ctx.formParam("name"),
        ctx.formParam("external_id"),
        ctx.formParam("segment"),
        ctx.formParam("plan"),
        ctx.formParam("tier"),
        ctx.formParam("domain"),
        ctx.formParam("notes"),
        ctx.formParam("revenue_amount"),
        ctx.formParam("revenue_period"));
  }

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      Customer c =
          customers.create(Requests.user(ctx), Long.toString(product.workspace().id()), draft(ctx));
      Flashes.success(ctx, "Added " + c.name() + ".");
      ctx.redirect(base(product) + "/" + c.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, null, Form.refused(ctx, e), null);
    }
  }

  private void editForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "change customers");
    CustomerService.View view = view(ctx, product);
    renderEditor(ctx, product, view, form(view), null);
  }

  /** The form of a customer as it is now. */
  private static Form form(CustomerService.View view) {
    Customer c = view.customer();
    Revenue r = c.revenue();
    return Form.of(
        "name",
        c.name(),
        "external_id",
        c.externalId() == null ? "" : c.externalId(),
        "segment",
        c.segment(),
        "plan",
        c.plan(),
        "tier",
        c.tier(),
        "domain",
        c.domain(),
        "notes",
        c.notes(),
        "revenue_amount",
        r == null ? "" : view.settings().plain(r.minor()),
        "revenue_period",
        r == null ? "arr" : r.period().id(),
        "version",
        Long.toString(c.version()));
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    CustomerService.View view = view(ctx, product);
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
    try {
      customers.update(
          Requests.user(ctx), Long.toString(view.customer().id()), version, draft(ctx));
      Flashes.success(ctx, "Saved.");
      ctx.redirect(base(product) + "/" + view.customer().id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, view, Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(409);
      renderEditor(ctx, product, view, Form.refused(ctx, e.getMessage()), view);
    }
  }

  private void renderEditor(
      Context ctx,
      ProductAccess product,
      CustomerService.View view,
      Form form,
      CustomerService.View theirs) {
    String title = view == null ? "Add a customer" : "Edit " + view.customer().name();
    List<Shell.Crumb> crumbs =
        view == null
            ? crumbs(product, "Customers", new Shell.Crumb("New", null))
            : crumbs(
                product,
                "Customers",
                new Shell.Crumb(view.customer().name(), base(product) + "/" + view.customer().id()),
                new Shell.Crumb("Edit", null));
    Shell shell = html.shells().product(ctx, product, "discovery", title, crumbs);
    String workspace = Long.toString(product.workspace().id());
    html.page(
        ctx,
        "discovery/customers/edit.jte",
        shell,
        "view",
        view,
        "form",
        form,
        "theirs",
        theirs,
        "settings",
        customers.settings(Requests.user(ctx), workspace),
        "facets",
        customers.facets(Requests.user(ctx), workspace),
        "hat",
        hat(product),
        "base",
        base(product),
        "workspace",
        product.workspace().workspace().slug());
  }

  // ---- Deleting ---------------------------------------------------------------------------------

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    Customer c = view(ctx, product).customer();
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      version = c.version();
    }
    customers.delete(Requests.user(ctx), Long.toString(c.id()), version);
    Flashes.withAction(
        ctx,
        "Deleted the customer " + c.name() + ".",
        "Undo",
        base(product) + "/" + c.id() + "/restore");
    ctx.redirect(base(product));
  }

  private void restore(Context ctx) {
    ProductAccess product = product(ctx);
    Customer c = customers.restore(Requests.user(ctx), ctx.pathParam("id"));
    Flashes.success(ctx, "Restored the customer " + c.name() + ".");
    ctx.redirect(base(product) + "/" + c.id());
  }

  // ---- Contacts ---------------------------------------------------------------------------------

  private void addContact(Context ctx) {
    ProductAccess product = product(ctx);
    CustomerService.View view = view(ctx, product);
    try {
      Contact c =
          customers.addContact(
              Requests.user(ctx),
              Long.toString(view.customer().id()),
              new ContactDraft(
                  ctx.formParam("name"),
                  ctx.formParam("email"),
                  ctx.formParam("role"),
                  ctx.formParam("phone")));
      Flashes.success(ctx, "Added " + c.name() + " as a contact.");
      ctx.redirect(base(product) + "/" + view.customer().id() + "#contacts");
    } catch (Invalid e) {
      ctx.status(422);
      renderShow(ctx, product, view, Form.refused(ctx, e));
    }
  }

  private void removeContact(Context ctx) {
    ProductAccess product = product(ctx);
    CustomerService.View view = view(ctx, product);
    long contact = Requests.idParam(ctx, "contact");
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
    customers.removeContact(
        Requests.user(ctx), Long.toString(view.customer().id()), contact, version);
    Flashes.success(ctx, "Removed the contact.");
    ctx.redirect(base(product) + "/" + view.customer().id() + "#contacts");
  }

  // ---- The currency -----------------------------------------------------------------------------

  private void settings(Context ctx, Form form) {
    ProductAccess product = product(ctx);
    CustomerSettings s =
        customers.settings(Requests.user(ctx), Long.toString(product.workspace().id()));
    Shell shell =
        html.shells().product(ctx, product, "discovery", "Settings", crumbs(product, "Settings"));
    html.page(
        ctx,
        "discovery/settings.jte",
        shell,
        "product",
        product,
        "settings",
        s,
        "form",
        form == null
            ? Form.of("currency", s.currencyCode(), "version", Long.toString(s.version()))
            : form,
        "hat",
        hat(product));
  }

  private void saveSettings(Context ctx) {
    ProductAccess product = product(ctx);
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
    try {
      CustomerSettings s =
          customers.changeCurrency(
              Requests.user(ctx),
              Long.toString(product.workspace().id()),
              version,
              ctx.formParam("currency"));
      Flashes.success(ctx, "Revenue is now shown in " + s.currencyCode() + ".");
      ctx.redirect(hat(product) + "/settings");
    } catch (Invalid e) {
      ctx.status(422);
      settings(ctx, Form.refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      settings(ctx, Form.refused(ctx, e.getMessage()));
    }
  }
}
