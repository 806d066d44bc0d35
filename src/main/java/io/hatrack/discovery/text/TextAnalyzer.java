package io.hatrack.discovery.text;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns feedback text into terms with Lucene's {@link EnglishAnalyzer}: Unicode word segmentation
 * (UAX #29), possessives removed, lower-cased, English stop words dropped, Porter stemming
 * ("exports", "exporting" and "exported" all become {@code export}). Each term keeps the word it
 * came from, so that labels can show "exports" rather than "export".
 *
 * <p>Thread-safe: Lucene reuses one token stream per thread.
 */
public final class TextAnalyzer {

  private static final TextAnalyzer ENGLISH = new TextAnalyzer(new EnglishAnalyzer(stopWords()));

  /** One term of a text: its stem and the word as written (lower-cased, possessive removed). */
  public record Token(String stem, String word) {}

  private final Analyzer analyzer;

  private TextAnalyzer(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * The English analyser: Porter stemming, and as stop words Lucene's English set together with the
   * Snowball English list (both shipped in Lucene).
   */
  public static TextAnalyzer english() {
    return ENGLISH;
  }

  /** The stems of {@code text}, in order, stop words removed; numbers are kept. */
  public List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    for (Token t : tokens(text)) {
      out.add(t.stem());
    }
    return out;
  }

  /** The tokens of {@code text} with their written forms, in order. */
  public List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String word = text.substring(offset.startOffset(), offset.endOffset());
        out.add(new Token(term.toString(), written(word)));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Lucene's English stop words (33) plus the Snowball project's English list (174, pronouns and
   * auxiliaries such as "i", "my", "have", "were", "very"), both shipped in Lucene; without the
   * latter, themes of short feedback gather around "i" and "my".
   */
  private static CharArraySet stopWords() {
    try (Reader reader =
        new InputStreamReader(
            SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)) {
      CharArraySet set = new CharArraySet(WordlistLoader.getSnowballWordSet(reader), false);
      set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      return CharArraySet.unmodifiableSet(set);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String written(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.endsWith("'s") || lower.endsWith("’s")) {
      return lower.substring(0, lower.length() - 2);
    }
    return lower;
  }
}
