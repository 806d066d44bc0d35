package io.hatrack.discovery.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The feedback texts a {@link ThemeModel} works on, analysed once: each text's stems as term ids,
 * its TF-IDF vector, and for each term the written form to show (the most frequent one).
 */
final class ThemeCorpus {
  final long[] ids;
  final String[] texts;
  final int[][] terms;
  final SparseVector[] vectors;
  final TfIdf tfIdf;
  final String[] display;
  private final LongIntMap index;

  private ThemeCorpus(
      long[] ids,
      String[] texts,
      int[][] terms,
      SparseVector[] vectors,
      TfIdf tfIdf,
      String[] display,
      LongIntMap index) {
    this.ids = ids;
    this.texts = texts;
    this.terms = terms;
    this.vectors = vectors;
    this.tfIdf = tfIdf;
    this.display = display;
    this.index = index;
  }

  static ThemeCorpus of(List<FeedbackText> docs, TextAnalyzer analyzer) {
    int n = docs.size();
    long[] ids = new long[n];
    String[] texts = new String[n];
    LongIntMap index = new LongIntMap(n);
    for (int i = 0; i < n; i++) {
      ids[i] = docs.get(i).id();
      texts[i] = docs.get(i).text();
      if (index.get(ids[i]) >= 0) {
        throw new IllegalArgumentException("feedback id " + ids[i] + " given twice");
      }
      index.put(ids[i], i);
    }
    List<List<TextAnalyzer.Token>> tokens =
        IntStream.range(0, n).parallel().mapToObj(i -> analyzer.tokens(texts[i])).toList();
    List<List<String>> stems = new ArrayList<>(n);
    for (List<TextAnalyzer.Token> t : tokens) {
      List<String> s = new ArrayList<>(t.size());
      for (TextAnalyzer.Token token : t) {
        s.add(token.stem());
      }
      stems.add(s);
    }
    TfIdf tfIdf = TfIdf.fit(stems);
    SparseVector[] vectors = new SparseVector[n];
    IntStream.range(0, n).parallel().forEach(i -> vectors[i] = tfIdf.vector(stems.get(i)));
    int[][] terms = new int[n][];
    List<Map<String, Integer>> written = new ArrayList<>(tfIdf.vocabularySize());
    for (int t = 0; t < tfIdf.vocabularySize(); t++) {
      written.add(new HashMap<>(2));
    }
    for (int i = 0; i < n; i++) {
      List<TextAnalyzer.Token> t = tokens.get(i);
      terms[i] = new int[t.size()];
      for (int j = 0; j < t.size(); j++) {
        int id = tfIdf.id(t.get(j).stem()).orElseThrow();
        terms[i][j] = id;
        written.get(id).merge(t.get(j).word(), 1, Integer::sum);
      }
    }
    String[] display = new String[tfIdf.vocabularySize()];
    for (int id = 0; id < display.length; id++) {
      display[id] = mostFrequent(written.get(id), tfIdf.term(id));
    }
    return new ThemeCorpus(ids, texts, terms, vectors, tfIdf, display, index);
  }

  private static String mostFrequent(Map<String, Integer> forms, String fallback) {
    String best = fallback;
    int count = 0;
    for (Map.Entry<String, Integer> e : forms.entrySet()) {
      int c = e.getValue();
      String w = e.getKey();
      if (c > count || (c == count && w.compareTo(best) < 0)) {
        best = w;
        count = c;
      }
    }
    return best;
  }

  int size() {
    return ids.length;
  }

  /** The position of a feedback id, or -1. */
  int indexOf(long id) {
    return index.get(id);
  }

  int dimensions() {
    return tfIdf.vocabularySize();
  }
}
