package io.hatrack.discovery.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.research.ResearchJson.InsightInput;
import io.hatrack.discovery.research.ResearchJson.InsightJson;
import io.hatrack.discovery.research.ResearchJson.InsightSupportInput;
import io.hatrack.discovery.research.ResearchJson.InsightSupportJson;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Markdown;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.Link;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** A product's insights over the API: quotes from research with tags and "supports" links. */
public final class InsightApi implements Routes {
  private static final String TAG = "Research";
  private static final String BASE = "/api/v1/products/{product}/insights";
  private static final String ONE = BASE + "/{insight}";

  private final InsightService insights;
  private final Html html;
  private final ObjectMapper json;

  public InsightApi(InsightService insights, Html html, ObjectMapper json) {
    this.insights = insights;
    this.html = html;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.get(BASE, this::list)
        .summary("A product's insights, newest first")
        .tag(TAG)
        .query("study", "only the insights of this study (id or key)")
        .query("tag", "only the insights with this tag")
        .paged()
        .returnsList(InsightJson.class);
    r.post(BASE, this::create)
        .summary("Create an insight (editors), e.g. from a passage highlighted in a session")
        .description(
            "With session_id, the quote must occur in that session's notes or transcript (source:"
                + " notes or transcript narrows it; segment says where the highlight began); the"
                + " insight then keeps the study, segment, offsets, time and participant (the"
                + " speaker's, or the session's only participant). tags are tag names; supports are"
                + " ids or keys of items this insight is evidence for (\"supports\" links). All of"
                + " it is saved together or not at all.")
        .tag(TAG)
        .body(InsightInput.class)
        .returns(201, InsightJson.class);
    r.get(ONE, this::get)
        .summary("An insight by id or key")
        .tag(TAG)
        .etag()
        .returns(200, InsightJson.class);
    r.patch(ONE, this::update)
        .summary("Change an insight's quote, note or tags (editors); absent fields are kept")
        .tag(TAG)
        .body(InsightInput.class)
        .ifMatch()
        .etag()
        .returns(200, InsightJson.class);
    r.delete(ONE, this::delete)
        .summary("Delete an insight (editors); it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post(ONE + "/restore", this::restore)
        .summary("Restore a deleted insight (editors)")
        .tag(TAG)
        .returns(200, InsightJson.class);
    r.get(ONE + "/links", this::links)
        .summary("The items an insight supports")
        .tag(TAG)
        .returnsList(InsightSupportJson.class);
    r.post(ONE + "/links", this::link)
        .summary("Link the insight to an item it supports (editors)")
        .tag(TAG)
        .body(InsightSupportInput.class)
        .returns(201, InsightSupportJson.class);
    r.delete(ONE + "/links/{link}", this::unlink)
        .summary("Remove one of the insight's links (editors)")
        .tag(TAG)
        .noContent();
  }

  private String insight(Context ctx, boolean deletedToo) {
    return Long.toString(
        insights.idIn(
            Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("insight"), deletedToo));
  }

  private void list(Context ctx) {
    InsightService.Listing listing =
        insights.list(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.queryParam("study"),
            ctx.queryParam("tag"),
            ctx.queryParam("cursor"),
            Requests.limit(ctx, 50));
    Markdown.Context context = html.markdownContext(listing.product().workspace());
    ctx.json(
        new ListJson<>(
            listing.slice().items().stream().map(v -> json(v, context)).toList(),
            listing.slice().total(),
            listing.slice().nextCursor()));
  }

  private void create(Context ctx) {
    InsightInput in = Requests.body(ctx, json, InsightInput.class);
    User user = Requests.user(ctx);
    Insight i =
        insights.create(
            user,
            ctx.pathParam("product"),
            new InsightDraft(
                in.quote(),
                in.note(),
                in.studyId(),
                in.sessionId(),
                in.source(),
                in.segment(),
                in.participantId(),
                in.tags(),
                in.supports()));
    ctx.header("Location", "/api/v1/products/" + ctx.pathParam("product") + "/insights/" + i.id());
    respond(ctx.status(201), user, Long.toString(i.id()));
  }

  private void get(Context ctx) {
    respond(ctx, Requests.user(ctx), insight(ctx, false));
  }

  private void respond(Context ctx, User user, String ref) {
    InsightService.View view = insights.get(user, ref);
    Requests.etag(ctx, view.insight().insight().version());
    ctx.json(json(view.insight(), html.markdownContext(view.access().workspace())));
  }

  /** The JSON of an insight for the uniform {@code /api/v1/items/{item}} endpoint. */
  public Object representation(User user, ItemAccess access) {
    InsightService.View view = insights.get(user, Long.toString(access.id()));
    return json(view.insight(), html.markdownContext(view.access().workspace()));
  }

  private InsightJson json(InsightView v, Markdown.Context context) {
    Insight x = v.insight();
    Item i = x.item();
    return new InsightJson(
        i.id(),
        i.key(),
        InsightService.KIND,
        x.quote(),
        x.note(),
        html.markdown(x.note(), context),
        x.studyId(),
        x.studyTitle(),
        x.sessionId(),
        x.sessionDate() == null ? null : x.sessionDate().toString(),
        x.source(),
        x.segment(),
        x.startOffset(),
        x.endOffset(),
        x.startMs(),
        x.participantId(),
        x.participantName(),
        v.tags(),
        v.supports().stream().map(InsightSupportJson::of).toList(),
        i.version(),
        i.productId(),
        i.createdBy(),
        i.createdAt(),
        i.updatedAt(),
        "/i/" + i.key());
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    JsonNode body = ResearchJson.object(ctx, json, Set.of("quote", "note", "tags"), "an insight");
    User user = Requests.user(ctx);
    String ref = insight(ctx, false);
    Insight x = insights.get(user, ref).insight().insight();
    insights.update(
        user,
        ref,
        expected,
        ResearchJson.text(body, "quote", x.quote()),
        ResearchJson.text(body, "note", x.note()),
        ResearchJson.texts(body, "tags"));
    respond(ctx, user, ref);
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    insights.delete(Requests.user(ctx), insight(ctx, false), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    User user = Requests.user(ctx);
    Insight i = insights.restore(user, insight(ctx, true));
    respond(ctx, user, Long.toString(i.id()));
  }

  private void links(Context ctx) {
    List<InsightSupportJson> all =
        insights.get(Requests.user(ctx), insight(ctx, false)).insight().supports().stream()
            .map(InsightSupportJson::of)
            .toList();
    ctx.json(new ListJson<>(all, all.size(), null));
  }

  private void link(Context ctx) {
    InsightSupportInput in = Requests.body(ctx, json, InsightSupportInput.class);
    User user = Requests.user(ctx);
    Link l = insights.support(user, insight(ctx, false), in.target());
    ctx.status(201).json(InsightSupportJson.of(new InsightView.Supported(l.id(), l.other())));
  }

  private void unlink(Context ctx) {
    insights.unsupport(Requests.user(ctx), insight(ctx, false), Requests.idParam(ctx, "link"));
    ctx.status(204);
  }
}
