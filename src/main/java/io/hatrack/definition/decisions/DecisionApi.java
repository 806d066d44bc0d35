package io.hatrack.definition.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.Patch;
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
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.LinkService;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The decision log over the API. */
public final class DecisionApi implements Routes {
  private static final String TAG = "Decisions";

  private final DecisionService decisions;
  private final LinkService links;
  private final Html html;
  private final ObjectMapper json;

  public DecisionApi(DecisionService decisions, LinkService links, Html html, ObjectMapper json) {
    this.decisions = decisions;
    this.links = links;
    this.html = html;
    this.json = json;
  }

  /** A member who took part in a decision. */
  public record DeciderJson(long id, String handle, String name) {
    static DeciderJson of(Decider d) {
      return new DeciderJson(d.id(), d.handle(), d.name());
    }
  }

  /** Another decision, as one refers to it. */
  public record DecisionRefJson(long id, String key, String title, String status, String url) {
    static DecisionRefJson of(DecisionRef r) {
      return r == null
          ? null
          : new DecisionRefJson(r.id(), r.key(), r.title(), r.status().id(), "/i/" + r.key());
    }
  }

  /** An option the decision considered. */
  public record DecisionOptionJson(
      String name,
      String description,
      String descriptionHtml,
      List<String> pros,
      List<String> cons,
      boolean chosen) {}

  /** An item the decision is linked to (usually a work item, "relates to"). */
  public record DecisionLinkJson(
      long linkId, String type, String label, long id, String key, String kind, String title) {
    static DecisionLinkJson of(Link l) {
      Item o = l.other();
      return new DecisionLinkJson(
          l.id(), l.type(), l.label(), o.id(), o.key(), o.kind(), o.title());
    }
  }

  /**
   * A decision. {@code outcome} is what was decided and why (the "Decision" section of the page);
   * the {@code *_html} fields are the Markdown rendered to safe HTML.
   */
  public record DecisionJson(
      long id,
      String key,
      String kind,
      String title,
      String status,
      String context,
      String contextHtml,
      List<DecisionOptionJson> options,
      String outcome,
      String outcomeHtml,
      String consequences,
      String consequencesHtml,
      LocalDate decidedOn,
      List<DeciderJson> deciders,
      DecisionRefJson supersededBy,
      List<DecisionRefJson> supersedes,
      List<DecisionLinkJson> links,
      long version,
      long productId,
      long createdBy,
      Instant createdAt,
      long updatedBy,
      Instant updatedAt,
      String url) {}

  /** A decision in the log: what it is about, where it stands, who decided and when. */
  public record DecisionSummaryJson(
      long id,
      String key,
      String title,
      String status,
      LocalDate decidedOn,
      List<DeciderJson> deciders,
      DecisionRefJson supersededBy,
      long version,
      Instant createdAt,
      Instant updatedAt,
      String url) {
    static DecisionSummaryJson of(DecisionSummary s) {
      Item i = s.item();
      return new DecisionSummaryJson(
          i.id(),
          i.key(),
          i.title(),
          s.status().id(),
          s.decidedOn(),
          s.deciders().stream().map(DeciderJson::of).toList(),
          DecisionRefJson.of(s.supersededBy()),
          i.version(),
          i.createdAt(),
          i.updatedAt(),
          "/i/" + i.key());
    }
  }

  /** One option of a decision being written; pros and cons are one point per entry. */
  public record DecisionOptionInput(
      String name, String description, List<String> pros, List<String> cons, Boolean chosen) {
    DecisionOption toOption() {
      return new DecisionOption(name, description, pros, cons, Boolean.TRUE.equals(chosen));
    }
  }

  /**
   * Recording a decision. {@code decided_on} is an ISO date, needed when the status is decided;
   * {@code deciders} are handles of workspace members; {@code supersedes} names a decision the new
   * one replaces (it becomes superseded by it).
   */
  public record DecisionInput(
      String title,
      String context,
      String outcome,
      String consequences,
      String status,
      String decidedOn,
      List<String> deciders,
      List<DecisionOptionInput> options,
      String supersededBy,
      String supersedes) {
    DecisionDraft toDraft() {
      return new DecisionDraft(
          title,
          context,
          outcome,
          consequences,
          status,
          decidedOn,
          deciders,
          options == null
              ? List.of()
              : options.stream().map(o -> o == null ? null : o.toOption()).toList(),
          supersededBy,
          supersedes);
    }
  }

  /**
   * The fields a PATCH may carry (for the OpenAPI document): absent fields are kept, null clears;
   * {@code options} and {@code deciders}, when present, replace the whole list.
   */
  public record DecisionPatch(
      String title,
      String context,
      String outcome,
      String consequences,
      String status,
      String decidedOn,
      List<String> deciders,
      List<DecisionOptionInput> options,
      String supersededBy) {}

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/decisions", this::list)
        .summary("A product's decision log: open decisions first, then the most recently decided")
        .tag(TAG)
        .query("status", "proposed, decided or superseded: only decisions with this status")
        .paged()
        .returnsList(DecisionSummaryJson.class);
    r.post("/api/v1/products/{product}/decisions", this::create)
        .summary("Record a decision (editors)")
        .description(
            "A decided decision needs decided_on and at least one decider; deciders are handles of"
                + " workspace members; at most one option may be chosen. With supersedes, the named"
                + " decision becomes superseded by the new one in the same transaction.")
        .tag(TAG)
        .body(DecisionInput.class)
        .returns(201, DecisionJson.class);
    r.get("/api/v1/decisions/{id}", this::get)
        .summary("A decision by id or key, with its options, deciders and linked items")
        .tag(TAG)
        .etag()
        .returns(200, DecisionJson.class);
    r.patch("/api/v1/decisions/{id}", this::update)
        .summary("Change a decision (editors); options and deciders, when given, replace the lists")
        .description(
            "Setting status to superseded needs superseded_by (another decision of the product)."
                + " Setting it back to proposed clears decided_on unless the body sets it.")
        .tag(TAG)
        .body(DecisionPatch.class)
        .ifMatch()
        .etag()
        .returns(200, DecisionJson.class);
    r.delete("/api/v1/decisions/{id}", this::delete)
        .summary("Delete a decision (editors); it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post("/api/v1/decisions/{id}/restore", this::restore)
        .summary("Restore a deleted decision (editors)")
        .tag(TAG)
        .returns(200, DecisionJson.class);
  }

  private void list(Context ctx) {
    int limit = Requests.limit(ctx, 50);
    var slice =
        decisions.list(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.queryParam("status"),
            ctx.queryParam("cursor"),
            limit);
    ctx.json(
        new ListJson<>(
            slice.items().stream().map(DecisionSummaryJson::of).toList(),
            slice.total(),
            slice.nextCursor()));
  }

  private void create(Context ctx) {
    DecisionInput input = Requests.body(ctx, json, DecisionInput.class);
    User user = Requests.user(ctx);
    Decision decision = decisions.create(user, ctx.pathParam("product"), input.toDraft());
    Requests.etag(ctx, decision.version());
    ctx.header("Location", "/api/v1/decisions/" + decision.id());
    ctx.status(201).json(json(user, decisions.get(user, Long.toString(decision.id()))));
  }

  private void get(Context ctx) {
    User user = Requests.user(ctx);
    DecisionService.View view = decisions.get(user, ctx.pathParam("id"));
    Requests.etag(ctx, view.decision().version());
    ctx.json(json(user, view));
  }

  /** The JSON of a decision for the uniform {@code /api/v1/items/{item}} endpoint. */
  public Object representation(User user, ItemAccess access) {
    return json(user, decisions.get(user, Long.toString(access.id())));
  }

  private DecisionJson json(User user, DecisionService.View view) {
    Decision d = view.decision();
    Item item = d.item();
    Markdown.Context context = html.markdownContext(view.access().workspace());
    List<DecisionOptionJson> options =
        d.options().stream()
            .map(
                o ->
                    new DecisionOptionJson(
                        o.name(),
                        o.description(),
                        html.markdown(o.description(), context),
                        o.pros(),
                        o.cons(),
                        o.chosen()))
            .toList();
    return new DecisionJson(
        item.id(),
        item.key(),
        DecisionService.KIND,
        item.title(),
        d.status().id(),
        d.context(),
        html.markdown(d.context(), context),
        options,
        d.outcome(),
        html.markdown(d.outcome(), context),
        d.consequences(),
        html.markdown(d.consequences(), context),
        d.decidedOn(),
        d.deciders().stream().map(DeciderJson::of).toList(),
        DecisionRefJson.of(d.supersededBy()),
        d.supersedes().stream().map(DecisionRefJson::of).toList(),
        links.list(user, Long.toString(item.id())).stream().map(DecisionLinkJson::of).toList(),
        item.version(),
        item.productId(),
        item.createdBy(),
        item.createdAt(),
        item.updatedBy(),
        item.updatedAt(),
        "/i/" + item.key());
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    DecisionChanges changes = changes(body(ctx));
    User user = Requests.user(ctx);
    Decision decision = decisions.update(user, ctx.pathParam("id"), expected, changes);
    Requests.etag(ctx, decision.version());
    ctx.json(json(user, decisions.get(user, Long.toString(decision.id()))));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    decisions.delete(Requests.user(ctx), ctx.pathParam("id"), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    User user = Requests.user(ctx);
    Decision decision = decisions.restore(user, ctx.pathParam("id"));
    Requests.etag(ctx, decision.version());
    ctx.json(json(user, decisions.get(user, Long.toString(decision.id()))));
  }

  // ---- Reading a PATCH body, where an absent field and a null one differ
  // --------------------------

  private JsonNode body(Context ctx) {
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

  private static final Set<String> PATCH_FIELDS =
      Set.of(
          "title",
          "context",
          "outcome",
          "consequences",
          "status",
          "decided_on",
          "deciders",
          "options",
          "superseded_by");

  private static final Set<String> OPTION_FIELDS =
      Set.of("name", "description", "pros", "cons", "chosen");

  static DecisionChanges changes(JsonNode body) {
    unknown(body, PATCH_FIELDS, "", "is not a field of a decision");
    return new DecisionChanges(
        text(body, "title", "title"),
        text(body, "context", "context"),
        text(body, "outcome", "outcome"),
        text(body, "consequences", "consequences"),
        text(body, "status", "status"),
        text(body, "decided_on", "decided_on"),
        strings(body, "deciders", "deciders"),
        options(body.get("options")),
        text(body, "superseded_by", "superseded_by"));
  }

  private static void unknown(JsonNode node, Set<String> known, String prefix, String reason) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw Invalid.field(prefix + name, reason);
      }
    }
  }

  private static Patch<String> text(JsonNode body, String name, String field) {
    JsonNode value = body.get(name);
    if (value == null) {
      return Patch.keep();
    }
    if (value.isNull()) {
      return Patch.of(null);
    }
    if (!value.isTextual()) {
      throw Invalid.field(field, "must be a string");
    }
    return Patch.of(value.textValue());
  }

  private static Patch<List<String>> strings(JsonNode body, String name, String field) {
    JsonNode value = body.get(name);
    if (value == null) {
      return Patch.keep();
    }
    return Patch.of(stringList(value, field));
  }

  private static List<String> stringList(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw Invalid.field(field, "must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw Invalid.field(field + "[" + i + "]", "must be a string");
      }
      out.add(value.get(i).textValue());
    }
    return out;
  }

  private static Patch<List<DecisionOption>> options(JsonNode value) {
    if (value == null) {
      return Patch.keep();
    }
    if (value.isNull()) {
      return Patch.of(List.of());
    }
    if (!value.isArray()) {
      throw Invalid.field("options", "must be a list of options");
    }
    List<DecisionOption> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode o = value.get(i);
      String at = "options[" + i + "]";
      if (!o.isObject()) {
        throw Invalid.field(at, "must be an option with a name");
      }
      unknown(o, OPTION_FIELDS, at + ".", "is not a field of an option");
      JsonNode chosen = o.get("chosen");
      if (chosen != null && !chosen.isNull() && !chosen.isBoolean()) {
        throw Invalid.field(at + ".chosen", "must be true or false");
      }
      out.add(
          new DecisionOption(
              text(o, "name", at + ".name").or(null),
              text(o, "description", at + ".description").or(null),
              stringList(o.get("pros"), at + ".pros"),
              stringList(o.get("cons"), at + ".cons"),
              chosen != null && chosen.asBoolean()));
    }
    return Patch.of(out);
  }
}
