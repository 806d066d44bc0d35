package io.hatrack.discovery.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.customers.CustomerJson.ContactInput;
import io.hatrack.discovery.customers.CustomerJson.ContactJson;
import io.hatrack.discovery.customers.CustomerJson.CustomerInput;
import io.hatrack.discovery.customers.CustomerJson.CustomerItemJson;
import io.hatrack.discovery.customers.CustomerJson.ImportJson;
import io.hatrack.discovery.customers.CustomerJson.SettingsInput;
import io.hatrack.discovery.customers.CustomerJson.SettingsJson;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.BadRequest;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.ItemAccess;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Customers, their contacts, the workspace's currency and the CSV import over the API. */
public final class CustomerApi implements Routes {
  private static final String TAG = "Customers";

  private final CustomerService customers;
  private final CustomerImport imports;
  private final ObjectMapper json;

  public CustomerApi(CustomerService customers, CustomerImport imports, ObjectMapper json) {
    this.customers = customers;
    this.imports = imports;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.get("/api/v1/workspaces/{workspace}/customers", this::list)
        .summary("The workspace's customers, shared by its products")
        .tag(TAG)
        .query("q", "words of the name, domain or external id")
        .query("segment", "only customers in this segment (exact)")
        .query("plan", "only customers on this plan (exact)")
        .query("tier", "only customers in this tier (exact)")
        .query(
            "sort",
            "name (default), revenue (per year: ARR = 12 x MRR), segment, plan, tier or updated;"
                + " -revenue for the largest first")
        .paged()
        .returnsList(CustomerItemJson.class);
    r.post("/api/v1/workspaces/{workspace}/customers", this::create)
        .summary("Add a customer (editors)")
        .description(
            "revenue_amount is exact decimal text in the workspace's currency, with revenue_period"
                + " arr or mrr. external_id is unique in the workspace.")
        .tag(TAG)
        .body(CustomerInput.class)
        .returns(201, CustomerItemJson.class);
    r.post("/api/v1/workspaces/{workspace}/customers/import", this::importCsv)
        .summary("Import customers from CSV (editors); all or nothing")
        .description(
            "Send the CSV file (UTF-8, at most 1,000,000 bytes) as the body. Header columns: name"
                + " (required), external_id, segment, plan, tier, arr or mrr, domain (or website),"
                + " notes. A row with a known external_id (or, without one, the name of exactly one"
                + " customer) updates that customer. With dry_run=true nothing is saved. Any problem"
                + " answers 400 with one detail per problem, naming its line and column, and saves"
                + " nothing.")
        .tag(TAG)
        .query("dry_run", "true to check and count without saving")
        .returns(200, ImportJson.class);
    r.get("/api/v1/customers/{customer}", this::get)
        .summary("A customer by id, with its contacts")
        .tag(TAG)
        .etag()
        .returns(200, CustomerItemJson.class);
    r.patch("/api/v1/customers/{customer}", this::update)
        .summary("Change a customer (editors); absent fields are kept, null clears")
        .tag(TAG)
        .body(CustomerInput.class)
        .ifMatch()
        .etag()
        .returns(200, CustomerItemJson.class);
    r.delete("/api/v1/customers/{customer}", this::delete)
        .summary("Delete a customer (editors); it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post("/api/v1/customers/{customer}/restore", this::restore)
        .summary("Restore a deleted customer (editors)")
        .tag(TAG)
        .returns(200, CustomerItemJson.class);
    r.get("/api/v1/customers/{customer}/contacts", this::contacts)
        .summary("The people at a customer")
        .tag(TAG)
        .returnsList(ContactJson.class);
    r.post("/api/v1/customers/{customer}/contacts", this::addContact)
        .summary("Add a contact to a customer (editors)")
        .tag(TAG)
        .body(ContactInput.class)
        .returns(201, ContactJson.class);
    r.patch("/api/v1/customers/{customer}/contacts/{contact}", this::updateContact)
        .summary("Change a contact (editors); absent fields are kept")
        .tag(TAG)
        .body(ContactInput.class)
        .ifMatch()
        .etag()
        .returns(200, ContactJson.class);
    r.delete("/api/v1/customers/{customer}/contacts/{contact}", this::removeContact)
        .summary("Remove a contact (editors)")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.get("/api/v1/workspaces/{workspace}/discovery-settings", this::settings)
        .summary("The currency of the workspace's customer revenue")
        .tag(TAG)
        .etag()
        .returns(200, SettingsJson.class);
    r.patch("/api/v1/workspaces/{workspace}/discovery-settings", this::updateSettings)
        .summary("Change the currency (admins); amounts keep their value, only the label changes")
        .tag(TAG)
        .body(SettingsInput.class)
        .ifMatch()
        .etag()
        .returns(200, SettingsJson.class);
  }

  private void list(Context ctx) {
    int limit = Requests.limit(ctx, 50);
    CustomerFilter filter =
        new CustomerFilter(
            ctx.queryParam("q"),
            ctx.queryParam("segment"),
            ctx.queryParam("plan"),
            ctx.queryParam("tier"),
            ctx.queryParam("sort"));
    CustomerService.Listing listing =
        customers.list(
            Requests.user(ctx),
            ctx.pathParam("workspace"),
            filter,
            ctx.queryParam("cursor"),
            limit);
    ctx.json(
        new ListJson<>(
            listing.slice().items().stream()
                .map(c -> CustomerItemJson.of(c, null, listing.settings()))
                .toList(),
            listing.slice().total(),
            listing.slice().nextCursor()));
  }

  private void create(Context ctx) {
    CustomerInput input = Requests.body(ctx, json, CustomerInput.class);
    User user = Requests.user(ctx);
    Customer c = customers.create(user, ctx.pathParam("workspace"), input.toDraft());
    ctx.header("Location", "/api/v1/customers/" + c.id());
    respond(ctx.status(201), customers.get(user, Long.toString(c.id())));
  }

  private void get(Context ctx) {
    respond(ctx, customers.get(Requests.user(ctx), ctx.pathParam("customer")));
  }

  private void respond(Context ctx, CustomerService.View view) {
    Requests.etag(ctx, view.customer().version());
    ctx.json(CustomerItemJson.of(view.customer(), view.contacts(), view.settings()));
  }

  /** The JSON of a customer for the uniform {@code /api/v1/items/{item}} endpoint. */
  public Object representation(User user, ItemAccess access) {
    CustomerService.View view = customers.get(user, Long.toString(access.id()));
    return CustomerItemJson.of(view.customer(), view.contacts(), view.settings());
  }

  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "external_id",
          "segment",
          "plan",
          "tier",
          "domain",
          "notes",
          "revenue_amount",
          "revenue_period");

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    JsonNode body = object(ctx);
    known(body, FIELDS, "is not a field of a customer");
    User user = Requests.user(ctx);
    CustomerService.View now = customers.get(user, ctx.pathParam("customer"));
    Customer c = now.customer();
    CustomerSettings s = now.settings();
    CustomerDraft merged =
        new CustomerDraft(
            text(body, "name", c.name()),
            text(body, "external_id", c.externalId()),
            text(body, "segment", c.segment()),
            text(body, "plan", c.plan()),
            text(body, "tier", c.tier()),
            text(body, "domain", c.domain()),
            text(body, "notes", c.notes()),
            text(body, "revenue_amount", c.revenue() == null ? null : s.plain(c.revenue().minor())),
            text(body, "revenue_period", c.revenue() == null ? null : c.revenue().period().id()));
    Customer updated = customers.update(user, Long.toString(c.id()), expected, merged);
    respond(ctx, customers.get(user, Long.toString(updated.id())));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    customers.delete(Requests.user(ctx), ctx.pathParam("customer"), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    User user = Requests.user(ctx);
    Customer c = customers.restore(user, ctx.pathParam("customer"));
    respond(ctx, customers.get(user, Long.toString(c.id())));
  }

  private void contacts(Context ctx) {
    List<ContactJson> list =
        customers.contacts(Requests.user(ctx), ctx.pathParam("customer")).stream()
            .map(ContactJson::of)
            .toList();
    ctx.json(new ListJson<>(list, list.size(), null));
  }

  private void addContact(Context ctx) {
    ContactInput input = Requests.body(ctx, json, ContactInput.class);
    Contact c =
        customers.addContact(
            Requests.user(ctx),
            ctx.pathParam("customer"),
            new ContactDraft(input.name(), input.email(), input.role(), input.phone()));
    Requests.etag(ctx, c.version());
    ctx.status(201).json(ContactJson.of(c));
  }

  private void updateContact(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    long id = Requests.idParam(ctx, "contact");
    JsonNode body = object(ctx);
    known(body, Set.of("name", "email", "role", "phone"), "is not a field of a contact");
    User user = Requests.user(ctx);
    Contact c =
        customers.contacts(user, ctx.pathParam("customer")).stream()
            .filter(x -> x.id() == id)
            .findFirst()
            .orElseThrow(() -> new io.hatrack.kernel.NotFound("contact"));
    Contact updated =
        customers.updateContact(
            user,
            ctx.pathParam("customer"),
            id,
            expected,
            new ContactDraft(
                text(body, "name", c.name()),
                text(body, "email", c.email()),
                text(body, "role", c.role()),
                text(body, "phone", c.phone())));
    Requests.etag(ctx, updated.version());
    ctx.json(ContactJson.of(updated));
  }

  private void removeContact(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    customers.removeContact(
        Requests.user(ctx), ctx.pathParam("customer"), Requests.idParam(ctx, "contact"), expected);
    ctx.status(204);
  }

  private void settings(Context ctx) {
    CustomerSettings s = customers.settings(Requests.user(ctx), ctx.pathParam("workspace"));
    Requests.etag(ctx, s.version());
    ctx.json(SettingsJson.of(s));
  }

  private void updateSettings(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    SettingsInput input = Requests.body(ctx, json, SettingsInput.class);
    CustomerSettings s =
        customers.changeCurrency(
            Requests.user(ctx), ctx.pathParam("workspace"), expected, input.currency());
    Requests.etag(ctx, s.version());
    ctx.json(SettingsJson.of(s));
  }

  private void importCsv(Context ctx) {
    boolean dryRun = Requests.flag(ctx, "dry_run");
    CustomerImport.Report report =
        imports.run(
            Requests.user(ctx), ctx.pathParam("workspace"), "upload", ctx.bodyAsBytes(), dryRun);
    if (!report.ok()) {
      throw new Invalid(
          report.problems().stream()
              .map(
                  p ->
                      new FieldError(
                          p.line() == 0
                              ? "file"
                              : "line "
                                  + p.line()
                                  + (p.column() == null ? "" : ", column " + p.column()),
                          p.message()))
              .toList());
    }
    ctx.json(
        new ImportJson(
            report.rows(),
            report.created(),
            report.updated(),
            report.unchanged(),
            report.saved(),
            dryRun));
  }

  // ---- Reading a PATCH body, where an absent field and a null one differ ----------------------

  private JsonNode object(Context ctx) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw new BadRequest(400, "malformed_json", "The request needs a JSON body.");
    }
    try {
      JsonNode node = json.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new BadRequest(400, "malformed_json", "The JSON body must be an object.");
      }
      return node;
    } catch (IOException e) {
      throw new BadRequest(400, "malformed_json", "The body is not valid JSON.");
    }
  }

  private static void known(JsonNode node, Set<String> fields, String reason) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        throw Invalid.field(name, reason);
      }
    }
  }

  /** The field's new text: kept when absent, cleared by null, a string otherwise. */
  private static String text(JsonNode body, String name, String kept) {
    JsonNode value = body.get(name);
    if (value == null) {
      return kept;
    }
    if (value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && name.equals("revenue_amount")) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber() && name.equals("revenue_amount")) {
      throw Invalid.field(
          name, "must be a string such as \"10400.50\" when it has decimals, so no cent is lost");
    }
    if (!value.isTextual()) {
      throw Invalid.field(name, "must be a string");
    }
    return value.textValue();
  }
}
