package io.hatrack.discovery.surveys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a survey, computed from its responses with no I/O: per question, how many
 * answered, the distribution of the answers, and the score its method defines (NPS with its margin
 * of error, CSAT, CES 2.0, the mean of a rating, choice counts, the Kano category with Better and
 * Worse), and the free-text answers. Every percentage is an exact share of counts rounded once, to
 * one decimal.
 *
 * @param responses how many responses the survey has
 */
public record SurveyResults(Survey survey, long responses, List<QuestionResult> questions) {
  public SurveyResults {
    questions = List.copyOf(questions);
  }

  /** A bar of a distribution: a point of a scale or an option, with its count and share. */
  public record Bar(String label, long count, BigDecimal percent) {}

  /** A free-text answer; {@code respondent} is empty on anonymous surveys. */
  public record TextAnswer(long responseId, String text, Instant submittedAt, String respondent) {}

  /**
   * The result of one question; only the parts of its type are present, the rest null or empty.
   *
   * @param answered how many responses answered it
   * @param distribution answers per point of the scale (scaled questions) or per option (choice)
   * @param mean the mean of a rating, two decimals (null without answers)
   * @param kano the evaluation of a Kano pair
   * @param kanoAnswers a Kano pair's answers: rows functional, columns dysfunctional (5 × 5)
   */
  public record QuestionResult(
      Question question,
      long answered,
      List<Bar> distribution,
      Nps.Score nps,
      Csat.Score csat,
      Ces.Score ces,
      BigDecimal mean,
      List<TextAnswer> texts,
      Kano.Evaluation kano,
      long[][] kanoAnswers) {
    public QuestionResult {
      distribution = List.copyOf(distribution);
      texts = List.copyOf(texts);
    }

    /** The share of responses that answered this question, in percent (one decimal). */
    public BigDecimal answeredPercent(long responses) {
      return responses == 0 ? BigDecimal.ZERO : Percentages.percent(answered, responses, 1);
    }
  }

  /** Computes the results of {@code survey} from all of its {@code responses}. */
  public static SurveyResults of(Survey survey, List<Response> responses) {
    Map<Long, List<Found>> byQuestion = new HashMap<>();
    for (Response r : responses) {
      for (Response.Answer a : r.answers()) {
        byQuestion.computeIfAbsent(a.questionId(), k -> new ArrayList<>()).add(new Found(r, a));
      }
    }
    List<QuestionResult> results = new ArrayList<>();
    for (Question q : survey.questions()) {
      results.add(result(q, byQuestion.getOrDefault(q.id(), List.of())));
    }
    return new SurveyResults(survey, responses.size(), results);
  }

  private record Found(Response response, Response.Answer answer) {}

  private static QuestionResult result(Question q, List<Found> found) {
    long n = found.size();
    if (q.type().scaled()) {
      long[] counts = new long[q.high() - q.low() + 1];
      long sum = 0;
      for (Found f : found) {
        counts[f.answer().number() - q.low()]++;
        sum += f.answer().number();
      }
      List<Bar> bars = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        bars.add(bar(Integer.toString(q.low() + i), counts[i], n));
      }
      Nps.Score nps = null;
      Csat.Score csat = null;
      Ces.Score ces = null;
      BigDecimal mean = null;
      switch (q.type()) {
        case NPS -> nps = Nps.score(Nps.count(values(found))).orElse(null);
        case CSAT -> csat = Csat.score(counts).orElse(null);
        case CES -> ces = Ces.score(counts).orElse(null);
        default -> mean = n == 0 ? null : Percentages.ratio(sum, n, 2);
      }
      return new QuestionResult(q, n, bars, nps, csat, ces, mean, List.of(), null, null);
    }
    if (q.type().choice()) {
      long[] counts = new long[q.options().size()];
      for (Found f : found) {
        for (int c : f.answer().choices()) {
          counts[c]++;
        }
      }
      List<Bar> bars = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        // A share of the respondents who answered: with multiple choice the shares add up to more.
        bars.add(bar(q.options().get(i), counts[i], n));
      }
      return new QuestionResult(q, n, bars, null, null, null, null, List.of(), null, null);
    }
    if (q.type() == QuestionType.KANO) {
      long[][] table = new long[5][5];
      List<Kano.Pair> pairs = new ArrayList<>();
      for (Found f : found) {
        Kano.Answer functional = Kano.Answer.ofNumber(f.answer().number());
        Kano.Answer dysfunctional = Kano.Answer.ofNumber(f.answer().dysfunctional());
        pairs.add(new Kano.Pair(functional, dysfunctional));
        table[functional.ordinal()][dysfunctional.ordinal()]++;
      }
      return new QuestionResult(
          q, n, List.of(), null, null, null, null, List.of(), Kano.evaluate(pairs), table);
    }
    List<TextAnswer> texts = new ArrayList<>();
    for (Found f : found) {
      texts.add(
          new TextAnswer(
              f.response().id(),
              f.answer().text(),
              f.response().submittedAt(),
              f.response().respondent()));
    }
    return new QuestionResult(q, n, List.of(), null, null, null, null, texts, null, null);
  }

  private static List<Integer> values(List<Found> found) {
    return found.stream().map(f -> f.answer().number()).toList();
  }

  private static Bar bar(String label, long count, long n) {
    return new Bar(label, count, n == 0 ? BigDecimal.ZERO : Percentages.percent(count, n, 1));
  }

  /** The results of the Kano pairs, one per feature, in question order. */
  public List<QuestionResult> kanoFeatures() {
    return questions.stream().filter(r -> r.question().type() == QuestionType.KANO).toList();
  }
}
