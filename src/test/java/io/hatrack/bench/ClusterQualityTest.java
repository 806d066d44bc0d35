package io.hatrack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusterQualityTest {

  @Test
  void aPerfectClusteringScoresOneWhateverTheClusterNumbers() {
    double[] q =
        ClusterQuality.of(new int[] {1, 1, 0, 0, 2, 2}, 3, new int[] {0, 0, 1, 1, 2, 2}, 3);

    assertThat(q[0]).isEqualTo(1.0);
    assertThat(q[1]).isCloseTo(1.0, within(1e-12));
    assertThat(q[2]).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void matchesAWorkedExample() {
    // scikit-learn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714...,
    // normalized_mutual_info_score(...) = 0.8000.
    double[] q = ClusterQuality.of(new int[] {0, 0, 1, 2}, 3, new int[] {0, 0, 1, 1}, 2);

    assertThat(q[0]).isEqualTo(1.0);
    assertThat(q[2]).isCloseTo(4.0 / 7.0, within(1e-9));
    assertThat(q[1]).isCloseTo(0.8, within(1e-9));
  }
}
