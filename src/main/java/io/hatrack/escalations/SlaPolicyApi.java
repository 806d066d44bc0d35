package io.hatrack.escalations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SLA policies of a workspace, and the policy a product picks, over the API. */
public final class SlaPolicyApi implements Routes {
  private static final String TAG = "SLA policies";
  private static final String BASE = "/api/v1/workspaces/{workspace}/sla-policies";

  private final SlaPolicyService policies;
  private final ObjectMapper json;

  public SlaPolicyApi(SlaPolicyService policies, ObjectMapper json) {
    this.policies = policies;
    this.json = json;
  }

  /** Business hours: time zone, working days (mon..sun), start and end (HH:MM), holidays. */
  public record HoursJson(
      String timeZone, List<String> workDays, String start, String end, List<String> holidays) {}

  /** A severity's targets in minutes of business time. */
  public record TargetJson(long firstResponseMinutes, long resolutionMinutes) {}

  /** A policy; business_hours null means the clocks run around the clock. */
  public record PolicyJson(
      long id,
      String name,
      boolean isDefault,
      HoursJson businessHours,
      Map<String, TargetJson> targets,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * Creating or changing a policy; absent fields keep their value. {@code business_hours} false
   * makes the clocks run around the clock.
   */
  public record PolicyInput(
      String name,
      Boolean isDefault,
      Boolean businessHours,
      String timeZone,
      List<String> workDays,
      String start,
      String end,
      List<String> holidays,
      Map<String, SlaPolicyDraft.Target> targets) {}

  /** A product's choice: a policy id, or null for the workspace's default. */
  public record PickInput(Long policy) {}

  @Override
  public void register(Router r) {
    r.get(BASE, this::list)
        .summary("A workspace's SLA policies, the default first")
        .tag(TAG)
        .returnsList(PolicyJson.class);
    r.post(BASE, this::create)
        .summary("Create an SLA policy (editors)")
        .tag(TAG)
        .body(PolicyInput.class)
        .returns(201, PolicyJson.class);
    r.get(BASE + "/{id}", this::get)
        .summary("An SLA policy")
        .tag(TAG)
        .etag()
        .returns(200, PolicyJson.class);
    r.patch(BASE + "/{id}", this::update)
        .summary("Change an SLA policy (editors); absent fields are kept")
        .tag(TAG)
        .body(PolicyInput.class)
        .ifMatch()
        .etag()
        .returns(200, PolicyJson.class);
    r.delete(BASE + "/{id}", this::delete)
        .summary("Delete an SLA policy that is not the default (editors)")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.get("/api/v1/products/{product}/sla-policy", this::ofProduct)
        .summary("The SLA policy a product's new escalations run on")
        .tag(TAG)
        .returns(200, PolicyJson.class);
    r.put("/api/v1/products/{product}/sla-policy", this::pick)
        .summary("Pick a product's SLA policy (null: the workspace's default) (editors)")
        .tag(TAG)
        .body(PickInput.class)
        .returns(200, PolicyJson.class);
  }

  private void list(Context ctx) {
    SlaPolicyService.Listing l = policies.list(Requests.user(ctx), ctx.pathParam("workspace"));
    List<PolicyJson> out = l.policies().stream().map(SlaPolicyApi::json).toList();
    ctx.json(new ListJson<>(out, out.size(), null));
  }

  private static SlaPolicyDraft draft(PolicyInput in) {
    return new SlaPolicyDraft(
        in.name(),
        in.isDefault(),
        in.businessHours(),
        in.timeZone(),
        in.workDays(),
        in.start(),
        in.end(),
        in.holidays(),
        in.targets());
  }

  private void create(Context ctx) {
    PolicyInput in = Requests.body(ctx, json, PolicyInput.class);
    String ws = ctx.pathParam("workspace");
    SlaPolicy p = policies.create(Requests.user(ctx), ws, draft(in));
    ctx.header("Location", "/api/v1/workspaces/" + ws + "/sla-policies/" + p.id());
    respond(ctx.status(201), p);
  }

  private void get(Context ctx) {
    respond(
        ctx,
        policies.get(Requests.user(ctx), ctx.pathParam("workspace"), Requests.idParam(ctx, "id")));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    PolicyInput in = Requests.body(ctx, json, PolicyInput.class);
    User user = Requests.user(ctx);
    respond(
        ctx,
        policies.update(
            user, ctx.pathParam("workspace"), Requests.idParam(ctx, "id"), expected, draft(in)));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    policies.delete(
        Requests.user(ctx), ctx.pathParam("workspace"), Requests.idParam(ctx, "id"), expected);
    ctx.status(204);
  }

  private void ofProduct(Context ctx) {
    ctx.json(json(policies.ofProduct(Requests.user(ctx), ctx.pathParam("product"))));
  }

  private void pick(Context ctx) {
    PickInput in = Requests.body(ctx, json, PickInput.class);
    ctx.json(json(policies.pick(Requests.user(ctx), ctx.pathParam("product"), in.policy())));
  }

  private static void respond(Context ctx, SlaPolicy p) {
    Requests.etag(ctx, p.version());
    ctx.json(json(p));
  }

  static PolicyJson json(SlaPolicy p) {
    Map<String, TargetJson> targets = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      SlaTargets t = p.targets(s);
      targets.put(
          s.id(), new TargetJson(t.firstResponse().toMinutes(), t.resolution().toMinutes()));
    }
    BusinessHours h = p.hours();
    return new PolicyJson(
        p.id(),
        p.name(),
        p.isDefault(),
        h == null
            ? null
            : new HoursJson(
                h.zone().getId(),
                h.days().stream().sorted().map(SlaPolicyService::weekday).toList(),
                h.start().toString(),
                h.end().toString(),
                h.holidays().stream().map(Object::toString).toList()),
        targets,
        p.version(),
        p.createdAt(),
        p.updatedAt());
  }
}
