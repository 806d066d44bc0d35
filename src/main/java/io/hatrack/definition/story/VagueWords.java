package io.hatrack.definition.story;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that make a requirement ambiguous ("fast", "user-friendly", "etc.", "and/or", ...), each
 * with advice on a measurable rewrite. Two people reading "fast" picture different numbers; the
 * advice asks for the number. Pure: no I/O.
 */
public final class VagueWords {
  private static final String SPEED =
      "say how fast, with a time and a share of cases, e.g. \u201cwithin 2 seconds for 95 % of"
          + " payments\u201d";
  private static final String EASE =
      "say what the person can do and how you will check it, e.g. \u201ca first-time shopper"
          + " saves a card in under 30 seconds without help\u201d";
  private static final String LIST =
      "list every case, or link to the full list: the rest is left to guesswork";
  private static final String QUANTITY = "give a number or a range, e.g. \u201cup to 5 cards\u201d";
  private static final String RULE =
      "name the rule that decides it, e.g. \u201can error message that names the field\u201d";
  private static final String WHEN =
      "say exactly when: the condition that triggers it, e.g. \u201cwhen the card has"
          + " expired\u201d";
  private static final String RELIABILITY =
      "give a measure: an availability (99.9 %), an error rate, or the failures it must survive";
  private static final String FRICTION =
      "describe the steps the person no longer has to take, e.g. \u201cno second sign-in\u201d";
  private static final String TARGET =
      "say what is measured and the target, e.g. \u201cunder 300 ms per page\u201d";
  private static final String LIMIT = "give the limit, e.g. \u201cat most 2 clicks\u201d";
  private static final String FREQUENCY =
      "say in which cases exactly, or give a share, e.g. \u201cfor 9 in 10 shoppers\u201d";

  /** Nouns after which "support" names people or things (a support agent), not a vague verb. */
  private static final String SUPPORT_NOUNS =
      "agents?|teams?|tickets?|staff|engineers?|requests?|cases?|desk|calls?|contacts?|contracts?"
          + "|plans?|tiers?|articles?|center|centre|queues?|portal|people|person|reps?|line|chat"
          + "|inbox|hours|site|page|email|e-mail|lead";

  /** A vague word or phrase, how it is found, and what to write instead. */
  public record Term(String word, Pattern pattern, String advice) {}

  private static final List<Term> TERMS = new ArrayList<>();

  static {
    words(SPEED, "fast", "faster", "quick", "quickly", "speedy", "snappy", "responsive");
    words(
        EASE,
        "user-friendly",
        "user friendly",
        "easy",
        "easily",
        "easier",
        "simple",
        "simply",
        "intuitive",
        "intuitively",
        "straightforward");
    TERMS.add(
        new Term(
            "etc.",
            Pattern.compile("(?<![\\p{L}\\p{N}])etc(?![\\p{L}\\p{N}])\\.?", flags()),
            LIST));
    words(LIST, "and so on");
    words(
        "say whether both, either one, or only one is meant; if both, write them as two steps",
        "and/or");
    words(QUANTITY, "some", "several", "many", "few", "various", "numerous", "a lot of", "lots of");
    words(
        RULE,
        "appropriate",
        "appropriately",
        "suitable",
        "adequate",
        "sufficient",
        "reasonable",
        "properly");
    words(
        WHEN,
        "as needed",
        "if needed",
        "as required",
        "if necessary",
        "when necessary",
        "where necessary",
        "as appropriate",
        "if possible",
        "where possible");
    words("say which changes must be possible, and by whom", "flexible");
    words(RELIABILITY, "robust", "reliable", "stable", "resilient");
    words(FRICTION, "seamless", "seamlessly", "smooth", "smoothly");
    words(
        TARGET,
        "optimal",
        "optimally",
        "optimize",
        "optimise",
        "optimized",
        "optimised",
        "efficient",
        "efficiently",
        "performant");
    words(LIMIT, "minimal", "minimize", "minimise", "maximize", "maximise");
    words(FREQUENCY, "usually", "normally", "often", "sometimes");
    words("say better than what, and by how much", "better");
    // Not the "3-D Secure" of card payments, which is a name.
    TERMS.add(
        new Term(
            "secure",
            Pattern.compile(
                "(?<![\\p{L}\\p{N}-])(?<!3-D )(?<!3D )secure(?:ly)?(?![\\p{L}\\p{N}-])", flags()),
            "name the rule, e.g. \u201cstored as a token, never as a card number\u201d"));
    words("give the load it must handle, e.g. \u201c10,000 payments a minute\u201d", "scalable");
    words(
        "decide it before the story goes into a sprint, or split the open question out",
        "TBD",
        "TBC",
        "to be decided");
    TERMS.add(
        new Term(
            "support",
            Pattern.compile(
                "(?<![\\p{L}\\p{N}-])(?<!contact )(?<!customer )(?<!the )(?<!our )(?<!technical )"
                    + "support(?:s|ed|ing)?(?![\\p{L}\\p{N}-])(?!\\s+(?:"
                    + SUPPORT_NOUNS
                    + ")(?![\\p{L}\\p{N}]))",
                flags()),
            "\u201csupport\u201d can mean anything from \u201cdoes not crash\u201d to \u201cfully"
                + " works\u201d: say what the person can do, e.g. \u201cthe shopper can pay with"
                + " Visa, Mastercard and Amex\u201d"));
  }

  private VagueWords() {}

  private static int flags() {
    return Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  }

  private static void words(String advice, String... words) {
    for (String word : words) {
      String body = Pattern.quote(word).replace(" ", "\\E\\s+\\Q");
      TERMS.add(
          new Term(
              word,
              Pattern.compile("(?<![\\p{L}\\p{N}-])" + body + "(?![\\p{L}\\p{N}-])", flags()),
              advice));
    }
  }

  /** Every term checked, in a stable order. */
  public static List<Term> terms() {
    return List.copyOf(TERMS);
  }

  /** The terms found in {@code text}, each once, in the order of the list. */
  public static List<Term> in(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Set<Term> found = new LinkedHashSet<>();
    for (Term term : TERMS) {
      Matcher m = term.pattern().matcher(text);
      if (m.find()) {
        found.add(term);
      }
    }
    return List.copyOf(found);
  }

  /** The words of the list as a reader sees them, e.g. for "checked for ..." messages. */
  static String examples() {
    return "\u201cfast\u201d, \u201ceasy\u201d, \u201cetc.\u201d or \u201cand/or\u201d";
  }
}
