package io.hatrack.planning.solver;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Finds the release plan of greatest total (discounted) value with OR-Tools CP-SAT: a boolean
 * x[item][period] per allowed period (none for excluded items, only the pinned one for pinned
 * items, none after a deadline); each item at most once; each team's effort within its capacity in
 * each period; an item only when everything it depends on is planned no later; optionally
 * Must-haves at most 60 % of the planned effort. The greedy plan is given as a hint, so a plan
 * found is never worth less than the greedy one. OR-Tools' native code is loaded on the first
 * solve, not at start-up.
 *
 * <p>Before the plan itself, a relaxation is solved for a bound: the same model in which each
 * team's capacity only has to hold for the first k periods together, for every k (capacity left
 * over in one period may be used later). Its optimum is at least the plan's, and it has none of the
 * bin-packing of items into periods that makes proofs hard: on instances where CP-SAT finds the
 * best plan quickly but cannot prove it in minutes, the relaxation proves the same value in a
 * second or two. The plan's objective is then constrained to at most that bound, so CP-SAT reports
 * the plan optimal as soon as it reaches it.
 */
public final class ReleasePlanner {
  /** Time kept back from the solver for reading its answer and explaining left-out items. */
  private static final double AFTER_SOLVE_SECONDS = 0.3;

  /** The share of the time limit the relaxation may take at most. */
  private static final double RELAXATION_SHARE = 0.25;

  /**
   * Above this many items the relaxation is skipped: it is then about as hard as the plan, and its
   * bound no better than CP-SAT's own (on the bench's 500 items: 19,700 against 19,733), while the
   * quarter of the time it took cost the plan up to a tenth of its value.
   */
  private static final int RELAXATION_MAX_ITEMS = 120;

  /** Solves {@code problem}; never throws for an infeasible problem, it says why instead. */
  public ReleasePlan solve(PlanningProblem problem) {
    long started = System.nanoTime();
    GreedyPlan greedy = GreedyPlanner.plan(problem);
    List<String> conflicts = ConflictCheck.conflicts(problem);
    if (!conflicts.isEmpty()) {
      return infeasible(greedy, conflicts, started);
    }
    Loader.loadNativeLibraries();
    Built built = build(problem, greedy, false, false);
    OptionalLong relaxed = relaxationBound(problem, greedy, started);
    if (relaxed.isPresent()) {
      built.model.addLessOrEqual(built.objective, relaxed.getAsLong());
    }
    CpSolver solver = solver(problem.options(), problem.options().workers());
    solver.getParameters().setMaxTimeInSeconds(Math.max(0.1, secondsLeft(problem, started)));
    CpSolverStatus status = solver.solve(built.model);
    if (status == CpSolverStatus.INFEASIBLE) {
      return infeasible(greedy, explainInfeasible(problem, greedy), started);
    }
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      return new ReleasePlan(
          PlanStatus.UNKNOWN,
          Map.of(),
          0,
          0,
          100,
          since(started),
          greedy,
          List.of(),
          List.of(
              "No plan was found within the time limit of "
                  + problem.options().timeLimit().toSeconds()
                  + " s."));
    }
    Map<String, String> assignment = new LinkedHashMap<>();
    for (Map.Entry<String, Map<Integer, BoolVar>> e : built.x.entrySet()) {
      e.getValue()
          .forEach(
              (p, v) -> {
                if (solver.booleanValue(v)) {
                  assignment.put(e.getKey(), problem.periods().get(p).id());
                }
              });
    }
    long objective = Math.round(solver.objectiveValue());
    long bound = Math.round(solver.bestObjectiveBound());
    boolean optimal = status == CpSolverStatus.OPTIMAL;
    double gap = optimal || bound == 0 ? 0 : 100.0 * (bound - objective) / bound;
    return new ReleasePlan(
        optimal ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE,
        assignment,
        objective,
        optimal ? objective : bound,
        gap,
        since(started),
        greedy,
        LeftOutReasons.explain(problem, assignment),
        List.of());
  }

  /**
   * Seconds left for solving: the limit covers the whole call (the greedy plan and building the
   * models count too), and reading the answer and explaining what was left out afterwards take up
   * to a few tenths.
   */
  private static double secondsLeft(PlanningProblem problem, long started) {
    return (problem.options().timeLimit().toNanos() - (System.nanoTime() - started)) / 1e9
        - AFTER_SOLVE_SECONDS;
  }

  /**
   * The bound from the relaxation with cumulative capacity (see the class comment), within a share
   * of the time left; empty with a single period (the relaxation would be the plan itself) or when
   * the relaxation finds no bound in its time; and on large problems (see {@link
   * #RELAXATION_MAX_ITEMS}).
   */
  private static OptionalLong relaxationBound(
      PlanningProblem problem, GreedyPlan greedy, long started) {
    if (problem.periods().size() < 2 || problem.items().size() > RELAXATION_MAX_ITEMS) {
      return OptionalLong.empty();
    }
    Built relaxation = build(problem, greedy, false, true);
    CpSolver solver = solver(problem.options(), problem.options().workers());
    double seconds = secondsLeft(problem, started) * RELAXATION_SHARE;
    solver.getParameters().setMaxTimeInSeconds(Math.max(0.05, seconds));
    CpSolverStatus status = solver.solve(relaxation.model);
    if (status == CpSolverStatus.OPTIMAL) {
      return OptionalLong.of(Math.round(solver.objectiveValue()));
    }
    if (status == CpSolverStatus.FEASIBLE) {
      return OptionalLong.of((long) Math.floor(solver.bestObjectiveBound() + 1e-6));
    }
    return OptionalLong.empty();
  }

  private static ReleasePlan infeasible(GreedyPlan greedy, List<String> why, long started) {
    return new ReleasePlan(
        PlanStatus.INFEASIBLE, Map.of(), 0, 0, 0, since(started), greedy, List.of(), why);
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static CpSolver solver(PlanOptions options, int workers) {
    CpSolver solver = new CpSolver();
    solver
        .getParameters()
        .setMaxTimeInSeconds(options.timeLimit().toMillis() / 1000.0)
        .setRandomSeed(options.seed())
        .setNumWorkers(workers);
    return solver;
  }

  /**
   * Only pins can make the model infeasible (leaving every other item out always fits), so the pins
   * become assumptions and CP-SAT names a set of them that cannot hold together.
   */
  private static List<String> explainInfeasible(PlanningProblem problem, GreedyPlan greedy) {
    Built built = build(problem, greedy, true, false);
    CpSolver solver = solver(problem.options(), 1);
    solver.solve(built.model);
    List<String> pins = new ArrayList<>();
    for (int literal : solver.sufficientAssumptionsForInfeasibility()) {
      String item = built.pinOfLiteral.get(literal);
      if (item != null) {
        pins.add(item);
      }
    }
    String rule =
        problem.options().moscowRule()
            ? ", dependencies, deadlines and the MoSCoW 60 % rule"
            : ", dependencies and deadlines";
    return List.of(
        "The pins of items "
            + (pins.isEmpty() ? "in this plan" : String.join(", ", pins))
            + " cannot all hold together with the teams' capacity"
            + rule
            + ".");
  }

  private record Built(
      CpModel model,
      Map<String, Map<Integer, BoolVar>> x,
      Map<Integer, String> pinOfLiteral,
      LinearExpr objective) {}

  /**
   * The model of {@code problem}; with {@code relaxed}, each team's capacity holds for the first k
   * periods together, for every k, instead of for each period.
   */
  private static Built build(
      PlanningProblem problem, GreedyPlan greedy, boolean pinsAsAssumptions, boolean relaxed) {
    CpModel model = new CpModel();
    Map<String, Integer> index = problem.periodIndex();
    Map<String, Map<Integer, BoolVar>> x = new LinkedHashMap<>();
    Map<Integer, String> pinOfLiteral = new HashMap<>();
    LinearExprBuilder objective = LinearExpr.newBuilder();
    for (PlanItem item : problem.items()) {
      Map<Integer, BoolVar> vars = new LinkedHashMap<>();
      x.put(item.id(), vars);
      if (item.excluded()) {
        continue;
      }
      int from = item.pinned().map(index::get).orElse(0);
      int to = item.pinned().map(index::get).orElse(problem.lastAllowed(item));
      for (int p = from; p <= to; p++) {
        BoolVar v = model.newBoolVar(item.id() + "@" + p);
        vars.put(p, v);
        objective.addTerm(v, problem.options().discounted(item.value(), p));
        String hinted = greedy.assignment().get(item.id());
        model.addHint(v, problem.periods().get(p).id().equals(hinted) ? 1 : 0);
      }
      if (vars.size() > 1) {
        model.addAtMostOne(vars.values().toArray(new BoolVar[0]));
      }
      if (item.pinned().isPresent() && !vars.isEmpty()) {
        BoolVar pinnedVar = vars.values().iterator().next();
        if (pinsAsAssumptions) {
          BoolVar holds = model.newBoolVar("pin " + item.id());
          model.addEquality(pinnedVar, 1).onlyEnforceIf(holds);
          model.addAssumption(holds);
          pinOfLiteral.put(holds.getIndex(), item.id());
        } else {
          model.addEquality(pinnedVar, 1);
        }
      }
    }
    addCapacity(problem, model, x, relaxed);
    addDependencies(problem, model, x);
    if (problem.options().moscowRule()) {
      addMustHaveRule(problem, model, x);
    }
    LinearExpr value = objective.build();
    model.maximize(value);
    return new Built(model, x, pinOfLiteral, value);
  }

  /**
   * Each team's effort in a period within its capacity there; or, {@code cumulative}, the effort in
   * the first k periods within their capacity together, for every k.
   */
  private static void addCapacity(
      PlanningProblem problem,
      CpModel model,
      Map<String, Map<Integer, BoolVar>> x,
      boolean cumulative) {
    for (int last = 0; last < problem.periods().size(); last++) {
      int first = cumulative ? 0 : last;
      for (String team : problem.teams()) {
        LinearExprBuilder load = LinearExpr.newBuilder();
        long capacity = 0;
        boolean any = false;
        for (int p = first; p <= last; p++) {
          capacity += problem.periods().get(p).capacityOf(team);
          for (PlanItem item : problem.items()) {
            BoolVar v = x.get(item.id()).get(p);
            Integer units = item.effort().get(team);
            if (v != null && units != null) {
              load.addTerm(v, units);
              any = true;
            }
          }
        }
        if (any) {
          model.addLessOrEqual(load.build(), capacity);
        }
      }
    }
  }

  /**
   * An item planned by period p needs what it depends on planned by period p, for every p: the
   * cumulative form, whose linear relaxation is tighter than "x[item][p] implies the other by p",
   * so CP-SAT proves optimality on instances the weaker form leaves open.
   */
  private static void addDependencies(
      PlanningProblem problem, CpModel model, Map<String, Map<Integer, BoolVar>> x) {
    int periods = problem.periods().size();
    for (Dependency d : problem.dependencies()) {
      Map<Integer, BoolVar> item = x.get(d.item());
      Map<Integer, BoolVar> needed = x.get(d.dependsOn());
      List<BoolVar> byItem = new ArrayList<>();
      List<BoolVar> byNeeded = new ArrayList<>();
      for (int p = 0; p < periods; p++) {
        BoolVar v = item.get(p);
        if (v != null) {
          byItem.add(v);
        }
        BoolVar n = needed.get(p);
        if (n != null) {
          byNeeded.add(n);
        }
        if (!byItem.isEmpty() && (v != null || n != null)) {
          model.addLessOrEqual(
              LinearExpr.sum(byItem.toArray(new BoolVar[0])),
              LinearExpr.sum(byNeeded.toArray(new BoolVar[0])));
        }
      }
    }
  }

  /** 100 × must-have effort ≤ 60 × all planned effort, in whole numbers. */
  private static void addMustHaveRule(
      PlanningProblem problem, CpModel model, Map<String, Map<Integer, BoolVar>> x) {
    LinearExprBuilder balance = LinearExpr.newBuilder();
    for (PlanItem item : problem.items()) {
      long effort = item.totalEffort();
      long weight = (item.moscow() == Moscow.MUST ? 100 : 0) - (long) PlanOptions.MUST_HAVE_PERCENT;
      for (BoolVar v : x.get(item.id()).values()) {
        balance.addTerm(v, weight * effort);
      }
    }
    model.addLessOrEqual(balance.build(), 0);
  }
}
