package io.hatrack.definition.fields;

import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.definition.WorkItemRoutes;
import io.hatrack.definition.WorkItemService;
import io.hatrack.definition.WorkItemType;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Custom field values in the browser beyond the item form itself: the form's fields answered again
 * for htmx when its type changes, and one value changed in place from the item page. Both go
 * through {@link FieldValueForm}, and a change through {@link WorkItemService}, as the form does.
 */
public final class FieldValueRoutes implements Routes {
  private static final String BASE = "/w/{ws}/{product}/definition";

  private final FieldValueForm form;
  private final WorkItemService items;
  private final ProductService products;
  private final WorkspaceService workspaces;
  private final Html html;

  public FieldValueRoutes(
      FieldValueForm form,
      WorkItemService items,
      ProductService products,
      WorkspaceService workspaces,
      Html html) {
    this.form = form;
    this.items = items;
    this.products = products;
    this.workspaces = workspaces;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.postPage(BASE + "/item-fields", this::inputs);
    r.postPage(BASE + "/items/{item}/fields/{field}", this::quickEdit);
  }

  private ProductAccess product(Context ctx) {
    ProductAccess product = products.access(Requests.user(ctx), ctx.pathParam("product"));
    if (!product.workspace().workspace().slug().equals(ctx.pathParam("ws"))) {
      throw new NotFound("product");
    }
    return product;
  }

  private CustomFieldService.ItemRef item(Context ctx, ProductAccess product, String ref) {
    WorkItem w = items.get(Requests.user(ctx), ref).item();
    if (!Objects.equals(w.item().productId(), product.id())) {
      throw new NotFound("work item");
    }
    return new CustomFieldService.ItemRef(w.id(), w.key(), w.type());
  }

  /**
   * The custom fields of the item form for the type it now names, keeping what was typed into the
   * fields the old and the new type share (htmx posts the whole form here when the type changes).
   */
  private void inputs(Context ctx) {
    ProductAccess product = product(ctx).require(Role.EDITOR, "edit work items");
    User user = Requests.user(ctx);
    String ref = Requests.form(ctx, FieldValueForm.ITEM);
    CustomFieldService.ItemRef item = ref == null || ref.isEmpty() ? null : item(ctx, product, ref);
    FieldValueForm.Section section =
        form.section(
            user,
            product.id(),
            Requests.form(ctx, "type"),
            item == null ? WorkItemType.FEATURE : item.type(),
            item,
            ctx.formParamMap(),
            List.of());
    html.fragment(
        ctx,
        "definition/item-fields.jte",
        "fields",
        section,
        "members",
        workspaces.members(user, Long.toString(product.workspace().workspace().id())));
  }

  /**
   * One custom field changed from the item page, through the same service path (and version check)
   * as the form; back to the page with what happened.
   */
  private void quickEdit(Context ctx) {
    ProductAccess product = product(ctx);
    User user = Requests.user(ctx);
    CustomFieldService.ItemRef item = item(ctx, product, ctx.pathParam("item"));
    String key = ctx.pathParam("field");
    FieldValueForm.Section section =
        form.section(user, product.id(), null, item.type(), item, null, List.of());
    CustomField field =
        section.inputs().stream()
            .map(FieldValueForm.Input::field)
            .filter(f -> f.key().equals(key) && f.type() != FieldType.FORMULA)
            .findFirst()
            .orElseThrow(() -> new NotFound("field"));
    Map<String, List<String>> submitted =
        Map.of(
            FieldValueForm.SHOWN,
            List.of(key),
            FieldValueForm.PREFIX + key,
            ctx.formParams(FieldValueForm.PREFIX + key));
    long version = version(ctx);
    try {
      var values = form.values(user, product.id(), item.type().id(), item, submitted);
      if (values.isEmpty()) {
        Flashes.success(ctx, field.name() + " is unchanged.");
      } else {
        items.update(user, Long.toString(item.id()), version, WorkItemChanges.none(), values);
        Flashes.success(ctx, field.name() + " saved.");
      }
    } catch (Invalid e) {
      Flashes.error(
          ctx,
          e.errors().stream().map(err -> describe(field, err)).collect(Collectors.joining("; ")));
    } catch (Conflict e) {
      Flashes.error(ctx, e.getMessage());
    }
    ctx.redirect(WorkItemRoutes.base(product) + "/items/" + item.key());
  }

  private static String describe(CustomField field, FieldError err) {
    return (err.field().equals(FieldValueForm.PREFIX + field.key()) ? field.name() : err.field())
        + " "
        + err.reason();
  }

  private static long version(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
  }
}
