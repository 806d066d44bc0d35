package io.hatrack.discovery.feedback.duplicates;

import io.hatrack.discovery.text.MinHash;
import java.util.Arrays;

/**
 * The near-duplicates within one batch of new feedback (an import), found in memory rather than by
 * one database look-up per piece: every (band key, position) of the batch packed into one long and
 * sorted, so that each band's pieces lie side by side in the order they came; each piece is
 * compared with the {@code perBand} pieces before it in each of its bands, exactly as the check on
 * arrival compares it with the newest pieces of the band. No I/O.
 */
final class BatchNeighbours {
  /** Positions take the low 24 bits: a batch of up to 16,777,216 pieces. */
  static final int MAX_BATCH = 1 << 24;

  private BatchNeighbours() {}

  /**
   * For each piece (by position), its most similar earlier pieces of the batch: {@code out[i]}
   * holds up to {@code maxPerItem} positions, best first, and {@code similarity[i]} their estimated
   * Jaccard similarity; -1 ends a shorter list.
   */
  record Result(int[][] out, double[][] similarity) {}

  static Result find(int[][] minima, int perBand, double min, int maxPerItem) {
    int n = minima.length;
    if (n > MAX_BATCH) {
      throw new IllegalArgumentException("a batch of at most " + MAX_BATCH + " pieces");
    }
    long[] packed = new long[n * MinHash.BANDS];
    int k = 0;
    long[] keys = new long[MinHash.BANDS];
    for (int i = 0; i < n; i++) {
      if (DuplicateStore.bandKeys(minima[i], keys)) {
        for (long key : keys) {
          packed[k++] = (key << 24) | i;
        }
      }
    }
    long[] sorted = Arrays.copyOf(packed, k);
    Arrays.sort(sorted);
    int[][] best = new int[n][];
    double[][] sims = new double[n][];
    int start = 0;
    while (start < k) {
      long key = sorted[start] >>> 24;
      int end = start + 1;
      while (end < k && (sorted[end] >>> 24) == key) {
        end++;
      }
      for (int p = start + 1; p < end; p++) {
        int i = (int) (sorted[p] & 0xFFFFFF);
        for (int q = Math.max(start, p - perBand); q < p; q++) {
          int j = (int) (sorted[q] & 0xFFFFFF);
          double s = MinHash.estimate(minima[i], minima[j]);
          if (s >= min) {
            if (best[i] == null) {
              best[i] = new int[maxPerItem];
              sims[i] = new double[maxPerItem];
              Arrays.fill(best[i], -1);
            }
            offer(best[i], sims[i], j, s);
          }
        }
      }
      start = end;
    }
    return new Result(best, sims);
  }

  /** Keeps {@code j} among the best, most similar first, once. */
  private static void offer(int[] best, double[] sims, int j, double s) {
    int at = -1;
    for (int x = 0; x < best.length; x++) {
      if (best[x] == j) {
        return;
      }
      if (at < 0 && (best[x] < 0 || s > sims[x])) {
        at = x;
      }
    }
    if (at < 0) {
      return;
    }
    System.arraycopy(best, at, best, at + 1, best.length - at - 1);
    System.arraycopy(sims, at, sims, at + 1, sims.length - at - 1);
    best[at] = j;
    sims[at] = s;
  }
}
