package io.hatrack.discovery.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * VADER sentiment (Hutto &amp; Gilbert, "VADER: A Parsimonious Rule-based Model for Sentiment
 * Analysis of Social Media Text", ICWSM 2014): the published lexicon of 7,500 rated tokens and the
 * rules of the reference implementation, vaderSentiment 3.3.2, reproduced rule for rule, quirks
 * included, so that scores equal the reference's: booster and dampener words (±0.293, dampened with
 * distance), negation up to three words back (scalar -0.74, with "n't", "never so/this" and
 * "without doubt"), "no" before a rated word, the contrastive "but" (before ×0.5, after ×1.5),
 * ALL-CAPS emphasis (±0.733) when only some words are capitalised, "least", "kind of", the special
 * idioms ("the shit", "bad ass", "to die for", ...), exclamation marks (0.292 each, up to 4) and
 * question marks, and the normalisation {@code x / sqrt(x² + 15)}.
 *
 * <p>One part of the reference is not reproduced: it first replaces emoji by their descriptions
 * from a second lexicon ({@code emoji_utf8_lexicon.txt}) that no package this project may draw on
 * ships; emoji are therefore left as they are (and score nothing unless the lexicon rates them).
 *
 * <p>Immutable and thread-safe; {@link #standard()} loads the lexicon once.
 */
public final class Vader {

  /** The method as the UI names it next to a score. */
  public static final String METHOD = "VADER 3.3.2 lexicon and rules";

  private static final double B_INCR = 0.293;
  private static final double B_DECR = -0.293;
  private static final double C_INCR = 0.733;
  private static final double N_SCALAR = -0.74;
  private static final double ALPHA = 15;
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private static final Set<String> NEGATE =
      Set.of(
          "aint",
          "arent",
          "cannot",
          "cant",
          "couldnt",
          "darent",
          "didnt",
          "doesnt",
          "ain't",
          "aren't",
          "can't",
          "couldn't",
          "daren't",
          "didn't",
          "doesn't",
          "dont",
          "hadnt",
          "hasnt",
          "havent",
          "isnt",
          "mightnt",
          "mustnt",
          "neither",
          "don't",
          "hadn't",
          "hasn't",
          "haven't",
          "isn't",
          "mightn't",
          "mustn't",
          "neednt",
          "needn't",
          "never",
          "none",
          "nope",
          "nor",
          "not",
          "nothing",
          "nowhere",
          "oughtnt",
          "shant",
          "shouldnt",
          "uhuh",
          "wasnt",
          "werent",
          "oughtn't",
          "shan't",
          "shouldn't",
          "uh-uh",
          "wasn't",
          "weren't",
          "without",
          "wont",
          "wouldnt",
          "won't",
          "wouldn't",
          "rarely",
          "seldom",
          "despite");

  private static final Map<String, Double> BOOSTERS = boosters();

  private static final Map<String, Double> SPECIAL_CASES =
      Map.of(
          "the shit", 3.0,
          "the bomb", 3.0,
          "bad ass", 1.5,
          "badass", 1.5,
          "bus stop", 0.0,
          "yeah right", -2.0,
          "kiss of death", -1.5,
          "to die for", 3.0,
          "beating heart", 3.1,
          "broken heart", -2.9);

  private static final class Holder {
    static final Vader STANDARD = load();
  }

  private final Map<String, Double> lexicon;

  private Vader(Map<String, Double> lexicon) {
    this.lexicon = Map.copyOf(lexicon);
  }

  /** The analyser with the vendored VADER lexicon ({@code discovery/text/vader_lexicon.txt}). */
  public static Vader standard() {
    return Holder.STANDARD;
  }

  /** Number of distinct tokens in the lexicon. */
  public int lexiconSize() {
    return lexicon.size();
  }

  /** The sentiment of {@code text}, best given one sentence or a short message at a time. */
  public SentimentScore score(String text) {
    List<String> words = words(text == null ? "" : text);
    if (words.isEmpty()) {
      return SentimentScore.NONE;
    }
    boolean capDifferential = capDifferential(words);
    List<String> lower = new ArrayList<>(words.size());
    for (String w : words) {
      lower.add(w.toLowerCase(Locale.ROOT));
    }
    double[] sentiments = new double[words.size()];
    for (int i = 0; i < words.size(); i++) {
      String item = lower.get(i);
      if (BOOSTERS.containsKey(item)) {
        continue;
      }
      if (i < words.size() - 1 && item.equals("kind") && lower.get(i + 1).equals("of")) {
        continue;
      }
      sentiments[i] = valence(words, lower, i, capDifferential);
    }
    butCheck(lower, sentiments);
    return scoreValence(sentiments, text);
  }

  private double valence(List<String> words, List<String> lower, int i, boolean capDiff) {
    String item = lower.get(i);
    Double rated = lexicon.get(item);
    if (rated == null) {
      return 0;
    }
    double valence = rated;
    int n = words.size();
    if (item.equals("no") && i != n - 1 && lexicon.containsKey(lower.get(i + 1))) {
      valence = 0.0;
    }
    if ((i > 0 && lower.get(i - 1).equals("no"))
        || (i > 1 && lower.get(i - 2).equals("no"))
        || (i > 2
            && lower.get(i - 3).equals("no")
            && (lower.get(i - 1).equals("or") || lower.get(i - 1).equals("nor")))) {
      valence = rated * N_SCALAR;
    }
    if (isUpper(words.get(i)) && capDiff) {
      valence = valence > 0 ? valence + C_INCR : valence - C_INCR;
    }
    for (int startI = 0; startI < 3; startI++) {
      int before = i - (startI + 1);
      if (i > startI && !lexicon.containsKey(lower.get(before))) {
        double s = scalarIncDec(words.get(before), lower.get(before), valence, capDiff);
        if (startI == 1 && s != 0) {
          s = s * 0.95;
        }
        if (startI == 2 && s != 0) {
          s = s * 0.9;
        }
        valence = valence + s;
        valence = negationCheck(valence, lower, startI, i);
        if (startI == 2) {
          valence = specialIdioms(valence, lower, i);
        }
      }
    }
    return leastCheck(valence, lower, i);
  }

  private static double scalarIncDec(String word, String lower, double valence, boolean capDiff) {
    Double booster = BOOSTERS.get(lower);
    if (booster == null) {
      return 0.0;
    }
    double scalar = booster;
    if (valence < 0) {
      scalar *= -1;
    }
    if (isUpper(word) && capDiff) {
      scalar = valence > 0 ? scalar + C_INCR : scalar - C_INCR;
    }
    return scalar;
  }

  private static boolean negated(String lowerWord) {
    return NEGATE.contains(lowerWord) || lowerWord.contains("n't");
  }

  private static double negationCheck(double valence, List<String> w, int startI, int i) {
    if (startI == 0) {
      return negated(w.get(i - 1)) ? valence * N_SCALAR : valence;
    }
    if (startI == 1) {
      if (w.get(i - 2).equals("never") && soOrThis(w.get(i - 1))) {
        return valence * 1.25;
      }
      if (w.get(i - 2).equals("without") && w.get(i - 1).equals("doubt")) {
        return valence;
      }
      return negated(w.get(i - 2)) ? valence * N_SCALAR : valence;
    }
    // The reference groups this test as (never and so/this two back) or (so/this one back).
    if ((w.get(i - 3).equals("never") && soOrThis(w.get(i - 2))) || soOrThis(w.get(i - 1))) {
      return valence * 1.25;
    }
    if (w.get(i - 3).equals("without")
        && (w.get(i - 2).equals("doubt") || w.get(i - 1).equals("doubt"))) {
      return valence;
    }
    return negated(w.get(i - 3)) ? valence * N_SCALAR : valence;
  }

  private static boolean soOrThis(String w) {
    return w.equals("so") || w.equals("this");
  }

  private double leastCheck(double valence, List<String> w, int i) {
    if (i > 1 && !lexicon.containsKey(w.get(i - 1)) && w.get(i - 1).equals("least")) {
      if (!w.get(i - 2).equals("at") && !w.get(i - 2).equals("very")) {
        return valence * N_SCALAR;
      }
    } else if (i > 0 && !lexicon.containsKey(w.get(i - 1)) && w.get(i - 1).equals("least")) {
      return valence * N_SCALAR;
    }
    return valence;
  }

  private static double specialIdioms(double valence, List<String> w, int i) {
    String oneZero = w.get(i - 1) + " " + w.get(i);
    String twoOneZero = w.get(i - 2) + " " + w.get(i - 1) + " " + w.get(i);
    String twoOne = w.get(i - 2) + " " + w.get(i - 1);
    String threeTwoOne = w.get(i - 3) + " " + w.get(i - 2) + " " + w.get(i - 1);
    String threeTwo = w.get(i - 3) + " " + w.get(i - 2);
    double result = valence;
    for (String seq : List.of(oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo)) {
      Double special = SPECIAL_CASES.get(seq);
      if (special != null) {
        result = special;
        break;
      }
    }
    if (w.size() - 1 > i) {
      Double special = SPECIAL_CASES.get(w.get(i) + " " + w.get(i + 1));
      if (special != null) {
        result = special;
      }
    }
    if (w.size() - 1 > i + 1) {
      Double special = SPECIAL_CASES.get(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2));
      if (special != null) {
        result = special;
      }
    }
    for (String nGram : List.of(threeTwoOne, threeTwo, twoOne)) {
      Double booster = BOOSTERS.get(nGram);
      if (booster != null) {
        result = result + booster;
      }
    }
    return result;
  }

  /**
   * The contrastive "but": sentiment before the first "but" halves, after it grows by half. The
   * reference finds each value's position with {@code list.index}, the first equal value, while it
   * rewrites the list; this replays that exactly, since it changes scores when values repeat.
   */
  private static void butCheck(List<String> lower, double[] sentiments) {
    int bi = lower.indexOf("but");
    if (bi < 0) {
      return;
    }
    for (int k = 0; k < sentiments.length; k++) {
      double sentiment = sentiments[k];
      int si = 0;
      while (sentiments[si] != sentiment) {
        si++;
      }
      if (si < bi) {
        sentiments[si] = sentiment * 0.5;
      } else if (si > bi) {
        sentiments[si] = sentiment * 1.5;
      }
    }
  }

  private static SentimentScore scoreValence(double[] sentiments, String text) {
    double sum = 0;
    for (double s : sentiments) {
      sum += s;
    }
    double punctuation = punctuationEmphasis(text);
    if (sum > 0) {
      sum += punctuation;
    } else if (sum < 0) {
      sum -= punctuation;
    }
    double compound = normalize(sum);
    double posSum = 0;
    double negSum = 0;
    int neutral = 0;
    for (double s : sentiments) {
      if (s > 0) {
        posSum += s + 1;
      }
      if (s < 0) {
        negSum += s - 1;
      }
      if (s == 0) {
        neutral++;
      }
    }
    if (posSum > Math.abs(negSum)) {
      posSum += punctuation;
    } else if (posSum < Math.abs(negSum)) {
      negSum -= punctuation;
    }
    double total = posSum + Math.abs(negSum) + neutral;
    return new SentimentScore(
        round(Math.abs(negSum / total), 3),
        round(Math.abs(neutral / total), 3),
        round(Math.abs(posSum / total), 3),
        round(compound, 4));
  }

  private static double punctuationEmphasis(String text) {
    int exclamations = 0;
    int questions = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '!') {
        exclamations++;
      } else if (c == '?') {
        questions++;
      }
    }
    double ep = Math.min(exclamations, 4) * 0.292;
    double qm = 0;
    if (questions > 1) {
      qm = questions <= 3 ? questions * 0.18 : 0.96;
    }
    return ep + qm;
  }

  /** {@code score / sqrt(score² + 15)}, clamped to -1..1. */
  static double normalize(double score) {
    double norm = score / Math.sqrt(score * score + ALPHA);
    return Math.max(-1.0, Math.min(1.0, norm));
  }

  /** Python's {@code round(x, n)}: the exact binary value, ties to even. */
  private static double round(double x, int places) {
    return new BigDecimal(x).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
  }

  /**
   * Whitespace-separated tokens with surrounding punctuation removed unless that leaves ≤ 2 chars.
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(stripPunctuation(text.substring(start, i)));
      }
    }
    return out;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  private static String stripPunctuation(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && PUNCTUATION.indexOf(token.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && PUNCTUATION.indexOf(token.charAt(end - 1)) >= 0) {
      end--;
    }
    String stripped = token.substring(start, end);
    return stripped.codePointCount(0, stripped.length()) <= 2 ? token : stripped;
  }

  /** True when some but not all words are ALL CAPS. */
  private static boolean capDifferential(List<String> words) {
    int caps = 0;
    for (String w : words) {
      if (isUpper(w)) {
        caps++;
      }
    }
    int differential = words.size() - caps;
    return differential > 0 && differential < words.size();
  }

  /** Python's {@code str.isupper()}: at least one cased character and no lower-case one. */
  static boolean isUpper(String word) {
    boolean cased = false;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      if (Character.isUpperCase(cp)) {
        cased = true;
      }
      i += Character.charCount(cp);
    }
    return cased;
  }

  private static Vader load() {
    String resource = "/discovery/text/vader_lexicon.txt";
    Map<String, Double> lexicon = new HashMap<>();
    try (InputStream in = Vader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
          continue;
        }
        String[] fields = trimmed.split("\t");
        // A later line for the same token wins, as in the reference's dict.
        lexicon.put(fields[0], Double.parseDouble(fields[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Vader(lexicon);
  }

  private static Map<String, Double> boosters() {
    Map<String, Double> m = new HashMap<>();
    for (String w :
        List.of(
            "absolutely",
            "amazingly",
            "awfully",
            "completely",
            "considerable",
            "considerably",
            "decidedly",
            "deeply",
            "effing",
            "enormous",
            "enormously",
            "entirely",
            "especially",
            "exceptional",
            "exceptionally",
            "extreme",
            "extremely",
            "fabulously",
            "flipping",
            "flippin",
            "frackin",
            "fracking",
            "fricking",
            "frickin",
            "frigging",
            "friggin",
            "fully",
            "fuckin",
            "fucking",
            "fuggin",
            "fugging",
            "greatly",
            "hella",
            "highly",
            "hugely",
            "incredible",
            "incredibly",
            "intensely",
            "major",
            "majorly",
            "more",
            "most",
            "particularly",
            "purely",
            "quite",
            "really",
            "remarkably",
            "so",
            "substantially",
            "thoroughly",
            "total",
            "totally",
            "tremendous",
            "tremendously",
            "uber",
            "unbelievably",
            "unusually",
            "utter",
            "utterly",
            "very")) {
      m.put(w, B_INCR);
    }
    for (String w :
        List.of(
            "almost",
            "barely",
            "hardly",
            "just enough",
            "kind of",
            "kinda",
            "kindof",
            "kind-of",
            "less",
            "little",
            "marginal",
            "marginally",
            "occasional",
            "occasionally",
            "partly",
            "scarce",
            "scarcely",
            "slight",
            "slightly",
            "somewhat",
            "sort of",
            "sorta",
            "sortof",
            "sort-of")) {
      m.put(w, B_DECR);
    }
    return Map.copyOf(m);
  }
}
