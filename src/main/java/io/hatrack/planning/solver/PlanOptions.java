package io.hatrack.planning.solver;

import io.hatrack.kernel.Invalid;
import java.time.Duration;

/**
 * How to plan.
 *
 * @param discountPerPeriod cost-of-delay discount d: an item planned in period index p is worth
 *     value × (1 − d)^p, rounded to a whole number; 0 for none
 * @param moscowRule when true, Must-haves take at most 60 % of the planned effort
 * @param timeLimit the solver's wall-clock limit
 * @param seed the solver's random seed
 * @param workers the solver's number of search workers; CP-SAT's portfolio needs about eight to run
 *     the subsolvers that raise the bound (LP with cuts, core, shaving) beside those that find
 *     plans, and they share the cores there are, so eight is right even on a two-core machine: on
 *     the planner benchmark's 51-59 item instances the gap after 20 s fell from 2-11 % with two
 *     workers to 1-2.5 % with eight
 */
public record PlanOptions(
    double discountPerPeriod, boolean moscowRule, Duration timeLimit, int seed, int workers) {

  /** Must-haves may take at most this share (in per cent) of the planned effort. */
  public static final int MUST_HAVE_PERCENT = 60;

  public PlanOptions {
    if (!(discountPerPeriod >= 0 && discountPerPeriod < 1)) {
      throw Invalid.field("discount", "the discount per period must be at least 0 and below 1");
    }
    if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
      throw Invalid.field("timeLimit", "the time limit must be positive");
    }
    if (workers < 1) {
      throw Invalid.field("workers", "at least one worker");
    }
  }

  /** The default number of search workers (see {@code workers}). */
  public static final int WORKERS = 8;

  /** No discount, no MoSCoW rule, 10 s, seed 1, {@link #WORKERS} workers. */
  public static PlanOptions defaults() {
    return new PlanOptions(0, false, Duration.ofSeconds(10), 1, WORKERS);
  }

  public PlanOptions withDiscount(double d) {
    return new PlanOptions(d, moscowRule, timeLimit, seed, workers);
  }

  public PlanOptions withMoscowRule(boolean on) {
    return new PlanOptions(discountPerPeriod, on, timeLimit, seed, workers);
  }

  public PlanOptions withTimeLimit(Duration limit) {
    return new PlanOptions(discountPerPeriod, moscowRule, limit, seed, workers);
  }

  public PlanOptions withSeed(int s) {
    return new PlanOptions(discountPerPeriod, moscowRule, timeLimit, s, workers);
  }

  public PlanOptions withWorkers(int w) {
    return new PlanOptions(discountPerPeriod, moscowRule, timeLimit, seed, w);
  }

  /** The whole-number worth of {@code value} when planned in the period at {@code index}. */
  public long discounted(long value, int index) {
    return Math.round(value * Math.pow(1 - discountPerPeriod, index));
  }
}
