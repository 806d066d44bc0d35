package io.hatrack.planning.roadmap;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.LinkService;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.TagService;
import io.hatrack.planning.roadmap.TimelineLayout.Scale;
import io.hatrack.planning.roadmap.TimelineLayout.Timeline;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * A product's roadmap: reading it as Now/Next/Later columns or as a timeline with swimlanes,
 * putting work items on it, moving and rescheduling them (with warnings for broken "depends on"
 * links, which are shown but do not refuse the move: the PM may know the dependency is soft),
 * taking them off, and the public roadmap of a product whose portal is on. Entries live in the
 * planning core's {@code item_schedule}, which an accepted release plan writes too.
 */
public final class RoadmapService {
  public static final int MAX_RELEASE = 80;
  public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  /** Whether a product's public portal is on: its product, or {@link NotFound} when off. */
  @FunctionalInterface
  public interface PublicPortal {
    Product open(String slug);
  }

  /** What the roadmap uses of the rest of Hatrack. */
  public record Parts(
      Database db,
      ProductService products,
      ItemService items,
      LinkService links,
      TagService tags,
      AuditLog audit,
      PublicPortal portal,
      Clock clock) {}

  /** A product's roadmap as a view shows it. */
  public record Roadmap(
      ProductAccess product,
      List<RoadmapEntry> entries,
      int total,
      RoadmapFilter filter,
      List<RoadmapStore.Team> teams,
      List<String> tags,
      List<String> states,
      List<DependencyCheck.Warning> warnings,
      LocalDate today) {
    public boolean canEdit() {
      return product.role().atLeast(Role.EDITOR);
    }

    public List<RoadmapEntry> in(Horizon horizon) {
      return entries.stream().filter(e -> e.horizon() == horizon).toList();
    }

    /** Keys of the entries that start before an item they depend on ends. */
    public Set<String> warned() {
      Set<String> keys = new HashSet<>();
      warnings.forEach(w -> keys.add(w.key()));
      return keys;
    }
  }

  /** The timeline of a roadmap. */
  public record TimelineView(Roadmap roadmap, Lane lane, Timeline timeline, int undated) {}

  /** What a schedule sets; null or blank fields are cleared (public: false). */
  public record ScheduleInput(
      String horizon, String start, String end, String release, String team, Boolean isPublic) {}

  /** An entry after a change, with the dependencies it now breaks. */
  public record Scheduled(
      RoadmapEntry entry, List<DependencyCheck.Warning> warnings, boolean created) {}

  /** The public roadmap: a product and its public entries. */
  public record PublicRoadmap(Product product, List<RoadmapEntry> entries, LocalDate today) {
    public List<RoadmapEntry> in(Horizon horizon) {
      return entries.stream().filter(e -> e.horizon() == horizon).toList();
    }
  }

  private final Database db;
  private final RoadmapStore store;
  private final ProductService products;
  private final ItemService items;
  private final LinkService links;
  private final TagService tags;
  private final AuditLog audit;
  private final PublicPortal portal;
  private final Clock clock;

  public RoadmapService(Parts p, RoadmapStore store) {
    this.db = p.db();
    this.store = store;
    this.products = p.products();
    this.items = p.items();
    this.links = p.links();
    this.tags = p.tags();
    this.audit = p.audit();
    this.portal = p.portal();
    this.clock = p.clock();
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  // ---- Reading ----------------------------------------------------------------------------------

  public Roadmap roadmap(User actor, String productRef, RoadmapFilter filter) {
    return db.read(h -> roadmap(h, products.access(h, actor, productRef), filter, null));
  }

  /** The roadmap of a product the caller may see, inside the caller's read. */
  Roadmap roadmap(Handle h, ProductAccess product, RoadmapFilter filter, Lane lane) {
    LocalDate today = today();
    List<RoadmapStore.Team> teams = store.teams(h, product.workspace().id());
    Map<Long, String> slugs = new HashMap<>();
    teams.forEach(t -> slugs.put(t.id(), t.slug()));
    List<RoadmapEntry> all = entries(h, product.id(), lane, today);
    TreeSet<String> tagNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    TreeSet<String> states = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    List<RoadmapEntry> shown = new ArrayList<>();
    for (RoadmapEntry e : all) {
      tagNames.addAll(e.tags());
      if (e.state() != null) {
        states.add(e.state());
      }
      if (filter.matches(e, e.teamId() == null ? null : slugs.get(e.teamId()))) {
        shown.add(e);
      }
    }
    Map<Long, DependencyCheck.Dates> dates = new HashMap<>();
    for (RoadmapEntry e : all) {
      dates.put(e.itemId(), new DependencyCheck.Dates(e.key(), e.title(), e.start(), e.end()));
    }
    List<DependencyCheck.Warning> warnings =
        DependencyCheck.check(store.dependencies(h, product.id()), dates);
    return new Roadmap(
        product,
        shown,
        all.size(),
        filter,
        teams,
        List.copyOf(tagNames),
        List.copyOf(states),
        warnings,
        today);
  }

  private List<RoadmapEntry> entries(Handle h, long productId, Lane lane, LocalDate today) {
    List<RoadmapStore.Row> rows = store.entries(h, productId);
    List<Long> ids = rows.stream().map(RoadmapStore.Row::itemId).toList();
    Map<Long, List<String>> tagsOf = tags.forItems(h, ids);
    Map<Long, String> objectives =
        lane == Lane.OBJECTIVE ? objectives(store.items(h, productId)) : Map.of();
    Map<Long, String> themes = lane == Lane.THEME ? store.themes(h, productId) : Map.of();
    List<RoadmapEntry> out = new ArrayList<>(rows.size());
    for (RoadmapStore.Row r : rows) {
      out.add(entry(r, tagsOf.getOrDefault(r.itemId(), List.of()), objectives, themes, today));
    }
    return out;
  }

  private static RoadmapEntry entry(
      RoadmapStore.Row r,
      List<String> tagNames,
      Map<Long, String> objectives,
      Map<Long, String> themes,
      LocalDate today) {
    Horizon own = r.horizon() == null ? null : Horizon.parse("horizon", r.horizon());
    LocalDate start = date(r.start());
    return new RoadmapEntry(
        r.itemId(),
        r.key(),
        r.title(),
        r.type(),
        r.state(),
        r.stateCategory(),
        Horizon.effective(own, start, today),
        own != null,
        start,
        date(r.end()),
        r.release(),
        r.teamId(),
        r.team(),
        r.planId(),
        r.isPublic(),
        r.version(),
        tagNames,
        objectives.get(r.itemId()),
        themes.get(r.itemId()));
  }

  private static LocalDate date(String iso) {
    try {
      return iso == null || iso.isBlank() ? null : LocalDate.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Each item's nearest objective (itself when it is one), by item id. */
  static Map<Long, String> objectives(List<RoadmapStore.Item> all) {
    Map<Long, RoadmapStore.Item> byId = new HashMap<>();
    all.forEach(i -> byId.put(i.id(), i));
    Map<Long, String> out = new HashMap<>();
    for (RoadmapStore.Item i : all) {
      RoadmapStore.Item at = i;
      int hops = 0;
      while (at != null && !"objective".equals(at.type()) && hops++ < 16) {
        at = at.parentId() == null ? null : byId.get(at.parentId());
      }
      if (at != null && "objective".equals(at.type())) {
        out.put(i.id(), at.title());
      }
    }
    return out;
  }

  /** The timeline of the roadmap on {@code scale}, in swimlanes by {@code lane}. */
  public TimelineView timeline(
      User actor, String productRef, RoadmapFilter filter, Scale scale, Lane lane) {
    Roadmap roadmap = db.read(h -> roadmap(h, products.access(h, actor, productRef), filter, lane));
    Set<String> warned = roadmap.warned();
    List<TimelineLayout.Bar> bars = new ArrayList<>();
    int undated = 0;
    for (RoadmapEntry e : roadmap.entries()) {
      if (!e.dated()) {
        undated++;
        continue;
      }
      for (String l : lane.of(e)) {
        bars.add(
            new TimelineLayout.Bar(
                e.key(),
                e.title(),
                l,
                e.start(),
                e.end(),
                e.type(),
                e.isPublic(),
                warned.contains(e.key()),
                e.version()));
      }
    }
    Timeline t = TimelineLayout.layout(bars, scale, lane.none(), roadmap.today());
    return new TimelineView(roadmap, lane, t, undated);
  }

  /** An item's entry on the roadmap of its product; not found when it is not on it. */
  public RoadmapEntry entry(User actor, String productRef, String itemRef) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          ItemAccess item = workItem(h, actor, product, itemRef);
          return current(h, item.id()).orElseThrow(() -> new NotFound("roadmap entry"));
        });
  }

  /** The product's work items that are not on the roadmap yet, broadest types first. */
  public List<RoadmapStore.Item> candidates(User actor, String productRef) {
    return db.read(h -> store.candidates(h, products.access(h, actor, productRef).id(), 1000));
  }

  /**
   * The keys of the product's live work items by title (the first of equal titles), for the demo.
   */
  public Map<String, String> keysByTitle(User actor, String productRef) {
    return db.read(
        h -> {
          Map<String, String> keys = new java.util.LinkedHashMap<>();
          store
              .items(h, products.access(h, actor, productRef).id())
              .forEach(i -> keys.putIfAbsent(i.title(), i.key()));
          return keys;
        });
  }

  /** The teams entries may name. */
  public List<RoadmapStore.Team> teams(User actor, String productRef) {
    return db.read(h -> store.teams(h, products.access(h, actor, productRef).workspace().id()));
  }

  private java.util.Optional<RoadmapEntry> current(Handle h, long itemId) {
    return store
        .entry(h, itemId)
        .map(
            r ->
                entry(
                    r,
                    tags.forItems(h, List.of(itemId)).getOrDefault(itemId, List.of()),
                    Map.of(),
                    Map.of(),
                    today()));
  }

  private ItemAccess workItem(Handle h, User actor, ProductAccess product, String itemRef) {
    ItemAccess item = items.access(h, actor, itemRef == null ? "" : itemRef.strip());
    if (!"work_item".equals(item.item().kind())
        || item.item().productId() == null
        || item.item().productId() != product.id()) {
      throw new NotFound("work item");
    }
    return item;
  }

  // ---- The public roadmap -----------------------------------------------------------------------

  /** The public entries of a product whose portal is on; not found otherwise. */
  public PublicRoadmap publicRoadmap(String slug) {
    Product product = portal.open(slug);
    LocalDate today = today();
    return db.read(
        h ->
            new PublicRoadmap(
                product,
                store.entries(h, product.id()).stream()
                    .filter(RoadmapStore.Row::isPublic)
                    .map(r -> entry(r, List.of(), Map.of(), Map.of(), today))
                    .toList(),
                today));
  }

  // ---- Changing ---------------------------------------------------------------------------------

  /**
   * Puts an item on the roadmap or replaces its entry with {@code in}; {@code expectedVersion} (the
   * entry's, when given) must still be current.
   */
  public Scheduled schedule(
      User actor, String productRef, String itemRef, Long expectedVersion, ScheduleInput in) {
    return db.tx(
        h -> {
          ProductAccess product = editable(h, actor, productRef);
          ItemAccess item = workItem(h, actor, product, itemRef);
          RoadmapStore.Placement placement = placement(h, product, in);
          return write(h, actor, product, item, expectedVersion, placement);
        });
  }

  /** Moves an item already on the roadmap to another horizon, keeping the rest. */
  public Scheduled move(
      User actor, String productRef, String itemRef, Long expectedVersion, String horizon) {
    Horizon to = Horizon.parse("horizon", horizon);
    return db.tx(
        h -> {
          ProductAccess product = editable(h, actor, productRef);
          ItemAccess item = workItem(h, actor, product, itemRef);
          RoadmapStore.Row r =
              store.entry(h, item.id()).orElseThrow(() -> new NotFound("roadmap entry"));
          return write(
              h,
              actor,
              product,
              item,
              expectedVersion,
              new RoadmapStore.Placement(
                  to.id(), r.start(), r.end(), r.release(), r.teamId(), r.isPublic()));
        });
  }

  /** Gives an item already on the roadmap new dates, keeping the rest. */
  public Scheduled reschedule(
      User actor,
      String productRef,
      String itemRef,
      Long expectedVersion,
      String start,
      String end) {
    return db.tx(
        h -> {
          ProductAccess product = editable(h, actor, productRef);
          ItemAccess item = workItem(h, actor, product, itemRef);
          RoadmapStore.Row r =
              store.entry(h, item.id()).orElseThrow(() -> new NotFound("roadmap entry"));
          Validation v = new Validation();
          LocalDate[] dates = dates(v, start, end);
          v.orThrow();
          return write(
              h,
              actor,
              product,
              item,
              expectedVersion,
              new RoadmapStore.Placement(
                  r.horizon(),
                  dates[0] == null ? null : dates[0].toString(),
                  dates[1] == null ? null : dates[1].toString(),
                  r.release(),
                  r.teamId(),
                  r.isPublic()));
        });
  }

  /** Takes an item off the roadmap. */
  public void remove(User actor, String productRef, String itemRef, Long expectedVersion) {
    db.txVoid(
        h -> {
          ProductAccess product = editable(h, actor, productRef);
          ItemAccess item = workItem(h, actor, product, itemRef);
          RoadmapStore.Row before =
              store.entry(h, item.id()).orElseThrow(() -> new NotFound("roadmap entry"));
          long version = expectedVersion == null ? before.version() : expectedVersion;
          if (!store.delete(h, item.id(), version)) {
            throw Conflict.staleVersion("The roadmap entry", version, before.version());
          }
          audit.record(
              h,
              item.item()
                  .change(
                      actor.id(),
                      "roadmap.removed",
                      "Took " + item.item().label() + " off the roadmap",
                      before,
                      null));
        });
  }

  private ProductAccess editable(Handle h, User actor, String productRef) {
    return products.access(h, actor, productRef).require(Role.EDITOR, "change the roadmap");
  }

  private RoadmapStore.Placement placement(Handle h, ProductAccess product, ScheduleInput in) {
    Validation v = new Validation();
    String horizon = in.horizon() == null || in.horizon().isBlank() ? null : in.horizon();
    Horizon parsed = null;
    if (horizon != null) {
      try {
        parsed = Horizon.parse("horizon", horizon);
      } catch (io.hatrack.kernel.Invalid e) {
        v.check("horizon", false, e.reasonFor("horizon"));
      }
    }
    LocalDate[] dates = dates(v, in.start(), in.end());
    String release = in.release() == null ? "" : in.release().strip();
    v.optionalText("release", release, MAX_RELEASE);
    Long teamId = null;
    if (in.team() != null && !in.team().isBlank()) {
      String team = in.team().strip();
      teamId =
          store.teams(h, product.workspace().id()).stream()
              .filter(
                  t ->
                      t.slug().equalsIgnoreCase(team)
                          || t.name().equalsIgnoreCase(team)
                          || Long.toString(t.id()).equals(team))
              .map(RoadmapStore.Team::id)
              .findFirst()
              .orElse(null);
      v.check("team", teamId != null, "is not a team of this workspace (give its slug or name)");
    }
    v.orThrow();
    return new RoadmapStore.Placement(
        parsed == null ? null : parsed.id(),
        dates[0] == null ? null : dates[0].toString(),
        dates[1] == null ? null : dates[1].toString(),
        release,
        teamId,
        Boolean.TRUE.equals(in.isPublic()));
  }

  /** Start and end date, both or neither, the end not before the start. */
  private static LocalDate[] dates(Validation v, String start, String end) {
    LocalDate s = parseDate(v, "start_date", start);
    LocalDate e = parseDate(v, "end_date", end);
    if (!v.has("start_date") && !v.has("end_date")) {
      v.check("end_date", s == null || e != null, "is needed when start_date is given");
      v.check("start_date", e == null || s != null, "is needed when end_date is given");
      v.check(
          "end_date",
          s == null || e == null || !e.isBefore(s),
          "must not be before start_date (" + s + ")");
    }
    return new LocalDate[] {s, e};
  }

  private static LocalDate parseDate(Validation v, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(value.strip());
      v.check(
          field,
          !d.isBefore(EARLIEST) && !d.isAfter(LATEST),
          "must be between " + EARLIEST + " and " + LATEST);
      return d;
    } catch (DateTimeParseException e) {
      v.check(field, false, "must be a date as YYYY-MM-DD");
      return null;
    }
  }

  private Scheduled write(
      Handle h,
      User actor,
      ProductAccess product,
      ItemAccess item,
      Long expectedVersion,
      RoadmapStore.Placement p) {
    java.util.Optional<RoadmapStore.Row> before = store.entry(h, item.id());
    boolean created = before.isEmpty();
    if (created) {
      if (expectedVersion != null) {
        throw Conflict.state(
            item.item().key() + " is not on the roadmap any more; reload to see the roadmap.");
      }
      store.insert(h, item.id(), product.id(), p, clock.instant());
    } else {
      long version = expectedVersion == null ? before.get().version() : expectedVersion;
      if (!store.update(h, item.id(), version, p, clock.instant())) {
        throw Conflict.staleVersion("The roadmap entry", version, before.get().version());
      }
    }
    RoadmapEntry entry = current(h, item.id()).orElseThrow();
    audit.record(
        h,
        item.item()
            .change(
                actor.id(),
                created ? "roadmap.added" : "roadmap.scheduled",
                (created ? "Put " : "Rescheduled ")
                    + item.item().label()
                    + (created ? " on the roadmap: " : ": ")
                    + entry.snapshot().place(),
                before.map(r -> (Object) r).orElse(null),
                entry.snapshot()));
    return new Scheduled(entry, warnings(h, entry), created);
  }

  /** The "depends on" links of an entry that its dates break, read through the links service. */
  private List<DependencyCheck.Warning> warnings(Handle h, RoadmapEntry entry) {
    List<DependencyCheck.Dependency> deps = new ArrayList<>();
    Map<Long, DependencyCheck.Dates> dates = new HashMap<>();
    dates.put(
        entry.itemId(),
        new DependencyCheck.Dates(entry.key(), entry.title(), entry.start(), entry.end()));
    for (Link link : links.list(h, entry.itemId())) {
      if (!LinkTypes.DEPENDS.id().equals(link.type())) {
        continue;
      }
      long other = link.other().id();
      deps.add(
          link.outgoing()
              ? new DependencyCheck.Dependency(entry.itemId(), other)
              : new DependencyCheck.Dependency(other, entry.itemId()));
      store
          .entry(h, other)
          .ifPresent(
              r ->
                  dates.put(
                      other,
                      new DependencyCheck.Dates(
                          r.key(), r.title(), date(r.start()), date(r.end()))));
    }
    return DependencyCheck.check(deps, dates);
  }
}
