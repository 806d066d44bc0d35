package io.hatrack.discovery.text;

import java.util.Arrays;

/** An open-addressing map from long keys to non-negative ints, for compact id → slot lookups. */
final class LongIntMap {
  private static final long FREE = Long.MIN_VALUE;
  private static final long GONE = Long.MIN_VALUE + 1;

  private long[] keys;
  private int[] values;
  private int size;
  private int used;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[cap];
    values = new int[cap];
    Arrays.fill(keys, FREE);
  }

  int size() {
    return size;
  }

  private static void checkKey(long key) {
    if (key == FREE || key == GONE) {
      throw new IllegalArgumentException("reserved key " + key);
    }
  }

  private int slot(long key) {
    return (int) MinHash.mix(key) & (keys.length - 1);
  }

  /** The value of {@code key}, or -1. */
  int get(long key) {
    int mask = keys.length - 1;
    for (int p = slot(key); ; p = (p + 1) & mask) {
      long k = keys[p];
      if (k == key) {
        return values[p];
      }
      if (k == FREE) {
        return -1;
      }
    }
  }

  void put(long key, int value) {
    checkKey(key);
    if ((used + 1) * 2 > keys.length) {
      rehash(size * 4 > keys.length ? keys.length * 2 : keys.length);
    }
    int mask = keys.length - 1;
    int tomb = -1;
    for (int p = slot(key); ; p = (p + 1) & mask) {
      long k = keys[p];
      if (k == key) {
        values[p] = value;
        return;
      }
      if (k == GONE && tomb < 0) {
        tomb = p;
      }
      if (k == FREE) {
        int at = tomb >= 0 ? tomb : p;
        if (tomb < 0) {
          used++;
        }
        keys[at] = key;
        values[at] = value;
        size++;
        return;
      }
    }
  }

  /** Removes {@code key}; returns its value or -1. */
  int remove(long key) {
    int mask = keys.length - 1;
    for (int p = slot(key); ; p = (p + 1) & mask) {
      long k = keys[p];
      if (k == key) {
        keys[p] = GONE;
        size--;
        return values[p];
      }
      if (k == FREE) {
        return -1;
      }
    }
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(keys, FREE);
    size = 0;
    used = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE && oldKeys[i] != GONE) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
