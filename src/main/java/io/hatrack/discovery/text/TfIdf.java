package io.hatrack.discovery.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * TF-IDF weighting fitted on a set of documents (each a list of terms, as {@link
 * TextAnalyzer#terms} gives): sublinear term frequency {@code 1 + ln tf}, smooth inverse document
 * frequency {@code ln((1 + N) / (1 + df)) + 1}, vectors L2-normalised so that a dot product is a
 * cosine similarity. Immutable once fitted.
 */
public final class TfIdf {
  private final Map<String, Integer> ids;
  private final String[] terms;
  private final float[] idf;
  private final int documents;
  private final float unseenIdf;

  private TfIdf(Map<String, Integer> ids, String[] terms, float[] idf, int documents) {
    this.ids = ids;
    this.terms = terms;
    this.idf = idf;
    this.documents = documents;
    this.unseenIdf = (float) (Math.log(1.0 + documents) + 1);
  }

  /** Fits the vocabulary and document frequencies of {@code documents}. */
  public static TfIdf fit(List<List<String>> documents) {
    Map<String, Integer> ids = new HashMap<>();
    int[] df = new int[16];
    Set<String> seen = new HashSet<>();
    for (List<String> doc : documents) {
      seen.clear();
      for (String term : doc) {
        if (seen.add(term)) {
          int id = ids.computeIfAbsent(term, t -> ids.size());
          if (id >= df.length) {
            df = Arrays.copyOf(df, df.length * 2);
          }
          df[id]++;
        }
      }
    }
    String[] terms = new String[ids.size()];
    ids.forEach((t, id) -> terms[id] = t);
    float[] idf = new float[terms.length];
    int n = documents.size();
    for (int id = 0; id < idf.length; id++) {
      idf[id] = (float) idf(n, df[id]);
    }
    return new TfIdf(Map.copyOf(ids), terms, idf, n);
  }

  /** The smooth inverse document frequency of a term in {@code df} of {@code n} documents. */
  static double idf(int n, int df) {
    return Math.log((1.0 + n) / (1.0 + df)) + 1;
  }

  /** The sublinear term-frequency factor. */
  static double tf(int count) {
    return 1 + Math.log(count);
  }

  /**
   * The L2-normalised TF-IDF vector of a document. Terms the fit never saw match nothing but still
   * count in the length (weighted as if seen in no document), so a text made mostly of new words is
   * not mistaken for a close match.
   */
  public SparseVector vector(List<String> documentTerms) {
    Map<String, Integer> counts = new HashMap<>();
    for (String t : documentTerms) {
      counts.merge(t, 1, Integer::sum);
    }
    int[] vid = new int[counts.size()];
    float[] w = new float[counts.size()];
    int k = 0;
    double norm2 = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      Integer id = ids.get(e.getKey());
      double weight = tf(e.getValue()) * (id == null ? unseenIdf : idf[id]);
      norm2 += weight * weight;
      if (id != null) {
        vid[k] = id;
        w[k] = (float) weight;
        k++;
      }
    }
    return normalised(vid, w, k, Math.sqrt(norm2));
  }

  static SparseVector normalised(int[] vid, float[] w, int k, double norm) {
    if (k == 0 || norm == 0) {
      return SparseVector.EMPTY;
    }
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(vid[a], vid[b]));
    int[] ids = new int[k];
    float[] weights = new float[k];
    for (int i = 0; i < k; i++) {
      ids[i] = vid[order[i]];
      weights[i] = (float) (w[order[i]] / norm);
    }
    return new SparseVector(ids, weights);
  }

  /** Cosine similarity of two texts' terms under this fit. */
  public double cosine(List<String> a, List<String> b) {
    return vector(a).dot(vector(b));
  }

  /** Number of distinct terms seen. */
  public int vocabularySize() {
    return terms.length;
  }

  /** Number of documents fitted. */
  public int documents() {
    return documents;
  }

  /** The id of a term, if seen. */
  public OptionalInt id(String term) {
    Integer id = ids.get(term);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The term with this id. */
  public String term(int id) {
    return terms[id];
  }

  /** The inverse document frequency of the term with this id. */
  public double idf(int id) {
    return idf[id];
  }
}
