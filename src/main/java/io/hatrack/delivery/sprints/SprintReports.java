package io.hatrack.delivery.sprints;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.planning.teams.Team;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What sprints come to, read-only: a sprint's burndown and burnup (from its commitment, scope
 * changes and when items became done), a team's velocity with a forecast, the backlog a sprint is
 * planned from, and the delivery overview of a product (each team's active sprint).
 */
public final class SprintReports {
  /** How many closed sprints velocity looks back over unless asked otherwise. */
  public static final int DEFAULT_LAST = 6;

  private final Database db;
  private final SprintStore store;
  private final SprintService sprints;
  private final ProductService products;
  private final ItemService items;

  public SprintReports(
      Database db,
      SprintStore store,
      SprintService sprints,
      ProductService products,
      ItemService items) {
    this.db = db;
    this.store = store;
    this.sprints = sprints;
    this.products = products;
    this.items = items;
  }

  /** A sprint with its charts. */
  public record Board(SprintService.View view, Burndown.Result burndown) {}

  public Board board(User actor, String workspaceRef, String teamRef, String sprintRef) {
    return db.read(
        h -> {
          SprintService.Scope scope = sprints.scope(h, actor, workspaceRef, teamRef);
          Sprint s = sprints.sprint(h, scope, sprintRef);
          SprintService.View v = sprints.view(h, scope, s);
          return new Board(v, burndown(h, v));
        });
  }

  Burndown.Result burndown(Handle h, SprintService.View v) {
    Sprint s = v.sprint();
    LocalDate today = sprints.today();
    LocalDate upTo =
        s.closed() ? s.end() : s.planned() ? s.start().minusDays(1) : min(today, s.end());
    Map<Long, Double> commitment = s.planned() ? Map.of() : store.commitment(h, s.id());
    List<ScopeChange> changes = v.changes();
    Map<Long, Boolean> doneNow = new HashMap<>();
    Map<Long, Double> points = new HashMap<>();
    for (SprintItem i : v.items()) {
      doneNow.put(i.id(), i.done());
      points.put(i.id(), i.points());
    }
    List<Long> ids = new ArrayList<>(commitment.keySet());
    for (SprintItem i : v.items()) {
      if (!ids.contains(i.id())) {
        ids.add(i.id());
      }
    }
    for (ScopeChange c : changes) {
      if (!ids.contains(c.itemId())) {
        ids.add(c.itemId());
      }
    }
    Map<Long, List<Burndown.Event>> events = new HashMap<>();
    for (SprintStore.DoneEvent e : store.doneEvents(h, ids)) {
      if (s.closed() && s.closedAt() != null && e.at().isAfter(s.closedAt())) {
        continue;
      }
      LocalDate day = min(LocalDate.ofInstant(e.at(), ZoneOffset.UTC), s.end());
      events
          .computeIfAbsent(e.itemId(), k -> new ArrayList<>())
          .add(new Burndown.Event(day, e.done()));
    }
    List<Burndown.Entry> entries = new ArrayList<>();
    for (long id : ids) {
      List<Burndown.Event> ev = events.getOrDefault(id, List.of());
      boolean doneAtStart = ev.isEmpty() && doneNow.getOrDefault(id, false);
      boolean in = commitment.containsKey(id) || (s.planned() && doneNow.containsKey(id));
      LocalDate joined = null;
      double p = commitment.getOrDefault(id, points.getOrDefault(id, 0.0));
      for (ScopeChange c : changes) {
        if (c.itemId() != id) {
          continue;
        }
        LocalDate day = LocalDate.ofInstant(c.at(), ZoneOffset.UTC);
        if (c.added() && !in) {
          in = true;
          joined = day;
          p = c.points();
        } else if (!c.added() && in) {
          entries.add(new Burndown.Entry(p, joined, day, doneAtStart, ev));
          in = false;
        }
      }
      if (in) {
        entries.add(new Burndown.Entry(p, joined, null, doneAtStart, ev));
      }
    }
    return Burndown.of(s.start(), s.end(), upTo, entries);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /** A team's velocity, and a forecast when asked for one. */
  public record VelocityView(
      SprintService.Scope scope,
      Velocity.Result velocity,
      Velocity.Forecast forecast,
      String forecastOf) {}

  /**
   * The velocity over the last {@code last} closed sprints; with {@code remaining} points or an
   * {@code epic} (its unfinished items' estimates summed), how many sprints that needs.
   */
  public VelocityView velocity(
      User actor,
      String workspaceRef,
      String teamRef,
      Integer last,
      String remaining,
      String epic) {
    int n = last == null ? DEFAULT_LAST : last;
    if (n < 1 || n > 100) {
      throw Invalid.field("last", "must be 1 to 100 sprints");
    }
    Double points = null;
    if (remaining != null && !remaining.isBlank()) {
      try {
        points = Double.valueOf(remaining.strip());
      } catch (NumberFormatException e) {
        throw Invalid.field("remaining", "must be a number of points");
      }
      if (points < 0 || points.isNaN() || points > 1_000_000) {
        throw Invalid.field("remaining", "must be 0 to 1,000,000");
      }
    }
    Double asked = points;
    return db.read(
        h -> {
          SprintService.Scope scope = sprints.scope(h, actor, workspaceRef, teamRef);
          Velocity.Result v = velocity(h, scope.team(), n);
          Double rest = asked;
          String of =
              asked == null ? null : SprintMath.text(asked) + " " + scope.team().unitLabel();
          if (epic != null && !epic.isBlank()) {
            ItemAccess item;
            try {
              item = items.access(h, actor, epic.strip());
            } catch (NotFound e) {
              throw Invalid.field("epic", "\"" + epic.strip() + "\" is not an item you can see");
            }
            if (!item.item().kind().equals("work_item")) {
              throw Invalid.field("epic", item.item().key() + " is not a work item");
            }
            rest = store.remainingUnder(h, item.id());
            of = item.item().key() + " " + item.item().title();
          }
          return new VelocityView(scope, v, rest == null ? null : Velocity.forecast(v, rest), of);
        });
  }

  Velocity.Result velocity(Handle h, Team team, int last) {
    List<Velocity.Point> points = new ArrayList<>();
    for (Sprint s : store.closed(h, team.id(), last)) {
      points.add(
          new Velocity.Point(s.number(), s.name(), s.record().committed(), s.record().completed()));
    }
    return Velocity.of(points);
  }

  /** The backlog of a product a sprint of its workspace is planned from, in rank order. */
  public record Backlog(ProductAccess product, List<BacklogItem> items) {}

  public Backlog backlog(User actor, String productRef, int limit) {
    return db.read(
        h -> {
          ProductAccess p = products.access(h, actor, productRef);
          return new Backlog(p, store.backlog(h, p.id(), limit));
        });
  }

  /** A team on the delivery overview: its active sprint (if any) and its velocity. */
  public record TeamDelivery(
      Team team, Optional<SprintService.View> active, int sprints, Velocity.Result velocity) {}

  /** The delivery overview of a product: every team of its workspace. */
  public record Overview(ProductAccess product, List<TeamDelivery> teams, LocalDate today) {}

  public Overview overview(User actor, String productRef) {
    return db.read(
        h -> {
          ProductAccess p = products.access(h, actor, productRef);
          List<TeamDelivery> out = new ArrayList<>();
          for (Team t : sprints.teams(h, p.workspace().id())) {
            SprintService.Scope scope = new SprintService.Scope(p.workspace(), t);
            Optional<SprintService.View> active =
                store.active(h, t.id()).map(s -> sprints.view(h, scope, s));
            out.add(
                new TeamDelivery(
                    t, active, store.list(h, t.id()).size(), velocity(h, t, DEFAULT_LAST)));
          }
          return new Overview(p, out, sprints.today());
        });
  }
}
