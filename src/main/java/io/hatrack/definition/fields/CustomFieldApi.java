package io.hatrack.definition.fields;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.WorkItemType;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.util.List;

/** A product's custom fields over the API. */
public final class CustomFieldApi implements Routes {
  private static final String TAG = "Custom fields";
  private static final String COLLECTION = "/api/v1/products/{product}/fields";
  private static final String ONE = COLLECTION + "/{field}";

  private final CustomFieldService fields;
  private final ObjectMapper json;

  public CustomFieldApi(CustomFieldService fields, ObjectMapper json) {
    this.fields = fields;
    this.json = json;
  }

  /**
   * A custom field.
   *
   * @param options the choices of a select or multi-select field
   * @param formula the formula of a formula field
   * @param itemTypes the work item types it applies to; empty: all
   * @param valueCount how many items hold a value of it
   */
  public record CustomFieldJson(
      long id,
      String key,
      String name,
      String type,
      List<String> options,
      String formula,
      List<String> itemTypes,
      int position,
      long valueCount,
      long version) {
    static CustomFieldJson of(CustomFieldService.Usage usage) {
      CustomField f = usage.field();
      return new CustomFieldJson(
          f.id(),
          f.key(),
          f.name(),
          f.type().id(),
          f.options(),
          f.formula(),
          f.itemTypes().stream().map(WorkItemType::id).toList(),
          f.position(),
          usage.values(),
          f.version());
    }
  }

  /**
   * Defining a field; in a PATCH every part is optional and a missing one is kept. The key, when
   * left out of a new field, is made from the name.
   */
  public record CustomFieldInputJson(
      String key,
      String name,
      String type,
      List<String> options,
      String formula,
      List<String> itemTypes,
      Integer position) {
    FieldInput toInput() {
      return new FieldInput(key, name, type, options, formula, itemTypes, position);
    }
  }

  @Override
  public void register(Router r) {
    r.get(COLLECTION, this::list)
        .summary("A product's custom fields, in their order")
        .description(
            "Any member may read them. Types: text, number, select, multi_select, date, person,"
                + " url, checkbox, formula.")
        .tag(TAG)
        .returnsList(CustomFieldJson.class);
    r.post(COLLECTION, this::create)
        .summary("Add a custom field (admins)")
        .description(
            "A formula field computes a number from number, checkbox and other formula fields by"
                + " key, and `estimate`: + - * /, comparisons, and/or/not, if(c, a, b), min, max,"
                + " round(x[, digits]) and abs. A formula that refers to itself, to a missing or"
                + " non-numeric field, or loops through other formulas is refused (400).")
        .tag(TAG)
        .body(CustomFieldInputJson.class)
        .etag()
        .returns(201, CustomFieldJson.class);
    r.get(ONE, this::get)
        .summary("A custom field by id or key")
        .tag(TAG)
        .etag()
        .returns(200, CustomFieldJson.class);
    r.patch(ONE, this::update)
        .summary("Change a custom field (admins)")
        .description(
            "Its key cannot change while a formula uses it; its type cannot change while items"
                + " hold values; a select option in use cannot be removed.")
        .tag(TAG)
        .body(CustomFieldInputJson.class)
        .ifMatch()
        .etag()
        .returns(200, CustomFieldJson.class);
    r.delete(ONE, this::delete)
        .summary("Delete a custom field and all its values (admins)")
        .description("Refused (400) while a formula uses the field.")
        .tag(TAG)
        .ifMatch()
        .noContent();
  }

  private void list(Context ctx) {
    List<CustomFieldJson> items =
        fields.usage(Requests.user(ctx), ctx.pathParam("product")).stream()
            .map(CustomFieldJson::of)
            .toList();
    ctx.json(new ListJson<>(items, items.size(), null));
  }

  private void create(Context ctx) {
    CustomFieldInputJson input = Requests.body(ctx, json, CustomFieldInputJson.class);
    User user = Requests.user(ctx);
    String product = ctx.pathParam("product");
    CustomField created = fields.create(user, product, input.toInput());
    Requests.etag(ctx, created.version());
    ctx.header("Location", "/api/v1/products/" + product + "/fields/" + created.id());
    ctx.status(201).json(CustomFieldJson.of(new CustomFieldService.Usage(created, 0)));
  }

  private void get(Context ctx) {
    CustomFieldService.Usage usage =
        fields.field(Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("field"));
    Requests.etag(ctx, usage.field().version());
    ctx.json(CustomFieldJson.of(usage));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    CustomFieldInputJson input = Requests.body(ctx, json, CustomFieldInputJson.class);
    User user = Requests.user(ctx);
    String product = ctx.pathParam("product");
    CustomField updated =
        fields.update(user, product, ctx.pathParam("field"), expected, input.toInput());
    CustomFieldService.Usage usage = fields.field(user, product, Long.toString(updated.id()));
    Requests.etag(ctx, updated.version());
    ctx.json(CustomFieldJson.of(usage));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    fields.delete(Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("field"), expected);
    ctx.status(204);
  }
}
