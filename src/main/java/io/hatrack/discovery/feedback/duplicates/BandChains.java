package io.hatrack.discovery.feedback.duplicates;

import io.hatrack.discovery.text.MinHash;
import java.util.Arrays;

/**
 * The LSH bands of feedback that arrives in batches inside one transaction (an import saves its
 * rows in chunks), kept in memory for that transaction so that each new piece is compared with the
 * pieces before it without a database look-up: per band key a chain of the pieces that have it,
 * newest first, walked for at most {@code perBand} steps exactly like the look-up on arrival. About
 * 100 bytes per piece (its 64 minima, 16 chain links) plus the key table. Not thread-safe: one
 * transaction runs on one thread.
 */
final class BandChains {
  private static final int B = MinHash.BANDS;

  private long[] ids = new long[1024];
  private int[][] minima = new int[1024][];
  private int[] next = new int[1024 * B];
  private long[] tableKeys = new long[1 << 12];
  private int[] tableHeads = filled(1 << 12);
  private int used;
  private int size;

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  int size() {
    return size;
  }

  long id(int position) {
    return ids[position];
  }

  int[] minima(int position) {
    return minima[position];
  }

  /** Adds a piece and answers its position. */
  int add(long id, int[] signature) {
    if (size == ids.length) {
      int cap = size * 2;
      ids = Arrays.copyOf(ids, cap);
      minima = Arrays.copyOf(minima, cap);
      next = Arrays.copyOf(next, cap * B);
    }
    int p = size++;
    ids[p] = id;
    minima[p] = signature;
    long[] bandKeys = new long[B];
    if (!DuplicateStore.bandKeys(signature, bandKeys)) {
      Arrays.fill(next, p * B, p * B + B, -1);
      return p;
    }
    for (int b = 0; b < B; b++) {
      int e = p * B + b;
      int slot = slot(bandKeys[b]);
      if (tableHeads[slot] < 0) {
        tableKeys[slot] = bandKeys[b];
        used++;
      }
      next[e] = tableHeads[slot];
      tableHeads[slot] = e;
      if (used * 2 > tableKeys.length) {
        rehash();
      }
    }
    return p;
  }

  /**
   * The positions of earlier pieces sharing a band with the piece at {@code position} (itself added
   * already), at most {@code perBand} per band, newest first; each listed once.
   */
  int[] neighbours(int position, int perBand) {
    int[] out = new int[B * perBand];
    int n = 0;
    for (int b = 0; b < B; b++) {
      int steps = 0;
      for (int e = next[position * B + b]; e >= 0 && steps < perBand; e = next[e]) {
        steps++;
        int q = e / B;
        boolean seen = false;
        for (int x = 0; x < n && !seen; x++) {
          seen = out[x] == q;
        }
        if (!seen) {
          out[n++] = q;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  private int slot(long key) {
    int mask = tableKeys.length - 1;
    int s = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    while (tableHeads[s] >= 0 && tableKeys[s] != key) {
      s = (s + 1) & mask;
    }
    return s;
  }

  private void rehash() {
    long[] oldKeys = tableKeys;
    int[] oldHeads = tableHeads;
    tableKeys = new long[oldKeys.length * 2];
    tableHeads = filled(oldKeys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] >= 0) {
        int s = slot(oldKeys[i]);
        tableKeys[s] = oldKeys[i];
        tableHeads[s] = oldHeads[i];
      }
    }
  }
}
