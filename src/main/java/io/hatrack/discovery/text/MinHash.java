package io.hatrack.discovery.text;

import java.util.List;
import java.util.SplittableRandom;

/**
 * MinHash signatures of a text's shingles and their LSH band keys.
 *
 * <p>Shingles are the stemmed terms of the text and each pair of neighbouring terms (1- and 2-word
 * shingles), so that word order counts a little without making short texts that say the same thing
 * look unrelated. A signature holds {@value #HASHES} minima, one per seeded 64-bit hash (the
 * SplitMix64 finaliser), of which the probability that two signatures agree in one place is the
 * Jaccard similarity of the two shingle sets.
 *
 * <p>LSH banding: {@value #BANDS} bands of {@value #ROWS} rows. Two texts of Jaccard similarity
 * {@code s} share at least one band with probability {@code 1 - (1 - s^4)^16}: 0.12 at s = 0.3,
 * 0.43 at 0.43, 0.64 at 0.5, 0.89 at 0.6, 0.98 at 0.7 and over 0.999 at 0.8; the threshold of this
 * S-curve, {@code (1/16)^(1/4)}, is 0.5. {@link DuplicateIndex} checks candidates by TF-IDF cosine;
 * the feedback inbox's stored duplicate check by {@link #estimate} of the signatures.
 */
public final class MinHash {
  public static final int BANDS = 16;
  public static final int ROWS = 4;
  public static final int HASHES = BANDS * ROWS;

  private static final long[] SEEDS = seeds(HASHES + BANDS, 0x5EEDF00DL);

  private MinHash() {}

  private static long[] seeds(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] s = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = random.nextLong();
    }
    return s;
  }

  /** SplitMix64's finaliser: a bijective 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A 64-bit hash of a term (FNV-1a over its chars, then mixed). */
  static long termHash(String term) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < term.length(); i++) {
      h ^= term.charAt(i);
      h *= 0x100000001B3L;
    }
    return mix(h);
  }

  /** The signature of these stems, or an empty array when there are none. */
  public static int[] signature(List<String> stems) {
    if (stems.isEmpty()) {
      return new int[0];
    }
    long[] min = new long[HASHES];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    long previous = 0;
    for (int t = 0; t < stems.size(); t++) {
      long h = termHash(stems.get(t));
      update(min, h);
      if (t > 0) {
        update(min, mix(previous * 0x9E3779B97F4A7C15L + h));
      }
      previous = h;
    }
    int[] signature = new int[HASHES];
    for (int i = 0; i < HASHES; i++) {
      signature[i] = (int) min[i];
    }
    return signature;
  }

  private static void update(long[] min, long shingle) {
    for (int i = 0; i < HASHES; i++) {
      long v = mix(shingle ^ SEEDS[i]) >>> 32;
      if (v < min[i]) {
        min[i] = v;
      }
    }
  }

  /** One 32-bit key per band: the band's rows hashed together with the band number. */
  public static void bandKeys(int[] signature, int[] out, int offset) {
    for (int b = 0; b < BANDS; b++) {
      long h = SEEDS[HASHES + b];
      for (int r = 0; r < ROWS; r++) {
        h = mix(h ^ (signature[b * ROWS + r] & 0xFFFFFFFFL));
      }
      out[offset + b] = (int) (h ^ (h >>> 32));
    }
  }

  /** The share of places where two signatures agree: an estimate of the Jaccard similarity. */
  public static double estimate(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return same / (double) HASHES;
  }
}
