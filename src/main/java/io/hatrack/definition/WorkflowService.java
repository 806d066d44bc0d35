package io.hatrack.definition;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * A product's workflow (states and the moves allowed between them) and its definition settings
 * (estimate unit, story size limit). A product gets sensible defaults on first use; admins change
 * them.
 */
public final class WorkflowService {
  private static final List<String[]> DEFAULT_STATES =
      List.of(
          new String[] {"Backlog", "todo"},
          new String[] {"Ready", "todo"},
          new String[] {"In progress", "doing"},
          new String[] {"In review", "doing"},
          new String[] {"Done", "done"},
          new String[] {"Won't do", "done"});

  private static final List<String[]> DEFAULT_MOVES =
      List.of(
          new String[] {"Backlog", "Ready"},
          new String[] {"Backlog", "In progress"},
          new String[] {"Backlog", "Won't do"},
          new String[] {"Ready", "Backlog"},
          new String[] {"Ready", "In progress"},
          new String[] {"Ready", "Won't do"},
          new String[] {"In progress", "Ready"},
          new String[] {"In progress", "In review"},
          new String[] {"In progress", "Done"},
          new String[] {"In progress", "Won't do"},
          new String[] {"In review", "In progress"},
          new String[] {"In review", "Done"},
          new String[] {"In review", "Won't do"},
          new String[] {"Done", "In progress"},
          new String[] {"Won't do", "Backlog"});

  private final Database db;
  private final WorkflowStore store;
  private final ProductService products;
  private final AuditLog audit;

  public WorkflowService(
      Database db, WorkflowStore store, ProductService products, AuditLog audit) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.audit = audit;
  }

  /** The product's workflow, creating the default one on first use. */
  public Workflow workflow(Handle h, long productId) {
    ensure(h, productId);
    return new Workflow(store.states(h, productId), store.transitions(h, productId));
  }

  public Workflow workflow(User actor, String productRef) {
    return db.tx(h -> workflow(h, products.access(h, actor, productRef).id()));
  }

  /** The product's settings, creating the defaults on first use. */
  public WorkflowStore.Settings settings(Handle h, long productId) {
    ensure(h, productId);
    return store.settings(h, productId).orElseThrow();
  }

  public WorkflowStore.Settings settings(User actor, String productRef) {
    return db.tx(h -> settings(h, products.access(h, actor, productRef).id()));
  }

  private void ensure(Handle h, long productId) {
    if (store.settings(h, productId).isPresent()) {
      return;
    }
    store.insertSettings(h, productId);
    if (!store.states(h, productId).isEmpty()) {
      return;
    }
    Map<String, Long> ids = new LinkedHashMap<>();
    int position = 0;
    for (String[] s : DEFAULT_STATES) {
      ids.put(
          s[0],
          store.insertState(h, productId, s[0], StateCategory.parse("category", s[1]), position++));
    }
    Set<Workflow.Transition> moves = new HashSet<>();
    for (String[] m : DEFAULT_MOVES) {
      moves.add(new Workflow.Transition(ids.get(m[0]), ids.get(m[1])));
    }
    store.replaceTransitions(h, productId, moves);
  }

  /** Changes the estimate unit and the story size limit (admins). */
  public WorkflowStore.Settings updateSettings(
      User actor, String productRef, long expectedVersion, String unit, Double limit) {
    EstimateUnit parsed = EstimateUnit.parse("estimate_unit", unit);
    new Validation()
        .check(
            "story_size_limit",
            limit == null || (limit > 0 && limit <= 10_000),
            "must be a positive number up to 10,000")
        .orThrow();
    return db.tx(
        h -> {
          ProductAccess product =
              products
                  .access(h, actor, productRef)
                  .require(Role.ADMIN, "change the product's settings");
          WorkflowStore.Settings before = settings(h, product.id());
          if (!store.updateSettings(h, product.id(), expectedVersion, parsed, limit)) {
            throw Conflict.staleVersion("The settings", expectedVersion, before.version());
          }
          audit.record(
              h,
              new Change(
                  product.workspace().id(),
                  product.id(),
                  null,
                  actor.id(),
                  "definition.settings_changed",
                  "changed how " + product.product().name() + " estimates work",
                  Map.of(
                      "estimate_unit",
                      before.estimateUnit().id(),
                      "story_size_limit",
                      String.valueOf(before.storySizeLimit())),
                  Map.of("estimate_unit", parsed.id(), "story_size_limit", String.valueOf(limit)),
                  true));
          return store.settings(h, product.id()).orElseThrow();
        });
  }

  /** A state as edited by an admin: its name, category, and the states it may move to. */
  public record StateInput(Long id, String name, String category, List<String> movesTo) {}

  /**
   * Replaces the workflow with {@code states} in this order (admins). Existing states are kept by
   * id (and may be renamed); states left out are removed, which is refused while items are in them.
   * Every state must be reachable from the first one and at least one must be "done".
   */
  public Workflow replace(User actor, String productRef, List<StateInput> states) {
    validate(states);
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.ADMIN, "change the workflow");
          Workflow before = workflow(h, product.id());
          Set<Long> kept = new HashSet<>();
          for (StateInput s : states) {
            if (s.id() != null) {
              before
                  .byId(s.id())
                  .orElseThrow(
                      () ->
                          Invalid.field(
                              "states", "no state with id " + s.id() + " in this workflow"));
              kept.add(s.id());
            }
          }
          // Removed states go first, so that a kept or new state may take over a removed name.
          for (WorkflowState old : before.states()) {
            if (!kept.contains(old.id())) {
              long inUse = store.itemsInState(h, old.id());
              if (inUse > 0) {
                throw Conflict.state(
                    "The state \u201c"
                        + old.name()
                        + "\u201d still holds "
                        + inUse
                        + " item(s); move them first.");
              }
              store.deleteState(h, old.id());
            }
          }
          // Kept states step aside under names no one types, so that two may swap their names.
          for (WorkflowState old : before.states()) {
            if (kept.contains(old.id())) {
              store.updateState(h, old.id(), "\u0001" + old.id(), old.category(), old.position());
            }
          }
          Map<String, Long> ids = new LinkedHashMap<>();
          for (int i = 0; i < states.size(); i++) {
            StateInput s = states.get(i);
            StateCategory category = StateCategory.parse("category", s.category());
            String name = s.name().trim();
            if (s.id() != null) {
              store.updateState(h, s.id(), name, category, i);
              ids.put(name.toLowerCase(Locale.ROOT), s.id());
            } else {
              ids.put(
                  name.toLowerCase(Locale.ROOT),
                  store.insertState(h, product.id(), name, category, i));
            }
          }
          Set<Workflow.Transition> moves = new HashSet<>();
          for (StateInput s : states) {
            long from = ids.get(s.name().trim().toLowerCase(Locale.ROOT));
            for (String target : s.movesTo() == null ? List.<String>of() : s.movesTo()) {
              Long to = ids.get(target == null ? "" : target.trim().toLowerCase(Locale.ROOT));
              if (to == null) {
                throw Invalid.field(
                    "states",
                    "\u201c"
                        + s.name()
                        + "\u201d moves to an unknown state \u201c"
                        + target
                        + "\u201d");
              }
              if (to != from) {
                moves.add(new Workflow.Transition(from, to));
              }
            }
          }
          store.replaceTransitions(h, product.id(), moves);
          Workflow after = workflow(h, product.id());
          audit.record(
              h,
              new Change(
                  product.workspace().id(),
                  product.id(),
                  null,
                  actor.id(),
                  "definition.workflow_changed",
                  "changed the workflow of " + product.product().name(),
                  describe(before),
                  describe(after),
                  true));
          return after;
        });
  }

  /** Refuses states that cannot make a workflow, before anything is written. */
  private static void validate(List<StateInput> states) {
    Validation v = new Validation();
    v.check("states", states != null && !states.isEmpty(), "a workflow needs at least one state");
    v.orThrow();
    Set<String> names = new HashSet<>();
    Set<Long> given = new HashSet<>();
    for (int i = 0; i < states.size(); i++) {
      StateInput s = states.get(i);
      v.check("states[" + i + "].id", s.id() == null || given.add(s.id()), "is used twice");
      String name = s.name() == null ? null : s.name().trim();
      v.text("states[" + i + "].name", name, 40);
      v.check(
          "states[" + i + "].name",
          name == null || names.add(name.toLowerCase(Locale.ROOT)),
          "is used twice");
      StateCategory.parse("states[" + i + "].category", s.category());
    }
    v.check(
        "states",
        states.stream()
            .anyMatch(s -> s.category() != null && "done".equalsIgnoreCase(s.category().trim())),
        "at least one state must be in the done category");
    v.orThrow();
    List<String> unreachable = unreachable(states);
    if (!unreachable.isEmpty()) {
      throw Invalid.field(
          "states",
          "no move leads from \u201c"
              + states.get(0).name().trim()
              + "\u201d to \u201c"
              + String.join("\u201d, \u201c", unreachable)
              + "\u201d");
    }
  }

  /**
   * The names of the states that no chain of moves reaches from the first one, where new items
   * start. Moves to unknown states are left for the caller to refuse.
   */
  private static List<String> unreachable(List<StateInput> states) {
    Map<String, StateInput> byName = new LinkedHashMap<>();
    for (StateInput s : states) {
      byName.put(s.name().trim().toLowerCase(Locale.ROOT), s);
    }
    Set<String> reached = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    String first = states.get(0).name().trim().toLowerCase(Locale.ROOT);
    reached.add(first);
    queue.add(first);
    while (!queue.isEmpty()) {
      StateInput at = byName.get(queue.poll());
      for (String target : at.movesTo() == null ? List.<String>of() : at.movesTo()) {
        String next = target == null ? "" : target.trim().toLowerCase(Locale.ROOT);
        if (byName.containsKey(next) && reached.add(next)) {
          queue.add(next);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    byName.forEach(
        (key, s) -> {
          if (!reached.contains(key)) {
            missing.add(s.name().trim());
          }
        });
    return missing;
  }

  private static List<String> describe(Workflow w) {
    List<String> lines = new ArrayList<>();
    for (WorkflowState s : w.states()) {
      lines.add(
          s.name()
              + " ("
              + s.category().id()
              + ") -> "
              + String.join(", ", w.next(s).stream().map(WorkflowState::name).toList()));
    }
    return lines;
  }

  /** A state by id within a product's workflow, for callers that hold an id. */
  public WorkflowState state(Handle h, long productId, long stateId) {
    return workflow(h, productId).byId(stateId).orElseThrow(() -> new NotFound("state"));
  }
}
