package io.hatrack.discovery.personas;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanel;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Markdown;
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
 * A product's personas in the browser: all of them on one page (description, goals and pains in
 * Markdown), a persona's own page with the item side panel, writing and editing them.
 */
public final class PersonaRoutes implements Routes {
  private static final String HAT = "/w/{ws}/{product}/discovery";
  private static final String BASE = HAT + "/personas";

  private final PersonaService personas;
  private final ProductService products;
  private final ItemPanels panels;
  private final Html html;

  public PersonaRoutes(PersonaService personas, ProductService products, ItemPanels panels) {
    this.personas = personas;
    this.products = products;
    this.panels = panels;
    this.html = panels.html();
  }

  /** A persona with its Markdown rendered to safe HTML. */
  public record Rendered(Persona persona, String description, String goals, String pains) {}

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::list);
    r.getPage(BASE + "/new", this::newForm);
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/{id}", this::show);
    r.getPage(BASE + "/{id}/edit", this::editForm);
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/delete", this::delete);
    r.postPage(BASE + "/{id}/restore", this::restore);
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
    return hat(product) + "/personas";
  }

  private List<Shell.Crumb> crumbs(ProductAccess product, Shell.Crumb... more) {
    List<Shell.Crumb> all = new ArrayList<>();
    all.add(new Shell.Crumb("Discovery", hat(product)));
    all.add(new Shell.Crumb("Personas", more.length == 0 ? null : base(product)));
    all.addAll(List.of(more));
    return all;
  }

  private Rendered rendered(Persona p, Markdown.Context context) {
    return new Rendered(
        p,
        html.markdown(p.description(), context),
        html.markdown(p.goals(), context),
        html.markdown(p.pains(), context));
  }

  private void list(Context ctx) {
    ProductAccess product = product(ctx);
    PersonaService.Listing listing =
        personas.list(Requests.user(ctx), Long.toString(product.id()), null, 200);
    Markdown.Context context = html.markdownContext(product.workspace());
    List<Rendered> shown = listing.slice().items().stream().map(p -> rendered(p, context)).toList();
    Shell shell = html.shells().product(ctx, product, "discovery", "Personas", crumbs(product));
    html.page(
        ctx,
        "discovery/personas/list.jte",
        shell,
        "product",
        product,
        "personas",
        shown,
        "total",
        listing.slice().total(),
        "hat",
        hat(product),
        "base",
        base(product));
  }

  private Persona persona(Context ctx, ProductAccess product) {
    Persona p = personas.get(Requests.user(ctx), ctx.pathParam("id")).persona();
    if (!Objects.equals(p.item().productId(), product.id())) {
      throw new NotFound("persona");
    }
    return p;
  }

  private void show(Context ctx) {
    ProductAccess product = product(ctx);
    Persona p = persona(ctx, product);
    ItemPanel panel = panels.build(Requests.user(ctx), Long.toString(p.id()));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                p.name(),
                crumbs(product, new Shell.Crumb(p.key(), null)));
    html.page(
        ctx,
        "discovery/personas/show.jte",
        shell,
        "persona",
        rendered(p, html.markdownContext(product.workspace())),
        "panel",
        panel,
        "hat",
        hat(product),
        "base",
        base(product));
  }

  private void newForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "create personas");
    renderEditor(ctx, product, null, Form.EMPTY, null);
  }

  private static PersonaDraft draft(Context ctx) {
    return new PersonaDraft(
        ctx.formParam("name"),
        ctx.formParam("description"),
        ctx.formParam("goals"),
        ctx.formParam("pains"));
  }

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      Persona p = personas.create(Requests.user(ctx), Long.toString(product.id()), draft(ctx));
      Flashes.success(ctx, "Created the persona " + p.name() + ".");
      ctx.redirect(base(product) + "/" + p.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, null, Form.refused(ctx, e), null);
    }
  }

  private void editForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "change personas");
    Persona p = persona(ctx, product);
    renderEditor(
        ctx,
        product,
        p,
        Form.of(
            "name",
            p.name(),
            "description",
            p.description(),
            "goals",
            p.goals(),
            "pains",
            p.pains(),
            "version",
            Long.toString(p.version())),
        null);
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    Persona p = persona(ctx, product);
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
    try {
      personas.update(Requests.user(ctx), Long.toString(p.id()), version, draft(ctx));
      Flashes.success(ctx, "Saved.");
      ctx.redirect(base(product) + "/" + p.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, p, Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(409);
      renderEditor(ctx, product, p, Form.refused(ctx, e.getMessage()), p);
    }
  }

  private void renderEditor(
      Context ctx, ProductAccess product, Persona persona, Form form, Persona theirs) {
    String title = persona == null ? "New persona" : "Edit " + persona.name();
    List<Shell.Crumb> crumbs =
        persona == null
            ? crumbs(product, new Shell.Crumb("New", null))
            : crumbs(
                product,
                new Shell.Crumb(persona.key(), base(product) + "/" + persona.id()),
                new Shell.Crumb("Edit", null));
    Shell shell = html.shells().product(ctx, product, "discovery", title, crumbs);
    html.page(
        ctx,
        "discovery/personas/edit.jte",
        shell,
        "persona",
        persona,
        "form",
        form,
        "theirs",
        theirs,
        "hat",
        hat(product),
        "base",
        base(product),
        "workspace",
        product.workspace().workspace().slug());
  }

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    Persona p = persona(ctx, product);
    long version;
    try {
      version = Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      version = p.version();
    }
    personas.delete(Requests.user(ctx), Long.toString(p.id()), version);
    Flashes.withAction(
        ctx,
        "Deleted the persona " + p.name() + ".",
        "Undo",
        base(product) + "/" + p.id() + "/restore");
    ctx.redirect(base(product));
  }

  private void restore(Context ctx) {
    ProductAccess product = product(ctx);
    Persona p = personas.restore(Requests.user(ctx), ctx.pathParam("id"));
    Flashes.success(ctx, "Restored the persona " + p.name() + ".");
    ctx.redirect(base(product) + "/" + p.id());
  }
}
