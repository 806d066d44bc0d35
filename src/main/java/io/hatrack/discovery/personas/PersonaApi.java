package io.hatrack.discovery.personas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.BadRequest;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Markdown;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;

/** A product's personas over the API. */
public final class PersonaApi implements Routes {
  private static final String TAG = "Personas";

  private final PersonaService personas;
  private final Html html;
  private final ObjectMapper json;

  public PersonaApi(PersonaService personas, Html html, ObjectMapper json) {
    this.personas = personas;
    this.html = html;
    this.json = json;
  }

  /** A persona; the {@code *_html} fields are its Markdown rendered to safe HTML. */
  public record PersonaJson(
      long id,
      String key,
      String kind,
      String name,
      String description,
      String descriptionHtml,
      String goals,
      String goalsHtml,
      String pains,
      String painsHtml,
      long version,
      long productId,
      long createdBy,
      Instant createdAt,
      long updatedBy,
      Instant updatedAt,
      String url) {}

  /** Creating a persona; every text is Markdown. */
  public record PersonaInput(String name, String description, String goals, String pains) {}

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/personas", this::list)
        .summary("A product's personas, by name")
        .tag(TAG)
        .paged()
        .returnsList(PersonaJson.class);
    r.post("/api/v1/products/{product}/personas", this::create)
        .summary("Create a persona (editors)")
        .tag(TAG)
        .body(PersonaInput.class)
        .returns(201, PersonaJson.class);
    r.get("/api/v1/personas/{persona}", this::get)
        .summary("A persona by id or key")
        .tag(TAG)
        .etag()
        .returns(200, PersonaJson.class);
    r.patch("/api/v1/personas/{persona}", this::update)
        .summary("Change a persona (editors); absent fields are kept")
        .tag(TAG)
        .body(PersonaInput.class)
        .ifMatch()
        .etag()
        .returns(200, PersonaJson.class);
    r.delete("/api/v1/personas/{persona}", this::delete)
        .summary("Delete a persona (editors); it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post("/api/v1/personas/{persona}/restore", this::restore)
        .summary("Restore a deleted persona (editors)")
        .tag(TAG)
        .returns(200, PersonaJson.class);
  }

  private void list(Context ctx) {
    User user = Requests.user(ctx);
    PersonaService.Listing listing =
        personas.list(
            user, ctx.pathParam("product"), ctx.queryParam("cursor"), Requests.limit(ctx, 50));
    Markdown.Context context = html.markdownContext(listing.product().workspace());
    ctx.json(
        new ListJson<>(
            listing.slice().items().stream().map(p -> json(p, context)).toList(),
            listing.slice().total(),
            listing.slice().nextCursor()));
  }

  private void create(Context ctx) {
    PersonaInput input = Requests.body(ctx, json, PersonaInput.class);
    User user = Requests.user(ctx);
    Persona p =
        personas.create(
            user,
            ctx.pathParam("product"),
            new PersonaDraft(input.name(), input.description(), input.goals(), input.pains()));
    ctx.header("Location", "/api/v1/personas/" + p.id());
    respond(ctx.status(201), personas.get(user, Long.toString(p.id())));
  }

  private void get(Context ctx) {
    respond(ctx, personas.get(Requests.user(ctx), ctx.pathParam("persona")));
  }

  private void respond(Context ctx, PersonaService.View view) {
    Requests.etag(ctx, view.persona().version());
    ctx.json(json(view.persona(), html.markdownContext(view.access().workspace())));
  }

  /** The JSON of a persona for the uniform {@code /api/v1/items/{item}} endpoint. */
  public Object representation(User user, ItemAccess access) {
    PersonaService.View view = personas.get(user, Long.toString(access.id()));
    return json(view.persona(), html.markdownContext(view.access().workspace()));
  }

  private PersonaJson json(Persona p, Markdown.Context context) {
    Item i = p.item();
    return new PersonaJson(
        i.id(),
        i.key(),
        PersonaService.KIND,
        i.title(),
        p.description(),
        html.markdown(p.description(), context),
        p.goals(),
        html.markdown(p.goals(), context),
        p.pains(),
        html.markdown(p.pains(), context),
        i.version(),
        i.productId(),
        i.createdBy(),
        i.createdAt(),
        i.updatedBy(),
        i.updatedAt(),
        "/i/" + i.key());
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    JsonNode body = object(ctx);
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Set.of("name", "description", "goals", "pains").contains(name)) {
        throw Invalid.field(name, "is not a field of a persona");
      }
    }
    User user = Requests.user(ctx);
    Persona p = personas.get(user, ctx.pathParam("persona")).persona();
    Persona updated =
        personas.update(
            user,
            Long.toString(p.id()),
            expected,
            new PersonaDraft(
                text(body, "name", p.name()),
                text(body, "description", p.description()),
                text(body, "goals", p.goals()),
                text(body, "pains", p.pains())));
    respond(ctx, personas.get(user, Long.toString(updated.id())));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    personas.delete(Requests.user(ctx), ctx.pathParam("persona"), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    User user = Requests.user(ctx);
    Persona p = personas.restore(user, ctx.pathParam("persona"));
    respond(ctx, personas.get(user, Long.toString(p.id())));
  }

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

  private static String text(JsonNode body, String name, String kept) {
    JsonNode value = body.get(name);
    if (value == null) {
      return kept;
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw Invalid.field(name, "must be a string");
    }
    return value.textValue();
  }
}
