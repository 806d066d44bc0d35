package io.hatrack.definition.fields;

import io.hatrack.definition.WorkItemType;
import io.hatrack.kernel.Conflict;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The custom fields of a product in the browser: a settings page to add, edit and delete them. */
public final class CustomFieldRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/definition/fields";

  private final CustomFieldService fields;
  private final ProductService products;
  private final Html html;

  public CustomFieldRoutes(CustomFieldService fields, ProductService products, Html html) {
    this.fields = fields;
    this.products = products;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::list);
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/{field}/edit", this::editForm);
    r.postPage(BASE + "/{field}", this::update);
    r.postPage(BASE + "/{field}/delete", this::delete);
  }

  /** The product of the URL, which must belong to the workspace of the URL. */
  private ProductAccess product(Context ctx) {
    return Requests.product(ctx, products);
  }

  private static String definitionBase(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/definition";
  }

  private static String base(ProductAccess product) {
    return definitionBase(product) + "/fields";
  }

  private Shell shell(Context ctx, ProductAccess product, String title, Shell.Crumb... more) {
    List<Shell.Crumb> crumbs = new java.util.ArrayList<>();
    crumbs.add(new Shell.Crumb("Definition", definitionBase(product) + "/items"));
    crumbs.add(new Shell.Crumb("Settings", definitionBase(product) + "/settings"));
    crumbs.addAll(Arrays.asList(more));
    return html.shells().product(ctx, product, "definition", title, crumbs);
  }

  private void list(Context ctx) {
    render(ctx, product(ctx), Form.of("type", "text"));
  }

  private void render(Context ctx, ProductAccess product, Form form) {
    List<CustomFieldService.Usage> usage =
        fields.usage(Requests.user(ctx), Long.toString(product.id()));
    html.page(
        ctx,
        "definition/fields/list.jte",
        shell(ctx, product, "Custom fields", new Shell.Crumb("Custom fields", null)),
        "product",
        product,
        "fields",
        usage,
        "form",
        form,
        "base",
        base(product),
        "definitionBase",
        definitionBase(product),
        "types",
        List.of(FieldType.values()),
        "itemTypes",
        List.of(WorkItemType.values()),
        "admin",
        product.role().atLeast(Role.ADMIN));
  }

  private static FieldInput input(Context ctx) {
    List<String> types = ctx.formParams("item_types");
    String options = ctx.formParam("options");
    return new FieldInput(
        Requests.form(ctx, "key"),
        Requests.form(ctx, "name"),
        Requests.form(ctx, "type"),
        options == null ? null : Arrays.asList(options.split("\\R")),
        ctx.formParam("formula"),
        types,
        null);
  }

  /** The submitted form with the item types (several checkboxes) kept as one value. */
  private static Form refused(Context ctx, Invalid e) {
    return withItemTypes(ctx, Form.refused(ctx, e), null);
  }

  private static Form withItemTypes(Context ctx, Form form, String version) {
    Map<String, String> values = new HashMap<>(form.values());
    values.put("item_types", String.join(",", ctx.formParams("item_types")));
    if (version != null) {
      values.put("version", version);
    }
    return new Form(values, form.errors(), form.message());
  }

  private void create(Context ctx) {
    ProductAccess product = product(ctx);
    try {
      CustomField created =
          fields.create(Requests.user(ctx), Long.toString(product.id()), input(ctx));
      Flashes.success(
          ctx, "Added the field \u201c" + created.name() + "\u201d (" + created.key() + ").");
      ctx.redirect(base(product));
    } catch (Invalid e) {
      ctx.status(422);
      render(ctx, product, refused(ctx, e));
    }
  }

  private CustomFieldService.Usage field(Context ctx, ProductAccess product) {
    return fields.field(Requests.user(ctx), Long.toString(product.id()), ctx.pathParam("field"));
  }

  private static Form formOf(CustomField f) {
    return Form.of(
        "name",
        f.name(),
        "key",
        f.key(),
        "type",
        f.type().id(),
        "options",
        f.optionsText(),
        "formula",
        f.formula(),
        "item_types",
        f.itemTypesText(),
        "version",
        Long.toString(f.version()));
  }

  private void editForm(Context ctx) {
    ProductAccess product = product(ctx).require(Role.ADMIN, "change the product's fields");
    CustomFieldService.Usage usage = field(ctx, product);
    renderEditor(ctx, product, usage, formOf(usage.field()));
  }

  private void renderEditor(
      Context ctx, ProductAccess product, CustomFieldService.Usage usage, Form form) {
    CustomField f = usage.field();
    List<CustomField> all = fields.fields(Requests.user(ctx), Long.toString(product.id()));
    html.page(
        ctx,
        "definition/fields/edit.jte",
        shell(
            ctx,
            product,
            "Edit " + f.name(),
            new Shell.Crumb("Custom fields", base(product)),
            new Shell.Crumb(f.name(), null)),
        "product",
        product,
        "usage",
        usage,
        "others",
        all.stream().filter(o -> o.id() != f.id()).toList(),
        "form",
        form,
        "base",
        base(product),
        "definitionBase",
        definitionBase(product),
        "types",
        List.of(FieldType.values()),
        "itemTypes",
        List.of(WorkItemType.values()));
  }

  private static long version(Context ctx, long fallback) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private void update(Context ctx) {
    ProductAccess product = product(ctx);
    CustomFieldService.Usage usage = field(ctx, product);
    long version = version(ctx, usage.field().version());
    try {
      CustomField updated =
          fields.update(
              Requests.user(ctx),
              Long.toString(product.id()),
              Long.toString(usage.field().id()),
              version,
              input(ctx));
      Flashes.success(ctx, "Saved the field \u201c" + updated.name() + "\u201d.");
      ctx.redirect(base(product));
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, usage, refused(ctx, e));
    } catch (Conflict e) {
      ctx.status(409);
      String message =
          "Someone else changed this field while you were editing it (it is now at version "
              + usage.field().version()
              + "). Your changes are kept below: save again to overwrite theirs, or reload to"
              + " see them.";
      renderEditor(
          ctx,
          product,
          usage,
          withItemTypes(ctx, Form.refused(ctx, message), Long.toString(usage.field().version())));
    }
  }

  private void delete(Context ctx) {
    ProductAccess product = product(ctx);
    CustomFieldService.Usage usage = field(ctx, product);
    CustomField f = usage.field();
    try {
      long values =
          fields.delete(
              Requests.user(ctx),
              Long.toString(product.id()),
              Long.toString(f.id()),
              version(ctx, f.version()));
      Flashes.success(
          ctx,
          "Deleted the field \u201c"
              + f.name()
              + "\u201d"
              + (values == 0
                  ? "."
                  : " and its " + values + (values == 1 ? " value." : " values.")));
    } catch (Invalid e) {
      Flashes.error(ctx, e.errors().get(0).reason());
    } catch (Conflict e) {
      Flashes.error(ctx, e.getMessage() + ". Look again before deleting it.");
    }
    ctx.redirect(base(product));
  }
}
