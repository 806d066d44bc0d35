package io.hatrack.planning.plans;

import io.hatrack.definition.StateCategory;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemService;
import io.hatrack.definition.WorkItemType;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.LinkService;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.planning.solver.LeftOutItem;
import io.hatrack.planning.solver.PlanStatus;
import io.hatrack.planning.solver.ReleasePlan;
import io.hatrack.planning.solver.ReleasePlanner;
import io.hatrack.planning.teams.ItemEffort;
import io.hatrack.planning.teams.PlanningPeriod;
import io.hatrack.planning.teams.Team;
import io.hatrack.planning.teams.TeamService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Release plans of a product: solved by {@link ReleasePlanner} over the product's open items of
 * chosen types (values from a scoring model, efforts per team, depends-on links), stored with the
 * solver's objective, bound, gap, the greedy plan and why each item was left out; what-if scenarios
 * under a plan; and accepting a plan or scenario, which puts every planned item on the roadmap.
 * Solving runs outside any transaction (it may take seconds); storing is one transaction, so a plan
 * that cannot be solved leaves nothing behind.
 */
public final class PlanService {
  private static final int MAX_CANDIDATES = 2_000;

  private final Database db;
  private final PlanStore store;
  private final ProductService products;
  private final TeamService teams;
  private final WorkItemService workItems;
  private final LinkService links;
  private final AuditLog audit;
  private final Clock clock;
  private final ReleasePlanner planner = new ReleasePlanner();

  public PlanService(
      Database db,
      PlanStore store,
      ProductService products,
      TeamService teams,
      WorkItemService workItems,
      LinkService links,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.teams = teams;
    this.workItems = workItems;
    this.links = links;
    this.audit = audit;
    this.clock = clock;
  }

  /** A scenario of a plan, with the items it plans that the base does not, and the reverse. */
  public record ScenarioView(
      Plan plan, List<PlanItemRow> items, List<String> in, List<String> out) {}

  /** A plan with everything its page shows. */
  public record Detail(
      ProductAccess product,
      Plan plan,
      Plan base,
      List<PlanningPeriod> periods,
      List<Team> teams,
      List<PlanItemRow> items,
      Map<String, Map<Long, Double>> capacity,
      List<ScenarioView> scenarios) {

    public List<PlanItemRow> planned(String period) {
      return items.stream().filter(i -> period.equals(i.period())).toList();
    }

    public List<PlanItemRow> leftOut() {
      return items.stream().filter(i -> !i.planned()).toList();
    }

    public double capacity(String period, long teamId) {
      return capacity.getOrDefault(period, Map.of()).getOrDefault(teamId, 0.0);
    }

    /** The effort the plan puts on a team in a period, in the team's unit. */
    public double load(String period, long teamId) {
      return planned(period).stream().mapToDouble(i -> i.effort().getOrDefault(teamId, 0.0)).sum();
    }

    public boolean canEdit() {
      return product.role().atLeast(Role.EDITOR);
    }

    /** An item's effort per team as shown, e.g. "Payments 16 · Checkout web 12.5". */
    public String effortText(PlanItemRow item) {
      List<String> parts = new ArrayList<>();
      for (Team t : teams) {
        Double e = item.effort().get(t.id());
        if (e != null) {
          parts.add(
              t.name() + " " + (e == Math.rint(e) ? Long.toString(e.longValue()) : e.toString()));
        }
      }
      return parts.isEmpty() ? "no effort" : String.join(" · ", parts);
    }
  }

  /** A product's plans, and what a new plan can use. */
  public record Listing(
      ProductAccess product, List<Plan> plans, List<Team> teams, List<PlanStore.Model> models) {}

  public Listing list(User actor, String productRef) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          return new Listing(
              product,
              store.list(h, product.id()),
              teams.teams(h, product.workspace().id()),
              store.models(h, product.id()));
        });
  }

  public Detail get(User actor, String productRef, long planId) {
    return db.read(h -> detail(h, products.access(h, actor, productRef), planId));
  }

  /**
   * Solves and stores a plan; infeasible or bad input throws {@link Invalid} and stores nothing.
   */
  public Detail create(User actor, String productRef, PlanRequest request) {
    ProductAccess product =
        products.access(actor, productRef).require(Role.EDITOR, "plan releases");
    return solveAndStore(actor, product, request, ScenarioChanges.none(), null);
  }

  /** Solves and stores a what-if scenario of a plan: its request with {@code changes}. */
  public Detail scenario(User actor, String productRef, long planId, ScenarioChanges changes) {
    ProductAccess product =
        products.access(actor, productRef).require(Role.EDITOR, "plan releases");
    Plan base = db.read(h -> plan(h, product, planId));
    if (base.scenario()) {
      throw Invalid.field("plan", "a scenario is made from a plan, not from another scenario");
    }
    if (changes.unchanged()) {
      throw Invalid.field("changes", "change a capacity, drop an item or move a deadline");
    }
    PlanRequest r = base.request().request();
    String name =
        changes.name() == null || changes.name().isBlank()
            ? "What if #" + (db.read(h -> store.scenarios(h, planId)).size() + 1)
            : changes.name().strip();
    return solveAndStore(
        actor,
        product,
        new PlanRequest(
            name,
            r.periods(),
            r.teams(),
            r.model(),
            r.types(),
            r.moscowRule(),
            r.discount(),
            r.timeLimitSeconds(),
            r.deadlines(),
            r.pins(),
            r.exclusions()),
        changes,
        base);
  }

  private Detail solveAndStore(
      User actor, ProductAccess product, PlanRequest request, ScenarioChanges changes, Plan base) {
    String name =
        request.name() == null || request.name().isBlank() ? null : request.name().strip();
    if (name != null && name.length() > 120) {
      throw Invalid.field("name", "must be at most 120 characters");
    }
    List<WorkItem> open = candidates(actor, product, request.types());
    Framed framed = db.read(h -> frame(h, product, request, changes, open));
    ReleasePlan result = planner.solve(framed.built().problem());
    if (result.status() == PlanStatus.INFEASIBLE) {
      throw new Invalid(
          result.conflicts().stream()
              .map(c -> new FieldError("constraints", PlanningInputs.inTeamUnits(c)))
              .toList());
    }
    if (!result.hasPlan()) {
      throw Invalid.field(
          "time_limit_seconds",
          "no plan was found within the time limit; allow more time or plan fewer items");
    }
    String finalName =
        name != null
            ? name
            : "Plan "
                + framed.built().periods().get(0).label()
                + (framed.built().periods().size() > 1
                    ? " – "
                        + framed.built().periods().get(framed.built().periods().size() - 1).label()
                    : "");
    return db.tx(
        h -> {
          ProductAccess p =
              products
                  .access(h, actor, Long.toString(product.id()))
                  .require(Role.EDITOR, "plan releases");
          long id = store(h, actor, p, framed, result, finalName, request, changes, base);
          audit.record(
              h,
              new Change(
                  p.workspace().id(),
                  p.id(),
                  null,
                  actor.id(),
                  base == null ? "plan.created" : "plan.scenario",
                  (base == null ? "solved the release plan " : "solved the what-if ") + finalName,
                  null,
                  Map.of("plan", id, "objective", result.objective()),
                  true));
          return detail(h, p, id);
        });
  }

  private record Framed(PlanningInputs.Built built, PlanStore.Model model) {}

  private List<WorkItem> candidates(User actor, ProductAccess product, List<String> types) {
    List<WorkItem> out = new ArrayList<>();
    Set<WorkItemType> seen = new LinkedHashSet<>();
    for (String t : types) {
      WorkItemType type = WorkItemType.parse("types", t);
      if (!seen.add(type)) {
        continue;
      }
      String cursor = null;
      do {
        WorkItemService.Listing page =
            workItems.list(actor, Long.toString(product.id()), type.id(), null, "key", cursor, 200);
        for (WorkItem w : page.slice().items()) {
          if (w.state().category() != StateCategory.DONE) {
            out.add(w);
          }
        }
        cursor = page.slice().nextCursor();
      } while (cursor != null && out.size() <= MAX_CANDIDATES);
    }
    if (out.size() > MAX_CANDIDATES) {
      throw Invalid.field("types", "more than " + MAX_CANDIDATES + " open items; plan fewer types");
    }
    return out;
  }

  private Framed frame(
      Handle h,
      ProductAccess product,
      PlanRequest request,
      ScenarioChanges changes,
      List<WorkItem> open) {
    List<PlanStore.Model> models = store.models(h, product.id());
    PlanStore.Model model = model(models, request.model());
    List<Long> ids = open.stream().map(WorkItem::id).toList();
    Map<Long, Double> scores = store.scores(h, model.id(), ids);
    Map<Long, String> moscow = Map.of();
    if (Boolean.TRUE.equals(request.moscowRule())) {
      PlanStore.Model m =
          models.stream()
              .filter(x -> x.kind().equals("moscow"))
              .findFirst()
              .orElseThrow(
                  () ->
                      Invalid.field(
                          "moscow_rule",
                          "needs a MoSCoW model of the product to know which items are Must-haves"));
      moscow = store.moscow(h, m.id());
    }
    Map<Long, List<ItemEffort>> efforts = teams.efforts(h, ids);
    Map<Long, String> keyOf = new LinkedHashMap<>();
    open.forEach(w -> keyOf.put(w.id(), w.key()));
    List<PlanningInputs.Candidate> candidates = new ArrayList<>();
    for (WorkItem w : open) {
      Map<Long, Double> effort = new LinkedHashMap<>();
      efforts.getOrDefault(w.id(), List.of()).forEach(e -> effort.put(e.team().id(), e.effort()));
      List<String> dependsOn = new ArrayList<>();
      for (Link l : links.list(h, w.id())) {
        if (l.type().equals(LinkTypes.DEPENDS.id()) && l.outgoing()) {
          String other = keyOf.get(l.other().id());
          if (other != null) {
            dependsOn.add(other);
          }
        }
      }
      candidates.add(
          new PlanningInputs.Candidate(
              w.id(),
              w.key(),
              w.title(),
              scores.get(w.id()),
              effort,
              moscow.get(w.id()),
              dependsOn));
    }
    PlanningInputs.Built built =
        PlanningInputs.build(
            request,
            changes,
            teams.teams(h, product.workspace().id()),
            model.name(),
            candidates,
            (team, period) -> teams.capacity(h, team, period).capacity());
    return new Framed(built, model);
  }

  private static PlanStore.Model model(List<PlanStore.Model> models, String name) {
    if (name != null && !name.isBlank()) {
      return models.stream()
          .filter(m -> m.name().equalsIgnoreCase(name.strip()))
          .findFirst()
          .orElseThrow(() -> Invalid.field("model", "the product has no scoring model " + name));
    }
    return models.stream()
        .filter(m -> !m.kind().equals("moscow"))
        .findFirst()
        .or(() -> models.stream().findFirst())
        .orElseThrow(
            () ->
                Invalid.field(
                    "model",
                    "the product has no scoring model yet: score the backlog first, so the plan"
                        + " knows what each item is worth"));
  }

  private long store(
      Handle h,
      User actor,
      ProductAccess product,
      Framed framed,
      ReleasePlan result,
      String name,
      PlanRequest request,
      ScenarioChanges changes,
      Plan base) {
    PlanningInputs.Built built = framed.built();
    long id =
        store.insert(
            h,
            new PlanStore.NewPlan(
                product.id(),
                base == null ? null : base.id(),
                name,
                new StoredRequest(request, changes),
                framed.model().id(),
                result.status().name().toLowerCase(Locale.ROOT),
                result.objective(),
                result.bound(),
                result.gapPercent(),
                result.greedy().value(),
                result.solveTime().toMillis(),
                clock.instant(),
                actor.id()));
    Map<String, String> reasons = new LinkedHashMap<>(built.notPlanned());
    for (LeftOutItem l : result.leftOut()) {
      reasons.put(l.item(), PlanningInputs.inTeamUnits(l.reason()));
    }
    Map<String, Long> values = new LinkedHashMap<>();
    built.problem().items().forEach(i -> values.put(i.id(), i.value()));
    for (PlanningInputs.Candidate c : built.byKey().values()) {
      Map<Long, Double> effort = new LinkedHashMap<>();
      for (Team t : built.teams()) {
        Double e = c.effort().get(t.id());
        if (e != null) {
          effort.put(t.id(), e);
        }
      }
      String period = result.assignment().get(c.key());
      store.insertItem(
          h,
          id,
          new PlanItemRow(
              c.id(),
              c.key(),
              c.title(),
              period,
              result.greedy().assignment().get(c.key()),
              values.getOrDefault(
                  c.key(),
                  c.score() == null ? 0 : Math.round(c.score() * PlanningInputs.VALUE_SCALE)),
              effort,
              period == null ? reasons.getOrDefault(c.key(), "Left out.") : null));
    }
    built
        .capacity()
        .forEach(
            (period, row) ->
                row.forEach((team, cap) -> store.insertCapacity(h, id, period, team, cap)));
    return id;
  }

  private Plan plan(Handle h, ProductAccess product, long planId) {
    return store
        .byId(h, planId)
        .filter(p -> p.productId() == product.id())
        .orElseThrow(() -> new NotFound("plan"));
  }

  private Detail detail(Handle h, ProductAccess product, long planId) {
    Plan plan = plan(h, product, planId);
    Plan base = plan.parentId() == null ? null : store.byId(h, plan.parentId()).orElse(null);
    List<PlanItemRow> items = store.items(h, plan.id());
    List<ScenarioView> scenarios = new ArrayList<>();
    if (base == null) {
      Set<String> inBase = plannedKeys(items);
      for (Plan s : store.scenarios(h, plan.id())) {
        List<PlanItemRow> sItems = store.items(h, s.id());
        Set<String> inScenario = plannedKeys(sItems);
        List<String> in = inScenario.stream().filter(k -> !inBase.contains(k)).toList();
        List<String> out = inBase.stream().filter(k -> !inScenario.contains(k)).toList();
        scenarios.add(new ScenarioView(s, sItems, in, out));
      }
    }
    Map<String, Map<Long, Double>> capacity = store.capacities(h, plan.id());
    List<Team> planTeams = new ArrayList<>();
    Set<Long> teamIds = new LinkedHashSet<>();
    capacity.values().forEach(row -> teamIds.addAll(row.keySet()));
    for (Team t : teams.teams(h, product.workspace().id())) {
      if (teamIds.contains(t.id())) {
        planTeams.add(t);
      }
    }
    return new Detail(
        product,
        plan,
        base,
        PlanningInputs.periods(plan.request().request().periods()),
        planTeams,
        items,
        capacity,
        scenarios);
  }

  private static Set<String> plannedKeys(List<PlanItemRow> items) {
    Set<String> out = new LinkedHashSet<>();
    items.stream().filter(PlanItemRow::planned).forEach(i -> out.add(i.key()));
    return out;
  }

  /**
   * Accepts a plan or scenario: in one transaction, every planned item gets its roadmap place
   * (horizon now for the first period, next for the second, later after; the period's dates and
   * label as release; the team with the largest effort), and items this plan leaves out lose the
   * place an earlier accepted plan gave them.
   */
  public Detail accept(User actor, String productRef, long planId) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "accept plans");
          Detail d = detail(h, product, planId);
          List<Long> left = new ArrayList<>();
          int placed = 0;
          for (PlanItemRow i : d.items()) {
            if (!i.planned()) {
              left.add(i.itemId());
              continue;
            }
            int index = 0;
            while (!d.periods().get(index).id().equals(i.period())) {
              index++;
            }
            PlanningPeriod p = d.periods().get(index);
            Long team =
                i.effort().entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(null);
            store.schedule(
                h,
                i.itemId(),
                product.id(),
                index == 0 ? "now" : index == 1 ? "next" : "later",
                p.start().toString(),
                p.end().toString(),
                p.label(),
                team,
                d.plan().id(),
                clock.instant());
            placed++;
          }
          store.unschedule(h, left);
          store.accept(h, product.id(), d.plan().id(), actor.id(), clock.instant());
          audit.record(
              h,
              new Change(
                  product.workspace().id(),
                  product.id(),
                  null,
                  actor.id(),
                  "plan.accepted",
                  "accepted the release plan " + d.plan().name() + " (" + placed + " items)",
                  null,
                  Map.of("plan", d.plan().id(), "planned", placed),
                  true));
          return detail(h, product, planId);
        });
  }

  /** The release (e.g. "2027 Q1") an accepted plan gave each item of a product, by item id. */
  public Map<Long, String> releases(User actor, String productRef) {
    return db.read(h -> store.scheduled(h, products.access(h, actor, productRef).id()));
  }
}
