package io.hatrack.discovery.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What assigning new feedback to themes needs, without the texts the themes were made from: the
 * inverse document frequency of each stem from the last run of {@link ThemeModel}, and each theme's
 * centroid as stem weights. Small enough to store (as JSON) and to keep in memory.
 *
 * <p>How the grouping learns from the PM's tags: a theme's centroid is the normalised weighted mean
 * of its members' TF-IDF vectors, where feedback the PM tagged into the theme weighs {@link
 * #PIN_WEIGHT} times as much as feedback the clustering put there. Tagging an item therefore pulls
 * its theme's centre towards it (and away from the theme it left), and new feedback like it goes to
 * the nearest centroid by cosine similarity, if at least the minimum similarity. A centroid keeps
 * its {@link #CENTROID_TERMS} heaviest terms: the rest weigh too little to change a choice.
 * Immutable and thread-safe.
 */
public final class ThemeIndex {
  /** How much more a tagged member weighs in its theme's centroid than an untagged one. */
  public static final double PIN_WEIGHT = 3.0;

  /** How many terms of a centroid are kept. */
  public static final int CENTROID_TERMS = 2000;

  /** How many representative quotes a theme has. */
  public static final int QUOTES = 3;

  /**
   * A theme's centre and the members nearest to it.
   *
   * @param centroid stem weights of the centre
   * @param quotes ids of up to {@link #QUOTES} members closest to it, with distinct texts
   */
  public record Profile(Map<String, Float> centroid, List<Long> quotes) {
    public Profile {
      centroid = Map.copyOf(centroid);
      quotes = List.copyOf(quotes);
    }
  }

  private final Map<String, Float> idf;
  private final int documents;
  private final float unseenIdf;
  private final double minSimilarity;
  private final Map<Long, Map<String, Float>> centroids;
  private final long[] keys;
  private final Map<String, float[]> byTerm;

  private ThemeIndex(
      Map<String, Float> idf,
      int documents,
      double minSimilarity,
      Map<Long, Map<String, Float>> centroids) {
    this.idf = Map.copyOf(idf);
    this.documents = documents;
    this.unseenIdf = (float) TfIdf.idf(documents, 0);
    this.minSimilarity = minSimilarity;
    this.centroids = new LinkedHashMap<>();
    centroids.forEach((k, c) -> this.centroids.put(k, Map.copyOf(c)));
    this.keys = this.centroids.keySet().stream().mapToLong(Long::longValue).toArray();
    this.byTerm = new HashMap<>();
    int g = 0;
    for (Map<String, Float> c : this.centroids.values()) {
      for (Map.Entry<String, Float> e : c.entrySet()) {
        byTerm.computeIfAbsent(e.getKey(), t -> new float[keys.length])[g] = e.getValue();
      }
      g++;
    }
  }

  /**
   * An index as stored: {@code idf} by stem over {@code documents} texts, the centroids by theme
   * key (in the order to prefer on a tie).
   */
  public static ThemeIndex of(
      Map<String, Float> idf,
      int documents,
      double minSimilarity,
      Map<Long, Map<String, Float>> centroids) {
    if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minSimilarity must be in 0..1");
    }
    return new ThemeIndex(idf, documents, minSimilarity, centroids);
  }

  /**
   * The index of a model: its TF-IDF fit, and its themes' centroids with the members in {@code
   * pinned} (tagged by the PM) weighing {@link #PIN_WEIGHT}.
   */
  public static ThemeIndex of(ThemeModel model, Set<Long> pinned) {
    ThemeCorpus corpus = model.corpus();
    Map<String, Float> idf = new HashMap<>();
    for (int t = 0; t < corpus.dimensions(); t++) {
      idf.put(corpus.tfIdf.term(t), (float) corpus.tfIdf.idf(t));
    }
    Map<Long, Map<String, Float>> centroids = new LinkedHashMap<>();
    for (Theme theme : model.themes()) {
      float[] sum = new float[corpus.dimensions()];
      for (long id : theme.members()) {
        corpus.vectors[corpus.indexOf(id)].addTo(sum, weight(pinned, id));
      }
      SphericalKMeans.normalise(sum);
      Map<String, Float> c = new HashMap<>();
      for (int t : heaviest(sum)) {
        c.put(corpus.tfIdf.term(t), sum[t]);
      }
      centroids.put(theme.key(), c);
    }
    return new ThemeIndex(
        idf, corpus.tfIdf.documents(), model.options().minSimilarity(), centroids);
  }

  private static float weight(Set<Long> pinned, long id) {
    return pinned.contains(id) ? (float) PIN_WEIGHT : 1f;
  }

  private static int[] heaviest(float[] dense) {
    int[] nonZero = IntStream.range(0, dense.length).filter(t -> dense[t] > 0).toArray();
    if (nonZero.length <= CENTROID_TERMS) {
      return nonZero;
    }
    return Arrays.stream(nonZero)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer t) -> -dense[t]))
        .limit(CENTROID_TERMS)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** The inverse document frequency of each stem. */
  public Map<String, Float> idf() {
    return idf;
  }

  /** How many texts the IDF was fitted on. */
  public int documents() {
    return documents;
  }

  /** The least cosine similarity for {@link #assign}. */
  public double minSimilarity() {
    return minSimilarity;
  }

  /** The centroids by theme key. */
  public Map<Long, Map<String, Float>> centroids() {
    return java.util.Collections.unmodifiableMap(centroids);
  }

  /** The same index with the centroid of {@code key} set (added or replaced). */
  public ThemeIndex with(long key, Map<String, Float> centroid) {
    Map<Long, Map<String, Float>> c = new LinkedHashMap<>(centroids);
    c.put(key, centroid);
    return new ThemeIndex(idf, documents, minSimilarity, c);
  }

  /** The same index without the theme {@code key}. */
  public ThemeIndex without(long key) {
    Map<Long, Map<String, Float>> c = new LinkedHashMap<>(centroids);
    c.remove(key);
    return new ThemeIndex(idf, documents, minSimilarity, c);
  }

  /** The stored-IDF vector of a text as stem weights, L2-normalised over all its terms. */
  Map<String, Float> vector(String text) {
    Map<String, Integer> counts = new HashMap<>();
    for (String t : TextAnalyzer.english().terms(text)) {
      counts.merge(t, 1, Integer::sum);
    }
    Map<String, Float> out = new HashMap<>();
    double norm2 = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      Float f = idf.get(e.getKey());
      double w = TfIdf.tf(e.getValue()) * (f == null ? unseenIdf : f);
      norm2 += w * w;
      if (f != null) {
        out.put(e.getKey(), (float) w);
      }
    }
    double norm = Math.sqrt(norm2);
    if (norm == 0) {
      return Map.of();
    }
    out.replaceAll((t, w) -> (float) (w / norm));
    return out;
  }

  /**
   * The theme for a new text: the nearest centroid by cosine similarity if at least the minimum;
   * empty when none is near enough or the text has no words.
   */
  public Optional<ThemeModel.Assignment> assign(String text) {
    if (keys.length == 0) {
      return Optional.empty();
    }
    double[] dot = new double[keys.length];
    for (Map.Entry<String, Float> e : vector(text).entrySet()) {
      float[] w = byTerm.get(e.getKey());
      if (w != null) {
        for (int g = 0; g < w.length; g++) {
          dot[g] += e.getValue() * w[g];
        }
      }
    }
    int best = -1;
    double max = 0;
    for (int g = 0; g < dot.length; g++) {
      if (dot[g] > max) {
        max = dot[g];
        best = g;
      }
    }
    if (best < 0 || max < minSimilarity) {
      return Optional.empty();
    }
    return Optional.of(new ThemeModel.Assignment(keys[best], Math.min(1.0, max)));
  }

  /** {@link #assign} for many texts, in parallel, in their order. */
  public List<Optional<ThemeModel.Assignment>> assignAll(List<String> texts) {
    if (keys.length == 0) {
      return texts.stream().map(t -> Optional.<ThemeModel.Assignment>empty()).toList();
    }
    return texts.parallelStream().map(this::assign).toList();
  }

  /**
   * The centroid of a theme with these members under this index's IDF ({@code pinned} weigh {@link
   * #PIN_WEIGHT}), and the members nearest to it.
   */
  public Profile profile(List<Long> ids, List<String> texts, Collection<Long> pinned) {
    Set<Long> pins = new HashSet<>(pinned);
    List<Map<String, Float>> vectors = texts.parallelStream().map(this::vector).toList();
    Map<String, Double> sum = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      double w = pins.contains(ids.get(i)) ? PIN_WEIGHT : 1;
      vectors.get(i).forEach((t, v) -> sum.merge(t, w * v, Double::sum));
    }
    double norm = Math.sqrt(sum.values().stream().mapToDouble(v -> v * v).sum());
    Map<String, Float> centroid = new HashMap<>();
    if (norm > 0) {
      sum.entrySet().stream()
          .sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
          .limit(CENTROID_TERMS)
          .forEach(e -> centroid.put(e.getKey(), (float) (e.getValue() / norm)));
    }
    double[] score = new double[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      for (Map.Entry<String, Float> e : vectors.get(i).entrySet()) {
        score[i] += e.getValue() * centroid.getOrDefault(e.getKey(), 0f);
      }
    }
    Integer[] order = IntStream.range(0, ids.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingLong(i -> ids.get(i)));
    List<Long> quotes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i : order) {
      if (quotes.size() == QUOTES) {
        break;
      }
      if (seen.add(texts.get(i).strip().toLowerCase(Locale.ROOT))) {
        quotes.add(ids.get(i));
      }
    }
    return new Profile(centroid, quotes);
  }

  /** The weight of a stem in a theme's centroid (0 when absent). */
  public double weight(long key, String stem) {
    Map<String, Float> c = centroids.get(key);
    return c == null ? 0 : c.getOrDefault(stem, 0f);
  }
}
