package io.hatrack.discovery.text;

import java.util.Arrays;

/**
 * A sparse vector of term weights: term ids in ascending order with their weights. Immutable (the
 * arrays are not exposed).
 */
public final class SparseVector {
  /** The vector with no terms. */
  public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

  private final int[] ids;
  private final float[] weights;

  /** Takes ownership of the arrays: ids strictly ascending, same length as weights. */
  SparseVector(int[] ids, float[] weights) {
    if (ids.length != weights.length) {
      throw new IllegalArgumentException("ids and weights differ in length");
    }
    this.ids = ids;
    this.weights = weights;
  }

  /** Number of non-zero terms. */
  public int size() {
    return ids.length;
  }

  /** True when the vector has no terms (a text of stop words only). */
  public boolean isEmpty() {
    return ids.length == 0;
  }

  int id(int i) {
    return ids[i];
  }

  float weight(int i) {
    return weights[i];
  }

  /** The dot product; for two L2-normalised vectors, their cosine similarity. */
  public double dot(SparseVector other) {
    double sum = 0;
    int i = 0;
    int j = 0;
    while (i < ids.length && j < other.ids.length) {
      int a = ids[i];
      int b = other.ids[j];
      if (a == b) {
        sum += (double) weights[i] * other.weights[j];
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  /** The dot product with a dense vector indexed by term id (ids beyond its length count 0). */
  double dot(float[] dense) {
    double sum = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < dense.length) {
        sum += (double) weights[i] * dense[ids[i]];
      }
    }
    return sum;
  }

  /** Adds {@code factor} times this vector into {@code dense}. */
  void addTo(float[] dense, float factor) {
    for (int i = 0; i < ids.length; i++) {
      dense[ids[i]] += weights[i] * factor;
    }
  }

  /** The Euclidean length. */
  public double norm() {
    double sum = 0;
    for (float w : weights) {
      sum += (double) w * w;
    }
    return Math.sqrt(sum);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseVector v
        && Arrays.equals(ids, v.ids)
        && Arrays.equals(weights, v.weights);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < ids.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(ids[i]).append('=').append(weights[i]);
    }
    return sb.append('}').toString();
  }
}
