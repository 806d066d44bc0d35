package io.hatrack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.text.DuplicateIndex;
import io.hatrack.discovery.text.FeedbackText;
import io.hatrack.discovery.text.SentimentScore;
import io.hatrack.discovery.text.Theme;
import io.hatrack.discovery.text.ThemeModel;
import io.hatrack.discovery.text.Vader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The text analytics benchmark (issue 4, parts 4 and 5), run by {@code bench/text-bench.sh}:
 *
 * <ol>
 *   <li>VADER sentiment accuracy on the UCI "Sentiment Labelled Sentences" (Kotzias et al. 2015:
 *       1,000 Amazon, 1,000 IMDb and 1,000 Yelp sentences, half positive, half negative), as
 *       shipped by the npm package {@code sentiment} 5.0.2 in {@code test/fixtures}: binary
 *       accuracy and macro-F1 (positive iff compound ≥ 0.05), and the strict 3-class reading in
 *       which a neutral answer counts as wrong;
 *   <li>theme quality on the same 3,000 sentences with their source (product, film, restaurant
 *       reviews) as the label: purity, NMI and ARI, with k by silhouette and with k = 3;
 *   <li>the time to find themes in 100,000 synthetic feedback texts, and their purity against the
 *       generator's 16 topics;
 *   <li>duplicate check latency (p50/p99) with 1,000,000 synthetic texts indexed, and the heap the
 *       index holds.
 * </ol>
 *
 * Environment: {@code SENTIMENT_DATA} (the fixtures directory), {@code THEME_ITEMS} (100000),
 * {@code DUP_ITEMS} (1000000), {@code QUERIES} (2000); 0 items skips that part.
 */
public final class TextBench {
  private TextBench() {}

  public static void main(String[] args) throws Exception {
    String data = System.getenv("SENTIMENT_DATA");
    int themeItems = Integer.parseInt(System.getenv().getOrDefault("THEME_ITEMS", "100000"));
    int dupItems = Integer.parseInt(System.getenv().getOrDefault("DUP_ITEMS", "1000000"));
    int queries = Integer.parseInt(System.getenv().getOrDefault("QUERIES", "2000"));
    if (data != null && !data.isBlank()) {
      labelled(Path.of(data));
    } else {
      System.out.println("SENTIMENT_DATA not set: sentiment accuracy and theme quality skipped");
    }
    if (themeItems > 0) {
      themes(themeItems);
    }
    if (dupItems > 0) {
      duplicates(dupItems, queries);
    }
  }

  private record Labelled(String text, int polarity, int source) {}

  private static void labelled(Path dir) throws Exception {
    String[] sources = {"amazon", "imdb", "yelp"};
    List<Labelled> all = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (int s = 0; s < sources.length; s++) {
      for (JsonNode node : json.readTree(Files.readString(dir.resolve(sources[s] + ".json")))) {
        if (node.hasNonNull("text") && node.hasNonNull("class")) {
          all.add(new Labelled(node.get("text").asText(), node.get("class").asInt(), s));
        }
      }
    }
    System.out.printf(
        Locale.ROOT, "%n== Sentiment: %s on %,d labelled sentences ==%n", Vader.METHOD, all.size());
    Vader vader = Vader.standard();
    for (int s = -1; s < sources.length; s++) {
      int[][] confusion = new int[2][2];
      int strict = 0;
      int n = 0;
      for (Labelled l : all) {
        if (s >= 0 && l.source() != s) {
          continue;
        }
        SentimentScore score = vader.score(l.text());
        int predicted = score.polarity() == SentimentScore.Polarity.POSITIVE ? 1 : 0;
        confusion[l.polarity()][predicted]++;
        SentimentScore.Polarity p = score.polarity();
        if ((l.polarity() == 1 && p == SentimentScore.Polarity.POSITIVE)
            || (l.polarity() == 0 && p == SentimentScore.Polarity.NEGATIVE)) {
          strict++;
        }
        n++;
      }
      double accuracy = (confusion[0][0] + confusion[1][1]) / (double) n;
      System.out.printf(
          Locale.ROOT,
          "%-8s n=%,5d  binary accuracy %.3f  macro-F1 %.3f  strict 3-class accuracy %.3f%n",
          s < 0 ? "all" : sources[s],
          n,
          accuracy,
          macroF1(confusion),
          strict / (double) n);
    }

    List<FeedbackText> docs = new ArrayList<>();
    int[] labels = new int[all.size()];
    for (int i = 0; i < all.size(); i++) {
      docs.add(new FeedbackText(i, all.get(i).text()));
      labels[i] = all.get(i).source();
    }
    System.out.printf(Locale.ROOT, "%n== Themes: %s ==%n", ThemeModel.METHOD);
    System.out.println(
        "labels: the sentence's source (Amazon products, IMDb films, Yelp restaurants)");
    report("k by silhouette", ThemeModel.discover(docs), labels, 3);
    report("k = 3", ThemeModel.discover(docs, 3, ThemeModel.Options.defaults()), labels, 3);
  }

  private static double macroF1(int[][] c) {
    double f = 0;
    for (int k = 0; k < 2; k++) {
      double tp = c[k][k];
      double fp = c[1 - k][k];
      double fn = c[k][1 - k];
      double precision = tp + fp == 0 ? 0 : tp / (tp + fp);
      double recall = tp + fn == 0 ? 0 : tp / (tp + fn);
      f += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
    return f / 2;
  }

  private static void report(String what, ThemeModel model, int[] labels, int classes) {
    int[] cluster = new int[labels.length];
    Arrays.fill(cluster, -1);
    List<Theme> themes = model.themes();
    for (int t = 0; t < themes.size(); t++) {
      for (long id : themes.get(t).members()) {
        cluster[(int) id] = t;
      }
    }
    // Texts in no theme form one more cluster, so that every text is scored.
    for (int i = 0; i < cluster.length; i++) {
      if (cluster[i] < 0) {
        cluster[i] = themes.size();
      }
    }
    double[] q = ClusterQuality.of(cluster, themes.size() + 1, labels, classes);
    System.out.printf(
        Locale.ROOT,
        "%-16s themes %2d  purity %.3f  NMI %.3f  ARI %.3f  (unthemed %d)%n",
        what,
        themes.size(),
        q[0],
        q[1],
        q[2],
        model.unthemed().size());
    for (Theme t : themes) {
      System.out.printf(Locale.ROOT, "    %5d  %s%n", t.size(), t.terms());
    }
  }

  private static void themes(int n) {
    int[] topics = new int[n];
    List<FeedbackText> docs = FeedbackTexts.generate(n, 7, topics);
    System.out.printf(
        Locale.ROOT,
        "%n== Themes over %,d synthetic feedback texts (%d topics) ==%n",
        n,
        FeedbackTexts.topics());
    // Warm-up on a small set so that the figure is the clustering, not class loading.
    ThemeModel.discover(FeedbackTexts.generate(2000, 8, null));
    long t = System.nanoTime();
    ThemeModel model = ThemeModel.discover(docs);
    double seconds = (System.nanoTime() - t) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "discover (k by silhouette): %.1f s (target 60 s) on %d cores%n",
        seconds,
        Runtime.getRuntime().availableProcessors());
    int[] labels = new int[n];
    Map<Long, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      labels[i] = topics[i];
      index.put(docs.get(i).id(), i);
    }
    int[] cluster = new int[n];
    Arrays.fill(cluster, model.themes().size());
    for (int k = 0; k < model.themes().size(); k++) {
      for (long id : model.themes().get(k).members()) {
        cluster[index.get(id)] = k;
      }
    }
    double[] q =
        ClusterQuality.of(cluster, model.themes().size() + 1, labels, FeedbackTexts.topics());
    System.out.printf(
        Locale.ROOT,
        "themes %d  purity %.3f  NMI %.3f  ARI %.3f%n",
        model.themes().size(),
        q[0],
        q[1],
        q[2]);
    t = System.nanoTime();
    ThemeModel fixed =
        ThemeModel.discover(docs, FeedbackTexts.topics(), ThemeModel.Options.defaults());
    seconds = (System.nanoTime() - t) / 1e9;
    Arrays.fill(cluster, fixed.themes().size());
    for (int k = 0; k < fixed.themes().size(); k++) {
      for (long id : fixed.themes().get(k).members()) {
        cluster[index.get(id)] = k;
      }
    }
    q = ClusterQuality.of(cluster, fixed.themes().size() + 1, labels, FeedbackTexts.topics());
    System.out.printf(
        Locale.ROOT,
        "k = %d: %.1f s  purity %.3f  NMI %.3f  ARI %.3f%n",
        FeedbackTexts.topics(),
        seconds,
        q[0],
        q[1],
        q[2]);
  }

  private static void duplicates(int n, int queries) {
    System.out.printf(
        Locale.ROOT, "%n== Duplicate check with %,d synthetic feedback texts indexed ==%n", n);
    long before = usedHeap();
    DuplicateIndex index = new DuplicateIndex();
    SplittableRandom r = new SplittableRandom(11);
    long t = System.nanoTime();
    for (int i = 0; i < n; i++) {
      index.add(i + 1L, FeedbackTexts.text(r, r.nextInt(FeedbackTexts.topics())));
    }
    double addSeconds = (System.nanoTime() - t) / 1e9;
    long heap = usedHeap() - before;
    System.out.printf(
        Locale.ROOT,
        "indexing: %.1f s (%,.0f items/s); heap held by the index: %,d MB (%d bytes per item)%n",
        addSeconds,
        n / addSeconds,
        heap >> 20,
        heap / Math.max(1, n));
    SplittableRandom q = new SplittableRandom(12);
    for (int i = 0; i < Math.min(500, queries); i++) {
      index.candidates(FeedbackTexts.text(q, q.nextInt(FeedbackTexts.topics())), 10);
    }
    double[] ms = new double[queries];
    double[] cpu = new double[queries];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long found = 0;
    for (int i = 0; i < queries; i++) {
      String text = FeedbackTexts.text(q, q.nextInt(FeedbackTexts.topics()));
      long c = threads.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      found += index.candidates(text, 10).size();
      ms[i] = (System.nanoTime() - s) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    System.out.printf(
        Locale.ROOT,
        "  CPU time of the calling thread (what the look-up costs without waiting for a core): p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n",
        cpu[queries / 2],
        cpu[(int) Math.ceil(queries * 0.90) - 1],
        cpu[(int) Math.ceil(queries * 0.99) - 1],
        cpu[queries - 1]);
    System.out.printf(
        Locale.ROOT,
        "candidates(text, 10), wall clock: p50 %.2f ms  p99 %.2f ms  max %.2f ms (target 20 ms); %.1f matches per query%n",
        ms[queries / 2],
        ms[(int) Math.ceil(queries * 0.99) - 1],
        ms[queries - 1],
        found / (double) queries);
    System.out.printf(
        Locale.ROOT,
        "JVM: max heap %,d MB, used now %,d MB%n",
        Runtime.getRuntime().maxMemory() >> 20,
        usedHeap() >> 20);
    if (index.size() != n) {
      throw new IllegalStateException("index lost items");
    }
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
