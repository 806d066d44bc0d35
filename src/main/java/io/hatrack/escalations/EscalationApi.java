package io.hatrack.escalations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.Product;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Escalations, their timelines and SLA clocks, and the escalation metrics over the API. */
public final class EscalationApi implements Routes {
  private static final String TAG = "Escalations";
  private static final String BASE = "/api/v1/products/{product}/escalations";

  private final EscalationService escalations;
  private final EscalationDashboard dashboard;
  private final ObjectMapper json;

  public EscalationApi(
      EscalationService escalations, EscalationDashboard dashboard, ObjectMapper json) {
    this.escalations = escalations;
    this.dashboard = dashboard;
    this.json = json;
  }

  /** A customer as an escalation names it. */
  public record CustomerRef(long id, String name, String segment) {}

  /** A person as an escalation names them. */
  public record PersonRef(long id, String name) {}

  /** The policy an escalation's clocks run on. */
  public record PolicyRef(long id, String name, boolean businessHours) {}

  /**
   * One SLA clock: target and business time used (minutes), the share used, when it is due (null
   * while paused or once met), whether it is paused or stopped, and its status (on_track,
   * breaching_soon, breached, met).
   */
  public record ClockJson(
      long targetMinutes,
      double elapsedMinutes,
      double usedPercent,
      Instant dueAt,
      boolean paused,
      boolean stopped,
      String status) {}

  /** Both clocks, and the worse of their statuses. */
  public record SlaJson(
      String status, boolean paused, ClockJson firstResponse, ClockJson resolution) {}

  /** An escalation with its SLA state. */
  public record EscalationJson(
      long id,
      String key,
      String title,
      String description,
      CustomerRef customer,
      String severity,
      String status,
      PersonRef owner,
      PolicyRef policy,
      SlaJson sla,
      Instant openedAt,
      Instant firstResponseAt,
      Instant resolvedAt,
      Instant closedAt,
      long version) {}

  /** An escalation with its timeline, newest last. */
  public record EscalationDetailJson(EscalationJson escalation, List<TimelineJson> timeline) {}

  /** One event of a timeline. */
  public record TimelineJson(
      long id, String kind, String body, String from, String to, PersonRef actor, Instant at) {}

  /** Opening or changing an escalation; absent fields keep their value when changing. */
  public record EscalationInput(
      String customer, String title, String description, String severity, String owner) {}

  /** Moving an escalation to another status, with an optional note. */
  public record StatusInput(String status, String note) {}

  /** A note ({@code kind} note) or a customer update ({@code kind} customer_update). */
  public record PostInput(String kind, String text) {}

  /** Linking to a feature or bug by key. */
  public record LinkInput(String target) {}

  /** A link as made. */
  public record LinkJson(long id, String type, String label, String target) {}

  /** Metrics of a set of escalations; durations in minutes of business time, null when none. */
  public record MetricsRowJson(
      String product,
      int escalations,
      int responded,
      Double meanFirstResponseMinutes,
      Double medianFirstResponseMinutes,
      int resolved,
      Double meanResolutionMinutes,
      Double medianResolutionMinutes,
      Double firstResponseCompliancePercent,
      Double resolutionCompliancePercent) {}

  /** The metrics of the escalations opened in a period (days inclusive, UTC). */
  public record MetricsJson(
      LocalDate from,
      LocalDate to,
      String product,
      MetricsRowJson overall,
      List<MetricsRowJson> products) {}

  @Override
  public void register(Router r) {
    r.get(BASE, this::list)
        .summary("A product's escalations, newest first, each with its SLA state")
        .tag(TAG)
        .query("status", "open (not resolved or closed) or one status")
        .query("severity", "S1, S2, S3 or S4")
        .query("customer", "A customer's id, external id or name")
        .query("owner", "An owner's handle or id")
        .query("limit", "At most this many (1 to 500, default 100)")
        .returnsList(EscalationJson.class);
    r.post(BASE, this::create)
        .summary("Open an escalation for a customer (editors)")
        .tag(TAG)
        .body(EscalationInput.class)
        .returns(201, EscalationJson.class);
    r.get(BASE + "/{key}", this::get)
        .summary("An escalation with its SLA state and timeline")
        .tag(TAG)
        .etag()
        .returns(200, EscalationDetailJson.class);
    r.patch(BASE + "/{key}", this::update)
        .summary("Change an escalation (editors); absent fields are kept")
        .tag(TAG)
        .body(EscalationInput.class)
        .ifMatch()
        .etag()
        .returns(200, EscalationJson.class);
    r.post(BASE + "/{key}/status", this::status)
        .summary("Move an escalation to another status (editors)")
        .description(
            "new → investigating → waiting_on_customer ⇄ investigating → resolved → closed;"
                + " resolved or closed may be reopened to investigating. The SLA clocks pause"
                + " while waiting on the customer and stop when resolved.")
        .tag(TAG)
        .body(StatusInput.class)
        .ifMatch()
        .etag()
        .returns(200, EscalationJson.class);
    r.get(BASE + "/{key}/timeline", this::timeline)
        .summary("An escalation's timeline, newest last")
        .tag(TAG)
        .returnsList(TimelineJson.class);
    r.post(BASE + "/{key}/timeline", this::post)
        .summary("Write an internal note or a customer update (the first is the first response)")
        .tag(TAG)
        .body(PostInput.class)
        .returns(201, TimelineJson.class);
    r.post(BASE + "/{key}/links", this::link)
        .summary("Link an escalation to the feature or bug behind it (editors)")
        .tag(TAG)
        .body(LinkInput.class)
        .returns(201, LinkJson.class);
    r.get("/api/v1/workspaces/{workspace}/escalation-metrics", this::metrics)
        .summary("Time to first response and to resolution, and SLA compliance, over a period")
        .description(
            "Over the escalations opened from `from` to `to` (days, inclusive); durations in"
                + " minutes of business time per each escalation's policy; compliance is the"
                + " share of clocks that met their target among those that met or breached it.")
        .tag(TAG)
        .query("from", "First day (ISO date); default 29 days before to")
        .query("to", "Last day (ISO date); default today")
        .query("product", "Only this product (slug, key or id)")
        .returns(200, MetricsJson.class);
  }

  private void list(Context ctx) {
    EscalationService.Listing l =
        escalations.list(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.queryParam("status"),
            ctx.queryParam("severity"),
            ctx.queryParam("customer"),
            ctx.queryParam("owner"),
            Requests.limit(ctx, 100));
    List<EscalationJson> out = l.escalations().stream().map(EscalationApi::json).toList();
    ctx.json(new ListJson<>(out, out.size(), null));
  }

  private static EscalationDraft draft(EscalationInput in) {
    return new EscalationDraft(
        in.customer(), in.title(), in.description(), in.severity(), in.owner());
  }

  private void create(Context ctx) {
    EscalationInput in = Requests.body(ctx, json, EscalationInput.class);
    User user = Requests.user(ctx);
    String product = ctx.pathParam("product");
    Escalation x = escalations.create(user, product, draft(in));
    ctx.header("Location", "/api/v1/products/" + product + "/escalations/" + x.key());
    respond(ctx.status(201), escalations.get(user, product, x.key()).sla());
  }

  private void get(Context ctx) {
    EscalationService.View v =
        escalations.get(Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("key"));
    Requests.etag(ctx, v.escalation().version());
    ctx.json(
        new EscalationDetailJson(
            json(v.sla()), v.timeline().stream().map(EscalationApi::json).toList()));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    EscalationInput in = Requests.body(ctx, json, EscalationInput.class);
    User user = Requests.user(ctx);
    EscalationService.View v =
        escalations.get(user, ctx.pathParam("product"), ctx.pathParam("key"));
    escalations.update(user, Long.toString(v.escalation().id()), expected, draft(in));
    respond(ctx, escalations.get(user, ctx.pathParam("product"), ctx.pathParam("key")).sla());
  }

  private void status(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    StatusInput in = Requests.body(ctx, json, StatusInput.class);
    User user = Requests.user(ctx);
    EscalationService.View v =
        escalations.get(user, ctx.pathParam("product"), ctx.pathParam("key"));
    escalations.changeStatus(
        user, Long.toString(v.escalation().id()), expected, in.status(), in.note());
    respond(ctx, escalations.get(user, ctx.pathParam("product"), ctx.pathParam("key")).sla());
  }

  private void timeline(Context ctx) {
    EscalationService.View v =
        escalations.get(Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("key"));
    List<TimelineJson> out = v.timeline().stream().map(EscalationApi::json).toList();
    ctx.json(new ListJson<>(out, out.size(), null));
  }

  private void post(Context ctx) {
    PostInput in = Requests.body(ctx, json, PostInput.class);
    User user = Requests.user(ctx);
    EscalationService.View v =
        escalations.get(user, ctx.pathParam("product"), ctx.pathParam("key"));
    TimelineEntry e =
        escalations.post(user, Long.toString(v.escalation().id()), in.kind(), in.text());
    ctx.status(201).json(json(e));
  }

  private void link(Context ctx) {
    LinkInput in = Requests.body(ctx, json, LinkInput.class);
    User user = Requests.user(ctx);
    EscalationService.View v =
        escalations.get(user, ctx.pathParam("product"), ctx.pathParam("key"));
    Link l = escalations.link(user, Long.toString(v.escalation().id()), in.target());
    ctx.status(201).json(new LinkJson(l.id(), l.type(), l.label(), l.other().key()));
  }

  private void metrics(Context ctx) {
    EscalationDashboard.Metrics m =
        dashboard.metrics(
            Requests.user(ctx),
            ctx.pathParam("workspace"),
            ctx.queryParam("product"),
            dashboard.period(ctx.queryParam("from"), ctx.queryParam("to")));
    ctx.json(
        new MetricsJson(
            m.period().from(),
            m.period().to(),
            m.product() == null ? null : m.product().slug(),
            json(null, m.overall()),
            m.byProduct().entrySet().stream().map(e -> json(e.getKey(), e.getValue())).toList()));
  }

  static MetricsRowJson json(Product product, EscalationMetrics m) {
    return new MetricsRowJson(
        product == null ? null : product.slug(),
        m.escalations(),
        m.responded(),
        minutes(m.meanFirstResponse()),
        minutes(m.medianFirstResponse()),
        m.resolved(),
        minutes(m.meanResolution()),
        minutes(m.medianResolution()),
        round(m.firstResponseCompliance()),
        round(m.resolutionCompliance()));
  }

  private static Double minutes(Duration d) {
    return d == null ? null : Math.round(d.toMillis() / 600.0) / 100.0;
  }

  private static Double round(Double v) {
    return v == null ? null : Math.round(v * 10) / 10.0;
  }

  private static void respond(Context ctx, EscalationService.Sla s) {
    Requests.etag(ctx, s.escalation().version());
    ctx.json(json(s));
  }

  static EscalationJson json(EscalationService.Sla s) {
    Escalation x = s.escalation();
    SlaEvaluation.State st = s.state();
    return new EscalationJson(
        x.id(),
        x.key(),
        x.title(),
        x.description(),
        new CustomerRef(x.customerId(), x.customerName(), x.customerSegment()),
        x.severity().id(),
        x.status().id(),
        x.ownerId() == null ? null : new PersonRef(x.ownerId(), x.ownerName()),
        new PolicyRef(s.policy().id(), s.policy().name(), s.policy().businessHours()),
        new SlaJson(
            st.overall().id(), st.paused(), json(st.firstResponse()), json(st.resolution())),
        x.openedAt(),
        x.firstResponseAt(),
        x.resolvedAt(),
        x.closedAt(),
        x.version());
  }

  private static ClockJson json(SlaEvaluation.Reading r) {
    return new ClockJson(
        r.target().toMinutes(),
        Math.round(r.elapsed().toMillis() / 600.0) / 100.0,
        Math.round(r.usedPercent() * 10) / 10.0,
        r.dueAt(),
        r.paused(),
        r.stopped(),
        r.status().id());
  }

  static TimelineJson json(TimelineEntry e) {
    return new TimelineJson(
        e.id(),
        e.kind().id(),
        e.body(),
        e.from(),
        e.to(),
        e.actorId() == null ? null : new PersonRef(e.actorId(), e.actorName()),
        e.at());
  }
}
