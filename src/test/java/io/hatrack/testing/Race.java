package io.hatrack.testing;

import io.hatrack.kernel.HatrackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts several actions at the same moment, each on its own thread, to check rules that must hold
 * when people act at once (two owners demoting each other, two people using one link).
 */
public final class Race {
  private Race() {}

  /**
   * Runs {@code actions} together and returns how many succeeded. An action refused with one of
   * Hatrack's own exceptions counts as not succeeding; anything else fails the test.
   */
  public static int successes(Runnable... actions) throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(actions.length);
    ExecutorService pool = Executors.newFixedThreadPool(actions.length);
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (Runnable action : actions) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    action.run();
                    return true;
                  } catch (HatrackException refused) {
                    return false;
                  }
                }));
      }
      int succeeded = 0;
      for (Future<Boolean> outcome : outcomes) {
        try {
          succeeded += outcome.get() ? 1 : 0;
        } catch (ExecutionException e) {
          throw new AssertionError("a racing action failed unexpectedly", e.getCause());
        }
      }
      return succeeded;
    } finally {
      pool.shutdownNow();
    }
  }
}
