package io.hatrack.kernel.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Martin Porter's stemmer (Lucene's implementation of the same algorithm that SQLite's FTS5 {@code
 * porter} tokenizer runs), to tell whether a word of the index comes back unchanged when typed in a
 * query, which stems every word it is given once more.
 */
final class PorterStems {
  private PorterStems() {}

  /** The stem of a lower-case word. */
  static String stem(String word) {
    try (Tokenizer tokenizer = new KeywordTokenizer();
        TokenStream stems = new PorterStemFilter(tokenizer)) {
      tokenizer.setReader(new StringReader(word));
      CharTermAttribute term = stems.addAttribute(CharTermAttribute.class);
      stems.reset();
      String out = stems.incrementToken() ? term.toString() : word;
      stems.end();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the word, stemmed again, stays the same. */
  static boolean stable(String word) {
    return stem(word).equals(word);
  }
}
