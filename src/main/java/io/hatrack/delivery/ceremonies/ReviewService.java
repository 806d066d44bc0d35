package io.hatrack.delivery.ceremonies;

import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.discovery.feedback.FeedbackSource;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.LinkService;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Ref;
import io.hatrack.kernel.work.WorkspaceService;
import io.hatrack.planning.teams.TeamService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Sprint reviews of a team: the work items demoed, who was there (members and guests such as
 * customers), and their feedback captured as feedback items of the discovery hat (source "sprint
 * review") that support the demoed items they are about. Editors hold reviews.
 */
public final class ReviewService {
  public static final int MAX_TITLE = 200;
  public static final int MAX_NOTES = 10_000;
  public static final int MAX_ITEMS = 50;
  public static final int MAX_PEOPLE = 50;
  private static final String WORK_ITEM = "work_item";
  private static final String SUPPORTS = LinkTypes.SUPPORTS.id();

  private final Database db;
  private final ReviewStore store;
  private final WorkspaceService workspaces;
  private final ProductService products;
  private final ItemService items;
  private final LinkService links;
  private final TeamService teams;
  private final FeedbackService feedback;
  private final AuditLog audit;
  private final Clock clock;

  ReviewService(
      Database db,
      ReviewStore store,
      WorkspaceService workspaces,
      ProductService products,
      ItemService items,
      LinkService links,
      TeamService teams,
      FeedbackService feedback,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.workspaces = workspaces;
    this.products = products;
    this.items = items;
    this.links = links;
    this.teams = teams;
    this.feedback = feedback;
    this.audit = audit;
    this.clock = clock;
  }

  /** A team's reviews, latest first, with counts of items, people and feedback (by review id). */
  public record Listing(TeamScope scope, List<Review> reviews, Map<Long, int[]> counts) {
    public boolean canEdit() {
      return scope.can(Role.EDITOR);
    }
  }

  /** A review with what was demoed, who was there, and the feedback they gave. */
  public record Detail(
      TeamScope scope,
      Review review,
      List<Item> items,
      List<Stakeholder> stakeholders,
      List<ReviewFeedback> feedback) {
    public boolean canEdit() {
      return scope.can(Role.EDITOR);
    }
  }

  /** Feedback given at a review: by whom (a stakeholder's id or name), about which items. */
  public record FeedbackInput(String stakeholder, String text, List<String> items) {}

  public Listing list(User reader, String ws, String team) {
    return db.read(
        h -> {
          TeamScope s = scope(h, reader, ws, team);
          return new Listing(s, store.list(h, s.team().id()), store.counts(h, s.team().id()));
        });
  }

  public Detail get(User reader, String ws, String team, long id) {
    return db.read(h -> detail(h, scope(h, reader, ws, team), id));
  }

  private Detail detail(Handle h, TeamScope s, long id) {
    Review r = store.byId(h, s.team().id(), id).orElseThrow(() -> new NotFound("review"));
    return new Detail(
        s, r, store.items(h, id), store.stakeholders(h, id), store.feedback(h, id, SUPPORTS));
  }

  private TeamScope scope(Handle h, User actor, String ws, String team) {
    return TeamScope.of(h, workspaces, teams, actor, ws, team);
  }

  public Detail create(User actor, String ws, String team, ReviewDraft draft) {
    return db.tx(h -> create(h, actor, scope(h, actor, ws, team), draft));
  }

  /** Holds a review inside the caller's transaction (the demo uses this). */
  Detail create(Handle h, User actor, TeamScope s, ReviewDraft draft) {
    s.ws().require(Role.EDITOR, "hold sprint reviews");
    Checked c = check(h, actor, s, draft, null);
    long id = store.insert(h, s.team().id(), c.day(), c.draft(), actor.id(), clock.instant());
    store.replaceItems(h, id, c.itemIds());
    int pos = 0;
    for (Person p : c.people()) {
      store.insertStakeholder(h, id, p.userId(), p.name(), pos++);
    }
    s.audit(
        audit,
        h,
        actor,
        "review.created",
        "held the review " + c.draft().title(),
        null,
        c.fields());
    return detail(h, s, id);
  }

  /** Changes a review if it is still at {@code expected}; null fields keep their value. */
  public Detail update(
      User actor, String ws, String team, long id, long expected, ReviewDraft draft) {
    return db.tx(
        h -> {
          TeamScope s = scope(h, actor, ws, team);
          s.ws().require(Role.EDITOR, "change sprint reviews");
          Detail before = detail(h, s, id);
          Checked c = check(h, actor, s, draft, before);
          if (!store.update(h, id, expected, c.day(), c.draft(), clock.instant())) {
            throw Conflict.staleVersion("This review", expected, before.review().version());
          }
          store.replaceItems(h, id, c.itemIds());
          // Keep the stakeholders still present, so that their feedback keeps its author.
          List<Stakeholder> old = new ArrayList<>(before.stakeholders());
          int pos = 0;
          for (Person p : c.people()) {
            Stakeholder same =
                old.stream()
                    .filter(
                        o -> Objects.equals(o.userId(), p.userId()) && o.name().equals(p.name()))
                    .findFirst()
                    .orElse(null);
            if (same != null) {
              old.remove(same);
              store.moveStakeholder(h, same.id(), pos++);
            } else {
              store.insertStakeholder(h, id, p.userId(), p.name(), pos++);
            }
          }
          old.forEach(o -> store.deleteStakeholder(h, o.id()));
          s.audit(
              audit,
              h,
              actor,
              "review.changed",
              "changed the review " + c.draft().title(),
              Map.of("title", before.review().title()),
              c.fields());
          return detail(h, s, id);
        });
  }

  public void delete(User actor, String ws, String team, long id, long expected) {
    db.txVoid(
        h -> {
          TeamScope s = scope(h, actor, ws, team);
          s.ws().require(Role.EDITOR, "delete sprint reviews");
          Review r = store.byId(h, s.team().id(), id).orElseThrow(() -> new NotFound("review"));
          if (!store.delete(h, id, expected)) {
            throw Conflict.staleVersion("This review", expected, r.version());
          }
          s.audit(
              audit,
              h,
              actor,
              "review.deleted",
              "deleted the review " + r.title() + " (its feedback stays in the inbox)",
              Map.of("title", r.title()),
              null);
        });
  }

  /**
   * Captures a stakeholder's feedback as a feedback item with source sprint review in the product
   * of the first item it is about, linked (supports) to each of those demoed items; all or nothing.
   * No items named: every demoed item.
   */
  public ReviewFeedback addFeedback(User actor, String ws, String team, long id, FeedbackInput in) {
    return db.tx(h -> addFeedback(h, actor, scope(h, actor, ws, team), id, in));
  }

  ReviewFeedback addFeedback(Handle h, User actor, TeamScope s, long id, FeedbackInput in) {
    s.ws().require(Role.EDITOR, "capture review feedback");
    Detail d = detail(h, s, id);
    if (d.items().isEmpty()) {
      throw Invalid.field("items", "the review demoed nothing yet; add the demoed items first");
    }
    String text = in.text() == null ? "" : in.text().strip();
    new Validation().text("text", text, FeedbackService.MAX_TEXT).orThrow();
    Stakeholder who = stakeholder(d, in.stakeholder());
    List<Item> about = new ArrayList<>();
    List<String> keys = in.items() == null ? List.of() : in.items();
    if (keys.isEmpty()) {
      about.addAll(d.items());
    }
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i) == null ? "" : keys.get(i).strip();
      Item match =
          d.items().stream()
              .filter(it -> k.equalsIgnoreCase(it.key()) || k.equals(Long.toString(it.id())))
              .findFirst()
              .orElseThrow(
                  () ->
                      Invalid.field(
                          "items", "no demoed item " + k + " in this review; pick a demoed item"));
      if (!about.contains(match)) {
        about.add(match);
      }
    }
    ProductAccess product = products.access(h, actor, Long.toString(about.get(0).productId()));
    Instant at = d.review().day().atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    Instant now = clock.instant();
    FeedbackDraft draft =
        FeedbackDraft.of(
                who == null ? text : text + "\n\n— " + who.name() + ", sprint review",
                FeedbackSource.SPRINT_REVIEW.id())
            .withHappenedAt(at.isAfter(now) ? now : at)
            .withStatus("linked");
    Feedback f = feedback.create(h, actor, product, draft);
    ItemAccess source = items.access(h, actor, f.id());
    for (Item target : about) {
      links.add(h, actor, source, Long.toString(target.id()), SUPPORTS);
    }
    store.insertFeedback(h, id, f.id(), who == null ? null : who.id());
    store.bump(h, id, now);
    s.audit(
        audit,
        h,
        actor,
        "review.feedback",
        "captured feedback at the review " + d.review().title(),
        null,
        Map.of("feedback", f.id(), "items", about.stream().map(Item::key).toList()));
    return store.feedback(h, id, SUPPORTS).stream()
        .filter(x -> x.feedbackId() == f.id())
        .findFirst()
        .orElseThrow();
  }

  private static Stakeholder stakeholder(Detail d, String ref) {
    if (ref == null || ref.isBlank()) {
      return null;
    }
    String r = ref.strip();
    return d.stakeholders().stream()
        .filter(x -> r.equals(Long.toString(x.id())) || r.equalsIgnoreCase(x.name()))
        .findFirst()
        .orElseThrow(
            () ->
                Invalid.field(
                    "stakeholder", "was not at this review; add " + r + " to those present first"));
  }

  // Checks.

  private record Person(Long userId, String name) {}

  private record Checked(
      LocalDate day,
      ReviewDraft draft,
      List<Long> itemIds,
      List<String> keys,
      List<Person> people) {
    Map<String, Object> fields() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("day", day.toString());
      m.put("title", draft.title());
      m.put("sprint", draft.sprint());
      m.put("items", keys);
      m.put("stakeholders", people.stream().map(Person::name).toList());
      return m;
    }
  }

  private Checked check(Handle h, User actor, TeamScope s, ReviewDraft d, Detail before) {
    Review b = before == null ? null : before.review();
    LocalDate day = TeamScope.day("day", d.day(), b == null ? TeamScope.today(clock) : b.day());
    String title = d.title() != null ? d.title().strip() : b == null ? null : b.title();
    String sprint = d.sprint() != null ? d.sprint().strip() : b == null ? null : b.sprint();
    sprint = sprint == null || sprint.isBlank() ? null : sprint;
    String notes = d.notes() != null ? d.notes().strip() : b == null ? "" : b.notes();
    Validation v =
        new Validation()
            .text("title", title, MAX_TITLE)
            .optionalText("sprint", sprint, 80)
            .optionalText("notes", notes, MAX_NOTES);
    List<Long> ids = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    if (d.items() == null && before != null) {
      before.items().forEach(i -> ids.add(i.id()));
      before.items().forEach(i -> keys.add(i.key()));
    } else if (d.items() != null) {
      v.check("items", d.items().size() <= MAX_ITEMS, "are at most " + MAX_ITEMS);
      for (int i = 0; i < d.items().size() && i < MAX_ITEMS; i++) {
        String k = d.items().get(i) == null ? "" : d.items().get(i).strip();
        if (k.isEmpty()) {
          continue;
        }
        Item item = workItem(h, actor, s, k);
        if (item == null) {
          v.check("items", false, "no work item " + k + " in this workspace");
        } else if (!ids.contains(item.id())) {
          ids.add(item.id());
          keys.add(item.key());
        }
      }
    }
    List<Person> people = new ArrayList<>();
    if (d.members() == null && d.guests() == null && before != null) {
      before.stakeholders().forEach(x -> people.add(new Person(x.userId(), x.name())));
    } else {
      for (String m : d.members() == null ? List.<String>of() : d.members()) {
        if (m == null || m.isBlank()) {
          continue;
        }
        Ref ref = new Ref(m.strip());
        var u =
            ref.id().isPresent()
                ? workspaces.memberById(h, s.ws().id(), ref.id().getAsLong())
                : workspaces.memberByHandle(h, s.ws().id(), m.strip().replaceFirst("^@", ""));
        if (u.isEmpty()) {
          v.check("members", false, m.strip() + " is not a member of the workspace");
        } else if (people.stream().noneMatch(p -> u.get().id() == p.userId())) {
          people.add(new Person(u.get().id(), u.get().name()));
        }
      }
      for (String g : d.guests() == null ? List.<String>of() : d.guests()) {
        if (g == null || g.isBlank()) {
          continue;
        }
        v.optionalText("guests", g.strip(), 120);
        if (people.stream().noneMatch(p -> p.userId() == null && p.name().equals(g.strip()))) {
          people.add(new Person(null, g.strip()));
        }
      }
      v.check("stakeholders", people.size() <= MAX_PEOPLE, "are at most " + MAX_PEOPLE);
    }
    v.orThrow();
    return new Checked(
        day,
        new ReviewDraft(day.toString(), title, sprint, notes, keys, null, null),
        ids,
        keys,
        people);
  }

  /** The live work item {@code ref} of the team's workspace, or null. */
  private Item workItem(Handle h, User actor, TeamScope s, String ref) {
    try {
      Item item = items.access(h, actor, ref).item();
      return item.kind().equals(WORK_ITEM) && item.workspaceId() == s.ws().id() ? item : null;
    } catch (NotFound | Invalid e) {
      return null;
    }
  }
}
