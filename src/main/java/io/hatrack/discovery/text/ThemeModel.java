package io.hatrack.discovery.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Themes over a set of feedback texts, and what a PM does with them. Immutable: every operation
 * returns a new model.
 *
 * <p>{@link #discover} groups the texts by {@link #METHOD}: Lucene English analysis (stop words,
 * Porter stems), TF-IDF vectors (sublinear tf, L2-normalised), spherical k-means with k-means++
 * seeding and a fixed seed, k chosen between {@link Options#minThemes()} and {@link
 * Options#maxThemes()} by the best mean silhouette (cosine distance) on a sample. Each theme is
 * labelled by its top terms by class-based TF-IDF ({@code tf(t, theme) · ln(1 + A / f(t))}, A the
 * mean number of terms per theme, f(t) the term's count over all themes), shown as written, and
 * quoted by the 3 members closest to its centroid. Texts with no words left after stop words belong
 * to no theme.
 *
 * <p>The PM's operations: {@link #rename}, {@link #merge}, {@link #split} (its members re-clustered
 * into two), {@link #tag} (put an item in a theme) and {@link #untag}. New feedback is given the
 * theme of the nearest centroid ({@link #assign}), centroids being the mean of each theme's current
 * members, so what the PM moved by hand changes where new feedback goes; below {@link
 * Options#minSimilarity()} it gets no theme. To keep the PM's themes between runs, store {@link
 * #specs()} and rebuild with {@link #restore}.
 */
public final class ThemeModel {

  /** The method as the UI names it. */
  public static final String METHOD =
      "Spherical k-means on TF-IDF (Lucene English stemming, k-means++ seeding, k by silhouette),"
          + " labelled by class-based TF-IDF";

  private static final int TOP_TERMS = 5;
  private static final int QUOTES = 3;

  /**
   * Settings of the clustering.
   *
   * @param seed the random seed: the same texts and seed give the same themes
   * @param minThemes the fewest themes {@link #discover} considers (at least 2)
   * @param maxThemes the most themes it considers
   * @param sampleSize how many texts the silhouette is measured on
   * @param minSimilarity the least cosine similarity to a centroid for {@link #assign} to answer
   */
  public record Options(
      long seed, int minThemes, int maxThemes, int sampleSize, double minSimilarity) {
    public Options {
      if (minThemes < 2 || maxThemes < minThemes) {
        throw new IllegalArgumentException("need 2 <= minThemes <= maxThemes");
      }
      if (sampleSize < 10) {
        throw new IllegalArgumentException("sampleSize must be at least 10");
      }
      if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
        throw new IllegalArgumentException("minSimilarity must be in 0..1");
      }
    }

    /** Seed 42, 2 to 12 themes, silhouette on 1,500 texts, assignment from similarity 0.15. */
    public static Options defaults() {
      return new Options(42, 2, 12, 1500, 0.15);
    }

    /** The same options with another seed. */
    public Options withSeed(long newSeed) {
      return new Options(newSeed, minThemes, maxThemes, sampleSize, minSimilarity);
    }
  }

  /**
   * A theme as stored: its key, the PM's name (null when not renamed) and its members' ids.
   *
   * @param key the theme's key
   * @param name the PM's name, or null
   * @param members ids of the members
   */
  public record Spec(long key, String name, List<Long> members) {
    public Spec {
      members = List.copyOf(members);
    }
  }

  /**
   * The theme given to a text.
   *
   * @param key the theme's key
   * @param similarity cosine similarity of the text to the theme's centroid
   */
  public record Assignment(long key, double similarity) {}

  private record Group(long key, String name, int[] members) {}

  private final ThemeCorpus corpus;
  private final Options options;
  private final List<Group> groups;
  private final float[][] centroids;
  private final List<Theme> themes;

  private ThemeModel(ThemeCorpus corpus, Options options, List<Group> groups) {
    this.corpus = corpus;
    this.options = options;
    this.groups = List.copyOf(groups);
    this.centroids = new float[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      centroids[g] = centroid(groups.get(g).members());
    }
    this.themes = describe();
  }

  /** Discovers themes in {@code docs} with {@link Options#defaults()}. */
  public static ThemeModel discover(List<FeedbackText> docs) {
    return discover(docs, Options.defaults());
  }

  /** Discovers themes in {@code docs}, choosing their number by silhouette. */
  public static ThemeModel discover(List<FeedbackText> docs, Options options) {
    ThemeCorpus corpus = ThemeCorpus.of(docs, TextAnalyzer.english());
    int[] points = nonEmpty(corpus);
    return cluster(corpus, options, points, chooseK(corpus, options, points));
  }

  /** Discovers exactly {@code k} themes in {@code docs} (fewer if there are fewer texts). */
  public static ThemeModel discover(List<FeedbackText> docs, int k, Options options) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1");
    }
    ThemeCorpus corpus = ThemeCorpus.of(docs, TextAnalyzer.english());
    return cluster(corpus, options, nonEmpty(corpus), k);
  }

  /**
   * Rebuilds stored themes over {@code docs}, which must hold every member. TF-IDF is fitted on
   * {@code docs}, so pass the texts the themes were made from (and any others of the product).
   */
  public static ThemeModel restore(List<FeedbackText> docs, List<Spec> specs, Options options) {
    ThemeCorpus corpus = ThemeCorpus.of(docs, TextAnalyzer.english());
    List<Group> groups = new ArrayList<>();
    Set<Long> keys = new HashSet<>();
    Set<Long> placed = new HashSet<>();
    for (Spec spec : specs) {
      if (!keys.add(spec.key())) {
        throw new IllegalArgumentException("theme key " + spec.key() + " given twice");
      }
      int[] members = new int[spec.members().size()];
      for (int i = 0; i < members.length; i++) {
        long id = spec.members().get(i);
        if (!placed.add(id)) {
          throw new IllegalArgumentException("feedback " + id + " is in two themes");
        }
        members[i] = indexOf(corpus, id);
      }
      groups.add(new Group(spec.key(), spec.name(), members));
    }
    return new ThemeModel(corpus, options, groups);
  }

  private static int indexOf(ThemeCorpus corpus, long id) {
    int i = corpus.indexOf(id);
    if (i < 0) {
      throw new IllegalArgumentException("no text for feedback " + id);
    }
    return i;
  }

  private static int[] nonEmpty(ThemeCorpus corpus) {
    return IntStream.range(0, corpus.size()).filter(i -> !corpus.vectors[i].isEmpty()).toArray();
  }

  private static int chooseK(ThemeCorpus corpus, Options options, int[] points) {
    if (points.length <= options.minThemes()) {
      return Math.max(1, points.length);
    }
    int[] sample = sample(points, options.sampleSize(), options.seed());
    int m = sample.length;
    float[] sim = new float[m * m];
    IntStream.range(0, m)
        .parallel()
        .forEach(
            i -> {
              for (int j = 0; j < m; j++) {
                sim[i * m + j] = (float) corpus.vectors[sample[i]].dot(corpus.vectors[sample[j]]);
              }
            });
    int best = options.minThemes();
    double bestScore = Double.NEGATIVE_INFINITY;
    int maxK = Math.min(options.maxThemes(), m - 1);
    for (int k = options.minThemes(); k <= maxK; k++) {
      int[] a =
          SphericalKMeans.cluster(corpus.vectors, sample, k, corpus.dimensions(), options.seed());
      double score = SphericalKMeans.silhouette(sim, m, a, k);
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    return best;
  }

  private static int[] sample(int[] points, int size, long seed) {
    if (points.length <= size) {
      return points;
    }
    int[] copy = points.clone();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(copy.length - i);
      int t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    int[] s = Arrays.copyOf(copy, size);
    Arrays.sort(s);
    return s;
  }

  private static ThemeModel cluster(ThemeCorpus corpus, Options options, int[] points, int k) {
    if (points.length == 0) {
      return new ThemeModel(corpus, options, List.of());
    }
    int[] a =
        SphericalKMeans.cluster(corpus.vectors, points, k, corpus.dimensions(), options.seed());
    List<int[]> clusters = split(points, a, k);
    clusters.sort(Comparator.comparingInt((int[] c) -> -c.length).thenComparingInt(c -> c[0]));
    List<Group> groups = new ArrayList<>();
    for (int[] c : clusters) {
      groups.add(new Group(groups.size() + 1L, null, c));
    }
    return new ThemeModel(corpus, options, groups);
  }

  private static List<int[]> split(int[] points, int[] assignment, int k) {
    int[] sizes = new int[k];
    for (int a : assignment) {
      sizes[a]++;
    }
    int[][] out = new int[k][];
    for (int c = 0; c < k; c++) {
      out[c] = new int[sizes[c]];
    }
    int[] fill = new int[k];
    for (int i = 0; i < points.length; i++) {
      out[assignment[i]][fill[assignment[i]]++] = points[i];
    }
    List<int[]> list = new ArrayList<>();
    for (int[] c : out) {
      if (c.length > 0) {
        list.add(c);
      }
    }
    return list;
  }

  /** The themes, largest first as discovered (operations keep the order). */
  public List<Theme> themes() {
    return themes;
  }

  /** The theme with this key. */
  public Optional<Theme> theme(long key) {
    return themes.stream().filter(t -> t.key() == key).findFirst();
  }

  /** Ids of the texts in no theme, in the order given. */
  public List<Long> unthemed() {
    boolean[] in = new boolean[corpus.size()];
    for (Group g : groups) {
      for (int m : g.members()) {
        in[m] = true;
      }
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < in.length; i++) {
      if (!in[i]) {
        out.add(corpus.ids[i]);
      }
    }
    return out;
  }

  /** The themes as stored, for {@link #restore}. */
  public List<Spec> specs() {
    List<Spec> out = new ArrayList<>();
    for (Group g : groups) {
      out.add(new Spec(g.key(), g.name(), ids(g.members())));
    }
    return out;
  }

  /** The analysed texts, for {@link ThemeIndex}. */
  ThemeCorpus corpus() {
    return corpus;
  }

  /** The options this model was made with. */
  public Options options() {
    return options;
  }

  /** Gives a theme the PM's name; a blank name brings back the label of its top terms. */
  public ThemeModel rename(long key, String name) {
    String clean = name == null || name.isBlank() ? null : name.strip();
    List<Group> out = new ArrayList<>(groups);
    int g = position(key);
    out.set(g, new Group(key, clean, groups.get(g).members()));
    return new ThemeModel(corpus, options, out);
  }

  /** Moves every member of {@code other} into {@code into}, which keeps its key and name. */
  public ThemeModel merge(long into, long other) {
    if (into == other) {
      throw new IllegalArgumentException("cannot merge a theme with itself");
    }
    int a = position(into);
    int b = position(other);
    int[] members = concat(groups.get(a).members(), groups.get(b).members());
    List<Group> out = new ArrayList<>(groups);
    out.set(a, new Group(into, groups.get(a).name(), members));
    out.remove(b);
    return new ThemeModel(corpus, options, out);
  }

  /**
   * Re-clusters a theme's members into two: the larger part keeps the key (and the PM's name), the
   * other becomes a new theme with the next free key, right after it. A theme of fewer than two
   * texts with words cannot be split.
   */
  public ThemeModel split(long key) {
    int g = position(key);
    Group group = groups.get(g);
    int[] points =
        Arrays.stream(group.members()).filter(i -> !corpus.vectors[i].isEmpty()).toArray();
    if (points.length < 2) {
      throw new IllegalArgumentException("theme " + key + " has too few texts to split");
    }
    int[] a =
        SphericalKMeans.cluster(corpus.vectors, points, 2, corpus.dimensions(), options.seed());
    List<int[]> parts = split(points, a, 2);
    if (parts.size() < 2) {
      throw new IllegalArgumentException("theme " + key + " does not split: its texts are alike");
    }
    parts.sort(Comparator.comparingInt((int[] c) -> -c.length).thenComparingInt(c -> c[0]));
    int[] empty = Arrays.stream(group.members()).filter(i -> corpus.vectors[i].isEmpty()).toArray();
    long newKey = groups.stream().mapToLong(Group::key).max().orElse(0) + 1;
    List<Group> out = new ArrayList<>(groups);
    out.set(g, new Group(key, group.name(), concat(parts.get(0), empty)));
    out.add(g + 1, new Group(newKey, null, parts.get(1)));
    return new ThemeModel(corpus, options, out);
  }

  /** Puts feedback {@code id} in theme {@code key}, out of any theme it was in. */
  public ThemeModel tag(long id, long key) {
    int doc = indexOf(corpus, id);
    int target = position(key);
    List<Group> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      int[] members = Arrays.stream(group.members()).filter(m -> m != doc).toArray();
      if (g == target) {
        members = concat(members, new int[] {doc});
      }
      out.add(new Group(group.key(), group.name(), members));
    }
    return new ThemeModel(corpus, options, out);
  }

  /** Takes feedback {@code id} out of its theme. */
  public ThemeModel untag(long id) {
    int doc = indexOf(corpus, id);
    List<Group> out = new ArrayList<>();
    for (Group group : groups) {
      out.add(
          new Group(
              group.key(),
              group.name(),
              Arrays.stream(group.members()).filter(m -> m != doc).toArray()));
    }
    return new ThemeModel(corpus, options, out);
  }

  /**
   * The theme for a new text: the nearest centroid by cosine similarity, if at least {@link
   * Options#minSimilarity()}; empty when no theme is near enough or the text has no words.
   */
  public Optional<Assignment> assign(String text) {
    SparseVector v = corpus.tfIdf.vector(TextAnalyzer.english().terms(text));
    if (v.isEmpty()) {
      return Optional.empty();
    }
    int best = -1;
    double max = Double.NEGATIVE_INFINITY;
    for (int g = 0; g < centroids.length; g++) {
      double s = v.dot(centroids[g]);
      if (s > max) {
        max = s;
        best = g;
      }
    }
    if (best < 0 || max < options.minSimilarity()) {
      return Optional.empty();
    }
    return Optional.of(new Assignment(groups.get(best).key(), Math.min(1.0, max)));
  }

  private int position(long key) {
    for (int g = 0; g < groups.size(); g++) {
      if (groups.get(g).key() == key) {
        return g;
      }
    }
    throw new IllegalArgumentException("no theme " + key);
  }

  private float[] centroid(int[] members) {
    float[] c = new float[corpus.dimensions()];
    for (int m : members) {
      corpus.vectors[m].addTo(c, 1f);
    }
    SphericalKMeans.normalise(c);
    return c;
  }

  private List<Long> ids(int[] members) {
    List<Long> out = new ArrayList<>(members.length);
    for (int m : members) {
      out.add(corpus.ids[m]);
    }
    return out;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private List<Theme> describe() {
    int dim = corpus.dimensions();
    int k = groups.size();
    int[][] counts = new int[k][dim];
    long[] totals = new long[k];
    long[] overall = new long[dim];
    for (int g = 0; g < k; g++) {
      for (int m : groups.get(g).members()) {
        for (int t : corpus.terms[m]) {
          counts[g][t]++;
          overall[t]++;
          totals[g]++;
        }
      }
    }
    double average = k == 0 ? 0 : Arrays.stream(totals).average().orElse(0);
    List<Theme> out = new ArrayList<>();
    for (int g = 0; g < k; g++) {
      Group group = groups.get(g);
      List<String> terms = topTerms(counts[g], totals[g], overall, average);
      String label = String.join(", ", terms.subList(0, Math.min(3, terms.size())));
      String name = group.name() != null ? group.name() : label.isEmpty() ? "(no words)" : label;
      out.add(
          new Theme(
              group.key(),
              name,
              group.name() != null,
              terms,
              quotes(group.members(), centroids[g]),
              ids(group.members())));
    }
    return List.copyOf(out);
  }

  private List<String> topTerms(int[] counts, long total, long[] overall, double average) {
    if (total == 0) {
      return List.of();
    }
    Integer[] candidates =
        IntStream.range(0, counts.length)
            .filter(t -> counts[t] > 0 && !isNumber(corpus.tfIdf.term(t)))
            .boxed()
            .toArray(Integer[]::new);
    double[] weight = new double[counts.length];
    for (int t : candidates) {
      weight[t] = (counts[t] / (double) total) * Math.log(1 + average / overall[t]);
    }
    Arrays.sort(
        candidates,
        Comparator.comparingDouble((Integer t) -> -weight[t])
            .thenComparing(t -> corpus.display[t]));
    List<String> out = new ArrayList<>();
    for (int t : candidates) {
      String word = corpus.display[t];
      if (!out.contains(word)) {
        out.add(word);
      }
      if (out.size() == TOP_TERMS) {
        break;
      }
    }
    return out;
  }

  private static boolean isNumber(String term) {
    return !term.isEmpty()
        && term.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',');
  }

  private List<Long> quotes(int[] members, float[] centroid) {
    Integer[] order = Arrays.stream(members).boxed().toArray(Integer[]::new);
    double[] score = new double[order.length];
    for (int i = 0; i < order.length; i++) {
      score[i] = corpus.vectors[order[i]].dot(centroid);
    }
    Integer[] idx = IntStream.range(0, order.length).boxed().toArray(Integer[]::new);
    Arrays.sort(
        idx, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> order[i]));
    List<Long> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i : idx) {
      String normal = corpus.texts[order[i]].strip().toLowerCase(Locale.ROOT);
      if (seen.add(normal)) {
        out.add(corpus.ids[order[i]]);
      }
      if (out.size() == QUOTES) {
        break;
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "ThemeModel" + Objects.toString(themes);
  }
}
