package io.hatrack.bench;

/**
 * External measures of a clustering against labels: purity, normalised mutual information (NMI,
 * arithmetic-mean normalisation as in scikit-learn) and the adjusted Rand index (Hubert &amp;
 * Arabie 1985).
 */
final class ClusterQuality {
  private ClusterQuality() {}

  /** {purity, NMI, ARI} of {@code cluster[i]} (0..k-1) against {@code label[i]} (0..c-1). */
  static double[] of(int[] cluster, int k, int[] label, int c) {
    int n = cluster.length;
    long[][] table = new long[k][c];
    long[] rows = new long[k];
    long[] cols = new long[c];
    for (int i = 0; i < n; i++) {
      table[cluster[i]][label[i]]++;
      rows[cluster[i]]++;
      cols[label[i]]++;
    }
    long majority = 0;
    for (long[] row : table) {
      long max = 0;
      for (long v : row) {
        max = Math.max(max, v);
      }
      majority += max;
    }
    double purity = majority / (double) n;
    double mi = 0;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < c; b++) {
        if (table[a][b] > 0) {
          mi +=
              table[a][b]
                  / (double) n
                  * Math.log(n * (double) table[a][b] / (rows[a] * (double) cols[b]));
        }
      }
    }
    double hk = entropy(rows, n);
    double hc = entropy(cols, n);
    double nmi = hk + hc == 0 ? 1 : mi / ((hk + hc) / 2);
    double index = 0;
    for (long[] row : table) {
      for (long v : row) {
        index += pairs(v);
      }
    }
    double rowPairs = 0;
    for (long v : rows) {
      rowPairs += pairs(v);
    }
    double colPairs = 0;
    for (long v : cols) {
      colPairs += pairs(v);
    }
    double expected = rowPairs * colPairs / pairs(n);
    double max = (rowPairs + colPairs) / 2;
    double ari = max == expected ? 1 : (index - expected) / (max - expected);
    return new double[] {purity, nmi, ari};
  }

  private static double pairs(long v) {
    return v * (v - 1) / 2.0;
  }

  private static double entropy(long[] counts, int n) {
    double h = 0;
    for (long v : counts) {
      if (v > 0) {
        double p = v / (double) n;
        h -= p * Math.log(p);
      }
    }
    return h;
  }
}
