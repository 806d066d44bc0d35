package io.hatrack.discovery.text;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Spherical k-means (Dhillon &amp; Modha 2001): k-means on L2-normalised TF-IDF vectors with cosine
 * similarity, each centroid the normalised mean of its members; k-means++ seeding (Arthur &amp;
 * Vassilvitskii 2007) on the cosine distance; a fixed seed makes every run the same. Assignment
 * runs in parallel; everything that depends on order runs sequentially, so results do not depend on
 * the number of cores.
 */
final class SphericalKMeans {
  static final int MAX_ITERATIONS = 40;

  /** Runs from different seedings; the one whose points are closest to their centroids wins. */
  static final int RUNS = 5;

  private SphericalKMeans() {}

  /**
   * Clusters the non-empty vectors {@code vectors[points[i]]} into at most {@code k} clusters.
   *
   * @return the cluster (0..k-1) of each point, in the order of {@code points}
   */
  static int[] cluster(SparseVector[] vectors, int[] points, int k, int dim, long seed) {
    int[] best = null;
    double bestCohesion = Double.NEGATIVE_INFINITY;
    double[] similarity = new double[points.length];
    for (int run = 0; run < RUNS; run++) {
      int[] a = run(vectors, points, k, dim, MinHash.mix(seed + run), similarity);
      double cohesion = 0;
      for (double s : similarity) {
        cohesion += s;
      }
      if (cohesion > bestCohesion) {
        bestCohesion = cohesion;
        best = a;
      }
    }
    return best;
  }

  /** One k-means run from one seeding; {@code best} receives each point's similarity. */
  private static int[] run(
      SparseVector[] vectors, int[] points, int k, int dim, long seed, double[] best) {
    int n = points.length;
    k = Math.max(1, Math.min(k, n));
    float[][] centroids = seed(vectors, points, k, dim, seed);
    int[] assignment = new int[n];
    Arrays.fill(assignment, -1);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      float[][] c = centroids;
      int[] previous = assignment.clone();
      IntStream.range(0, n)
          .parallel()
          .forEach(
              i -> {
                SparseVector v = vectors[points[i]];
                int arg = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < c.length; j++) {
                  double s = v.dot(c[j]);
                  if (s > max) {
                    max = s;
                    arg = j;
                  }
                }
                assignment[i] = arg;
                best[i] = max;
              });
      fillEmpty(assignment, best, k);
      if (Arrays.equals(previous, assignment)) {
        break;
      }
      centroids = centroids(vectors, points, assignment, k, dim);
    }
    return assignment;
  }

  /** Gives each empty cluster the point farthest from its own centroid. */
  private static void fillEmpty(int[] assignment, double[] best, int k) {
    int[] sizes = new int[k];
    for (int a : assignment) {
      sizes[a]++;
    }
    for (int j = 0; j < k; j++) {
      if (sizes[j] > 0) {
        continue;
      }
      int far = -1;
      for (int i = 0; i < assignment.length; i++) {
        if (sizes[assignment[i]] > 1 && (far < 0 || best[i] < best[far])) {
          far = i;
        }
      }
      if (far < 0) {
        return;
      }
      sizes[assignment[far]]--;
      assignment[far] = j;
      best[far] = 1;
      sizes[j]++;
    }
  }

  /** Normalised mean of each cluster's members. */
  static float[][] centroids(
      SparseVector[] vectors, int[] points, int[] assignment, int k, int dim) {
    float[][] c = new float[k][dim];
    for (int i = 0; i < points.length; i++) {
      vectors[points[i]].addTo(c[assignment[i]], 1f);
    }
    for (float[] centroid : c) {
      normalise(centroid);
    }
    return c;
  }

  static void normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum > 0) {
      float inv = (float) (1 / Math.sqrt(sum));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
  }

  /** k-means++: each next seed drawn with probability proportional to its squared distance. */
  private static float[][] seed(SparseVector[] vectors, int[] points, int k, int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = points.length;
    int[] chosen = new int[k];
    chosen[0] = random.nextInt(n);
    double[] d2 = new double[n];
    Arrays.fill(d2, Double.MAX_VALUE);
    for (int c = 1; c < k; c++) {
      SparseVector last = vectors[points[chosen[c - 1]]];
      double total = 0;
      for (int i = 0; i < n; i++) {
        double d = 1 - last.dot(vectors[points[i]]);
        d2[i] = Math.min(d2[i], Math.max(0, d) * Math.max(0, d));
        total += d2[i];
      }
      int pick;
      if (total <= 0) {
        pick = random.nextInt(n);
      } else {
        double r = random.nextDouble() * total;
        pick = n - 1;
        for (int i = 0; i < n; i++) {
          r -= d2[i];
          if (r < 0) {
            pick = i;
            break;
          }
        }
      }
      chosen[c] = pick;
    }
    float[][] centroids = new float[k][dim];
    for (int c = 0; c < k; c++) {
      vectors[points[chosen[c]]].addTo(centroids[c], 1f);
    }
    return centroids;
  }

  /**
   * Mean silhouette (Rousseeuw 1987) with cosine distance, from a precomputed similarity matrix of
   * the points ({@code sim[i * n + j]}). Points alone in their cluster score 0.
   */
  static double silhouette(float[] sim, int n, int[] assignment, int k) {
    int[] sizes = new int[k];
    for (int a : assignment) {
      sizes[a]++;
    }
    double total = 0;
    double[] sums = new double[k];
    for (int i = 0; i < n; i++) {
      Arrays.fill(sums, 0);
      for (int j = 0; j < n; j++) {
        if (j != i) {
          sums[assignment[j]] += 1 - sim[i * n + j];
        }
      }
      int own = assignment[i];
      if (sizes[own] <= 1) {
        continue;
      }
      double a = sums[own] / (sizes[own] - 1);
      double b = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        if (c != own && sizes[c] > 0) {
          b = Math.min(b, sums[c] / sizes[c]);
        }
      }
      if (b == Double.MAX_VALUE) {
        continue;
      }
      double denominator = Math.max(a, b);
      total += denominator == 0 ? 0 : (b - a) / denominator;
    }
    return total / n;
  }
}
