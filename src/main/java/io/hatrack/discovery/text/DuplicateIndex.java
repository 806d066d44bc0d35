package io.hatrack.discovery.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory index of feedback texts that finds near-duplicates of a text: MinHash over 1- and
 * 2-word shingles of the stemmed terms with LSH banding (see {@link MinHash}: 16 bands of 4 rows,
 * threshold about 0.5 Jaccard) proposes candidates, and the TF-IDF cosine of each candidate with
 * the text (sublinear tf, smooth idf over the indexed texts, L2-normalised) decides: matches at or
 * above {@link #minSimilarity()} are returned, best first.
 *
 * <p>Built for a million items: per item it keeps 16 band keys and chain links (128 bytes), its
 * distinct term ids with their counts packed into one int each, and its id; the bucket table holds
 * one int per bucket, and the item's TF-IDF length is cached (idf is refreshed when the collection
 * changes by 1%). A removed item is unlinked lazily and the index compacts itself when half of it
 * is removed. In a very common bucket, only the {@link #MAX_CANDIDATES} most recently added items
 * are compared.
 *
 * <p>Thread-safe: calls are serialised (each takes well under a millisecond to a few).
 */
public final class DuplicateIndex {

  /** The default minimum cosine similarity of a suggested duplicate. */
  public static final double DEFAULT_MIN_SIMILARITY = 0.5;

  /** The most candidates one look-up compares, newest first. */
  public static final int MAX_CANDIDATES = 5_000;

  /** The most bucket entries one look-up walks (an item is in up to 16 of the buckets walked). */
  private static final int MAX_STEPS = 4 * MAX_CANDIDATES;

  private static final int B = MinHash.BANDS;
  private static final int MAX_TERMS = 1 << 23;
  private static final float[] TF = new float[256];

  static {
    for (int i = 1; i < TF.length; i++) {
      TF[i] = (float) TfIdf.tf(i);
    }
  }

  /** A suggested duplicate: the indexed item's id and its cosine similarity to the text. */
  public record Match(long id, double similarity) {}

  private final TextAnalyzer analyzer;
  private final double minSimilarity;

  private final Map<String, Integer> termIds = new HashMap<>();
  private int[] df = new int[1024];
  private float[] idf = new float[1024];
  private int idfLive;
  private int live;

  private long[] slotIds = new long[1024];
  private int[][] slotTerms = new int[1024][];
  private float[] slotNorm = new float[1024];
  private int[] bandKeys = new int[1024 * B];
  private int[] next = new int[1024 * B];
  private int[] visited = new int[1024];
  private int stamp;
  private int slots;
  private int removed;
  private final LongIntMap idToSlot = new LongIntMap(1024);

  private int[] heads = newHeads(1 << 12);
  private int buckets;

  /** An index with the default analyser and {@link #DEFAULT_MIN_SIMILARITY}. */
  public DuplicateIndex() {
    this(TextAnalyzer.english(), DEFAULT_MIN_SIMILARITY);
  }

  /** An index whose matches have at least {@code minSimilarity} cosine similarity (0..1]. */
  public DuplicateIndex(TextAnalyzer analyzer, double minSimilarity) {
    if (!(minSimilarity > 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minSimilarity must be in (0, 1]: " + minSimilarity);
    }
    this.analyzer = analyzer;
    this.minSimilarity = minSimilarity;
  }

  private static int[] newHeads(int capacity) {
    int[] h = new int[capacity];
    Arrays.fill(h, -1);
    return h;
  }

  /** The minimum cosine similarity of a match. */
  public double minSimilarity() {
    return minSimilarity;
  }

  /** Number of items indexed. */
  public synchronized int size() {
    return live;
  }

  /** True when an item with this id is indexed. */
  public synchronized boolean contains(long id) {
    return idToSlot.get(id) >= 0;
  }

  /** Indexes {@code text} under {@code id}, replacing what the id had. */
  public synchronized void add(long id, String text) {
    remove(id);
    List<String> stems = analyzer.terms(text);
    int slot = newSlot();
    slotIds[slot] = id;
    slotTerms[slot] = pack(stems);
    for (int packed : slotTerms[slot]) {
      df[packed >>> 8]++;
    }
    live++;
    refreshIdf();
    slotNorm[slot] = norm(slotTerms[slot]);
    idToSlot.put(id, slot);
    int[] signature = MinHash.signature(stems);
    if (signature.length > 0) {
      MinHash.bandKeys(signature, bandKeys, slot * B);
      link(slot);
    }
  }

  /** Removes the item with this id; false when it was not indexed. */
  public synchronized boolean remove(long id) {
    int slot = idToSlot.remove(id);
    if (slot < 0) {
      return false;
    }
    for (int packed : slotTerms[slot]) {
      df[packed >>> 8]--;
    }
    slotTerms[slot] = null;
    live--;
    removed++;
    refreshIdf();
    if (removed > 1024 && removed > live) {
      compact();
    }
    return true;
  }

  /**
   * The indexed items most similar to {@code text}: cosine similarity at least {@link
   * #minSimilarity()}, best first, at most {@code limit}.
   */
  public synchronized List<Match> candidates(String text, int limit) {
    List<String> stems = analyzer.terms(text);
    return find(stems, MinHash.signature(stems), limit, Long.MIN_VALUE);
  }

  /** Like {@link #candidates} for an indexed item's own text, leaving the item itself out. */
  public synchronized List<Match> similarTo(long id, int limit) {
    int slot = idToSlot.get(id);
    if (slot < 0 || slotTerms[slot].length == 0) {
      return List.of();
    }
    int[] terms = slotTerms[slot];
    int[] ids = new int[terms.length];
    double[] weights = new double[terms.length];
    double norm2 = 0;
    for (int i = 0; i < terms.length; i++) {
      ids[i] = terms[i] >>> 8;
      weights[i] = TF[terms[i] & 0xFF] * idf[ids[i]];
      norm2 += weights[i] * weights[i];
    }
    int[] keys = Arrays.copyOfRange(bandKeys, slot * B, slot * B + B);
    return collect(new Query(ids, weights, Math.sqrt(norm2)), keys, limit, id);
  }

  private List<Match> find(List<String> stems, int[] signature, int limit, long exclude) {
    if (signature.length == 0 || limit <= 0) {
      return List.of();
    }
    int[] keys = new int[B];
    MinHash.bandKeys(signature, keys, 0);
    return collect(query(stems), keys, limit, exclude);
  }

  private List<Match> collect(Query query, int[] keys, int limit, long exclude) {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(visited, 0);
      stamp = 1;
    }
    List<Match> matches = new ArrayList<>();
    int compared = 0;
    int steps = 0;
    for (int b = 0; b < B && compared < MAX_CANDIDATES && steps < MAX_STEPS; b++) {
      int pos = bucket(keys[b]);
      for (int e = heads[pos];
          e >= 0 && compared < MAX_CANDIDATES && steps < MAX_STEPS;
          e = next[e]) {
        steps++;
        int slot = e / B;
        if (visited[slot] == stamp || slotTerms[slot] == null || slotIds[slot] == exclude) {
          continue;
        }
        visited[slot] = stamp;
        compared++;
        double similarity = cosine(query, slotTerms[slot], slotNorm[slot]);
        if (similarity >= minSimilarity) {
          matches.add(new Match(slotIds[slot], Math.min(1.0, similarity)));
        }
      }
    }
    matches.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
    return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : matches;
  }

  private record Query(int[] ids, double[] weights, double norm) {}

  /** The query's known terms (sorted by id) with their weights, and its full length. */
  private Query query(List<String> stems) {
    Map<String, Integer> counts = new HashMap<>();
    for (String s : stems) {
      counts.merge(s, 1, Integer::sum);
    }
    double unseen = TfIdf.idf(live, 0);
    int[] ids = new int[counts.size()];
    double[] w = new double[counts.size()];
    int k = 0;
    double norm2 = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      Integer id = termIds.get(e.getKey());
      boolean known = id != null && df[id] > 0;
      double weight = TfIdf.tf(e.getValue()) * (known ? idf[id] : unseen);
      norm2 += weight * weight;
      if (known) {
        ids[k] = id;
        w[k] = weight;
        k++;
      }
    }
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(ids[a], ids[b]));
    int[] sortedIds = new int[k];
    double[] sortedW = new double[k];
    for (int i = 0; i < k; i++) {
      sortedIds[i] = ids[order[i]];
      sortedW[i] = w[order[i]];
    }
    return new Query(sortedIds, sortedW, Math.sqrt(norm2));
  }

  private double cosine(Query q, int[] terms, float norm) {
    double dot = 0;
    int i = 0;
    for (int packed : terms) {
      int id = packed >>> 8;
      while (i < q.ids.length && q.ids[i] < id) {
        i++;
      }
      if (i == q.ids.length) {
        break;
      }
      if (q.ids[i] == id) {
        dot += TF[packed & 0xFF] * idf[id] * q.weights[i];
      }
    }
    if (dot == 0) {
      return 0;
    }
    return dot / (norm * q.norm);
  }

  private float norm(int[] terms) {
    double norm2 = 0;
    for (int packed : terms) {
      double w = TF[packed & 0xFF] * idf[packed >>> 8];
      norm2 += w * w;
    }
    return (float) Math.sqrt(norm2);
  }

  /**
   * The idf of every term and the length of every item, recomputed when the number of items has
   * changed by more than 1% (at least 16) since the last time: between two refreshes the weights
   * are those of a collection up to 1% smaller or larger, which moves a similarity by far less than
   * the gap between a duplicate and a different text, and keeps a look-up free of logarithms.
   */
  private void refreshIdf() {
    if (Math.abs(live - idfLive) <= Math.max(16, idfLive / 100)) {
      return;
    }
    idfLive = live;
    int terms = termIds.size();
    for (int t = 0; t < terms; t++) {
      idf[t] = (float) TfIdf.idf(live, df[t]);
    }
    for (int s = 0; s < slots; s++) {
      if (slotTerms[s] != null) {
        slotNorm[s] = norm(slotTerms[s]);
      }
    }
  }

  /** Distinct term ids with counts (capped at 255), one int each, ascending by id. */
  private int[] pack(List<String> stems) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (String s : stems) {
      Integer id = termIds.get(s);
      if (id == null) {
        id = termIds.size();
        if (id >= MAX_TERMS) {
          throw new IllegalStateException("vocabulary over " + MAX_TERMS + " terms");
        }
        termIds.put(s, id);
        if (id >= df.length) {
          df = Arrays.copyOf(df, df.length * 2);
          idf = Arrays.copyOf(idf, df.length);
        }
        // A new term's weight until the next refresh: seen in one item.
        idf[id] = (float) TfIdf.idf(live + 1, 1);
      }
      counts.merge(id, 1, Integer::sum);
    }
    int[] packed = new int[counts.size()];
    int k = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      packed[k++] = (e.getKey() << 8) | Math.min(255, e.getValue());
    }
    Arrays.sort(packed);
    return packed;
  }

  private int newSlot() {
    if (slots == slotIds.length) {
      int cap = slots * 2;
      slotIds = Arrays.copyOf(slotIds, cap);
      slotTerms = Arrays.copyOf(slotTerms, cap);
      slotNorm = Arrays.copyOf(slotNorm, cap);
      bandKeys = Arrays.copyOf(bandKeys, cap * B);
      next = Arrays.copyOf(next, cap * B);
      visited = Arrays.copyOf(visited, cap);
    }
    return slots++;
  }

  private int bucket(int key) {
    int mask = heads.length - 1;
    int p = (key * 0x9E3779B9) & mask;
    while (heads[p] >= 0 && bandKeys[heads[p]] != key) {
      p = (p + 1) & mask;
    }
    return p;
  }

  private void link(int slot) {
    for (int b = 0; b < B; b++) {
      int e = slot * B + b;
      int pos = bucket(bandKeys[e]);
      if (heads[pos] < 0) {
        buckets++;
        next[e] = -1;
      } else {
        next[e] = heads[pos];
      }
      heads[pos] = e;
      if (buckets * 4 > heads.length * 3) {
        rehash(heads.length * 2);
      }
    }
  }

  private void rehash(int capacity) {
    int[] old = heads;
    heads = newHeads(capacity);
    for (int h : old) {
      if (h >= 0) {
        heads[bucket(bandKeys[h])] = h;
      }
    }
  }

  /** Drops removed items: renumbers the live ones in their order and relinks every chain. */
  private void compact() {
    int n = 0;
    for (int s = 0; s < slots; s++) {
      if (slotTerms[s] == null) {
        continue;
      }
      slotIds[n] = slotIds[s];
      slotTerms[n] = slotTerms[s];
      slotNorm[n] = slotNorm[s];
      System.arraycopy(bandKeys, s * B, bandKeys, n * B, B);
      idToSlot.put(slotIds[n], n);
      n++;
    }
    Arrays.fill(slotTerms, n, slots, null);
    slots = n;
    removed = 0;
    buckets = 0;
    heads = newHeads(Math.max(1 << 12, Integer.highestOneBit(Math.max(1, n * B)) * 2));
    for (int s = 0; s < n; s++) {
      if (slotTerms[s].length > 0) {
        link(s);
      }
    }
  }
}
