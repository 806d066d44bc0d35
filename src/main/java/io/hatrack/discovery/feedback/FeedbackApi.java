package io.hatrack.discovery.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.feedback.FeedbackJson.DemandJson;
import io.hatrack.discovery.feedback.FeedbackJson.FeedbackInput;
import io.hatrack.discovery.feedback.FeedbackJson.FeedbackItemJson;
import io.hatrack.discovery.feedback.FeedbackJson.LinkInput;
import io.hatrack.discovery.feedback.FeedbackJson.MergeInput;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.BadRequest;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.LinkJson;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.Link;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The feedback inbox over the API: feedback, its links to work items, merging, and demand. */
public final class FeedbackApi implements Routes {
  private static final String TAG = "Feedback";

  private static final Set<String> FIELDS =
      Set.of(
          "text",
          "summary",
          "source",
          "customer_id",
          "contact_id",
          "happened_at",
          "importance",
          "external_id",
          "status",
          "tags");

  private final FeedbackService feedback;
  private final ObjectMapper json;

  public FeedbackApi(FeedbackService feedback, ObjectMapper json) {
    this.feedback = feedback;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/feedback", this::list)
        .summary("A product's feedback inbox, newest first (by when it was given)")
        .description(
            "total is exact without filters; with any filter the matches are counted up to "
                + FeedbackService.COUNT_LIMIT
                + ", so a total of "
                + FeedbackService.COUNT_LIMIT
                + " means at least that many.")
        .tag(TAG)
        .query("status", "new, triaged, linked or archived")
        .query("source", FeedbackSource.ids())
        .query("customer", "only feedback from this customer (id)")
        .query("tag", "only feedback with this tag")
        .query("theme", "only feedback in this theme (id)")
        .query("from", "given on or after this date (YYYY-MM-DD, UTC) or instant")
        .query("to", "given on or before this date (YYYY-MM-DD, UTC), or before this instant")
        .query("sentiment", "positive (>= 0.05), neutral or negative (<= -0.05)")
        .query("q", "words in the text or summary (a substring, without case)")
        .paged()
        .returnsList(FeedbackItemJson.class);
    r.post("/api/v1/products/{product}/feedback", this::create)
        .summary("Add feedback (editors)")
        .description(
            "text is required; summary defaults to its first line (at most 80 characters). source"
                + " is one of "
                + FeedbackSource.ids()
                + " (default other). happened_at is a date (2025-03-31) or an ISO instant (default"
                + " now). importance: 0 not important, 1 nice to have, 2 important, 3 critical."
                + " external_id is unique in the product.")
        .tag(TAG)
        .body(FeedbackInput.class)
        .returns(201, FeedbackItemJson.class);
    r.get("/api/v1/feedback/{feedback}", this::get)
        .summary("A piece of feedback by id or key, with its tags and merged duplicates")
        .tag(TAG)
        .etag()
        .returns(200, FeedbackItemJson.class);
    r.patch("/api/v1/feedback/{feedback}", this::update)
        .summary("Change feedback or its status (editors); absent fields are kept, null clears")
        .tag(TAG)
        .body(FeedbackInput.class)
        .ifMatch()
        .etag()
        .returns(200, FeedbackItemJson.class);
    r.delete("/api/v1/feedback/{feedback}", this::delete)
        .summary("Delete feedback (editors); it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post("/api/v1/feedback/{feedback}/restore", this::restore)
        .summary("Restore deleted feedback (editors)")
        .tag(TAG)
        .returns(200, FeedbackItemJson.class);
    r.get("/api/v1/feedback/{feedback}/links", this::links)
        .summary("The work items this feedback supports")
        .tag(TAG)
        .returnsList(LinkJson.class);
    r.post("/api/v1/feedback/{feedback}/links", this::link)
        .summary(
            "Link feedback to the work item it supports (editors); new or triaged becomes linked")
        .tag(TAG)
        .body(LinkInput.class)
        .returns(201, LinkJson.class);
    r.delete("/api/v1/feedback/{feedback}/links/{link}", this::unlink)
        .summary("Remove a link to a work item (editors)")
        .tag(TAG)
        .noContent();
    r.post("/api/v1/feedback/{feedback}/merge", this::merge)
        .summary("Merge duplicates into this feedback (editors), all or nothing")
        .description(
            "Each listed piece becomes a duplicate of this one (duplicate_of) and is archived; it"
                + " stays readable. This one gains their tags and links; demand counts them through"
                + " it.")
        .tag(TAG)
        .body(MergeInput.class)
        .returns(200, FeedbackItemJson.class);
    r.get("/api/v1/items/{item}/demand", this::demand)
        .summary("The demand for a work item from the feedback that supports it")
        .description(
            "feedback counts the linked feedback and what was merged into it; customers are the"
                + " distinct customers; revenue is their ARR (12 x MRR) summed exactly; importance"
                + " counts each customer once with their latest importance (by date given); trend"
                + " is feedback per month (UTC) over the last 12 months.")
        .tag(TAG)
        .returns(200, DemandJson.class);
  }

  private void list(Context ctx) {
    int limit = Requests.limit(ctx, 50);
    FeedbackFilter filter =
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
    FeedbackService.Listing listing =
        feedback.list(
            Requests.user(ctx), ctx.pathParam("product"), filter, ctx.queryParam("cursor"), limit);
    ctx.json(
        new ListJson<>(
            listing.slice().items().stream()
                .map(
                    f ->
                        FeedbackItemJson.of(
                            f, listing.tags().getOrDefault(f.id(), List.of()), null))
                .toList(),
            listing.slice().total(),
            listing.slice().nextCursor()));
  }

  private void create(Context ctx) {
    FeedbackInput input = Requests.body(ctx, json, FeedbackInput.class);
    User user = Requests.user(ctx);
    Validation v = new Validation();
    Instant happened = FeedbackFilter.date(v, "happened_at", input.happenedAt(), false);
    v.orThrow();
    Feedback f =
        feedback.create(
            user,
            ctx.pathParam("product"),
            new FeedbackDraft(
                input.text(),
                input.summary(),
                input.source(),
                input.customerId(),
                input.contactId(),
                happened,
                input.importance(),
                input.externalId(),
                input.status(),
                input.tags()));
    ctx.header("Location", "/api/v1/feedback/" + f.id());
    respond(ctx.status(201), feedback.get(user, Long.toString(f.id())));
  }

  private void get(Context ctx) {
    respond(ctx, feedback.get(Requests.user(ctx), ctx.pathParam("feedback")));
  }

  private void respond(Context ctx, FeedbackService.View view) {
    Requests.etag(ctx, view.feedback().version());
    ctx.json(of(view));
  }

  private static FeedbackItemJson of(FeedbackService.View view) {
    return FeedbackItemJson.of(
        view.feedback(), view.tags(), view.duplicates().stream().map(Feedback::id).toList());
  }

  /** The JSON of feedback for the uniform {@code /api/v1/items/{item}} endpoint. */
  public Object representation(User user, ItemAccess access) {
    return of(feedback.get(user, Long.toString(access.id())));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    JsonNode body = object(ctx);
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw Invalid.field(name, "is not a field of feedback");
      }
    }
    User user = Requests.user(ctx);
    FeedbackService.View now = feedback.get(user, ctx.pathParam("feedback"));
    Feedback f = now.feedback();
    Validation v = new Validation();
    String happenedText = text(body, "happened_at", null);
    Instant happened =
        body.has("happened_at")
            ? FeedbackFilter.date(v, "happened_at", happenedText, false)
            : f.happenedAt();
    v.orThrow();
    FeedbackDraft draft =
        new FeedbackDraft(
            text(body, "text", f.text()),
            body.has("summary") ? text(body, "summary", null) : keptSummary(f),
            text(body, "source", f.source().id()),
            number(body, "customer_id", f.customerId()),
            number(body, "contact_id", f.contactId()),
            happened,
            importance(body, f.importance()),
            text(body, "external_id", f.externalId()),
            text(body, "status", f.status().id()),
            tags(body));
    Feedback updated = feedback.update(user, Long.toString(f.id()), expected, draft);
    respond(ctx, feedback.get(user, Long.toString(updated.id())));
  }

  /** The summary kept by a change that leaves it out: a summary taken from the text follows it. */
  private static String keptSummary(Feedback f) {
    return f.summary().equals(FeedbackDraft.summaryOf(f.text())) ? null : f.summary();
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    feedback.delete(Requests.user(ctx), ctx.pathParam("feedback"), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    User user = Requests.user(ctx);
    Feedback f = feedback.restore(user, ctx.pathParam("feedback"));
    respond(ctx, feedback.get(user, Long.toString(f.id())));
  }

  private void links(Context ctx) {
    List<LinkJson> list =
        feedback.links(Requests.user(ctx), ctx.pathParam("feedback")).stream()
            .map(LinkJson::of)
            .toList();
    ctx.json(new ListJson<>(list, list.size(), null));
  }

  private void link(Context ctx) {
    LinkInput input = Requests.body(ctx, json, LinkInput.class);
    Link l = feedback.link(Requests.user(ctx), ctx.pathParam("feedback"), input.target());
    ctx.status(201).json(LinkJson.of(l));
  }

  private void unlink(Context ctx) {
    feedback.unlink(Requests.user(ctx), ctx.pathParam("feedback"), Requests.idParam(ctx, "link"));
    ctx.status(204);
  }

  private void merge(Context ctx) {
    MergeInput input = Requests.body(ctx, json, MergeInput.class);
    User user = Requests.user(ctx);
    Feedback f = feedback.merge(user, ctx.pathParam("feedback"), input.ids());
    respond(ctx, feedback.get(user, Long.toString(f.id())));
  }

  private void demand(Context ctx) {
    ctx.json(DemandJson.of(feedback.demand(Requests.user(ctx), ctx.pathParam("item"))));
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

  private static Long number(JsonNode body, String name, Long kept) {
    JsonNode value = body.get(name);
    if (value == null) {
      return kept;
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw Invalid.field(name, "must be a whole number");
    }
    return value.longValue();
  }

  private static Integer importance(JsonNode body, Integer kept) {
    Long value = number(body, "importance", kept == null ? null : kept.longValue());
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw Invalid.field("importance", "must be 0, 1, 2 or 3");
    }
    return value.intValue();
  }

  private static List<String> tags(JsonNode body) {
    JsonNode value = body.get("tags");
    if (value == null) {
      return null;
    }
    if (value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw Invalid.field("tags", "must be a list of tag names");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw Invalid.field("tags[" + i + "]", "must be a string");
      }
      out.add(value.get(i).textValue());
    }
    return out;
  }
}
