package io.hatrack.discovery.surveys;

import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import java.util.ArrayList;
import java.util.List;

/**
 * Checkout's surveys in the demo story: Ana's quarterly merchant NPS with 40 responses. Their
 * free-text reasons echo the themes of the story (saved cards, 3-D Secure failures, invoice export,
 * slow payouts), the Kano pair asks about one-click saved cards, and a few enterprise merchants
 * answered through personal links. 20 promoters, 12 passives and 8 detractors: NPS +30.0 ± 24.2.
 */
public final class SurveysDemo implements DemoSeed {
  private final SurveyService surveys;
  private final SurveyResponseService responses;

  public SurveysDemo(SurveyService surveys, SurveyResponseService responses) {
    this.surveys = surveys;
    this.responses = responses;
  }

  /** One demo respondent: their score, what they use, their reason and their Kano pair. */
  private record Answer(
      int nps, int ces, String improve, String reason, String functional, String dysfunctional) {}

  private static final List<Answer> ANSWERS =
      List.of(
          new Answer(
              10,
              7,
              "Saved cards",
              "Setup took an afternoon and conversion went up.",
              "like",
              "dislike"),
          new Answer(
              9,
              6,
              "Saved cards",
              "Reliable, and support answers within the hour.",
              "like",
              "neutral"),
          new Answer(10, 7, "Faster payouts", "", "like", "live_with"),
          new Answer(
              9,
              6,
              "Invoice export",
              "The dashboard is clear; exporting invoices is not.",
              "expect",
              "dislike"),
          new Answer(
              3,
              2,
              "3-D Secure reliability",
              "3-D Secure challenges fail on Safari and we lose the sale.",
              "like",
              "dislike"),
          new Answer(9, 6, "Saved cards", "", "like", "dislike"),
          new Answer(
              8,
              5,
              "Faster payouts",
              "Good product, but payouts take three days.",
              "like",
              "live_with"),
          new Answer(
              10,
              7,
              "Saved cards",
              "Our customers ask to save their card every week.",
              "like",
              "dislike"),
          new Answer(
              7,
              5,
              "Invoice export",
              "Invoice export to our accounting tool is manual.",
              "neutral",
              "dislike"),
          new Answer(9, 6, "Saved cards", "", "like", "neutral"),
          new Answer(
              6,
              4,
              "Faster payouts",
              "Slow payouts hurt our cash flow in December.",
              "neutral",
              "neutral"),
          new Answer(10, 6, "Saved cards", "Best checkout we have used.", "like", "expect"),
          new Answer(9, 7, "3-D Secure reliability", "", "like", "dislike"),
          new Answer(
              8, 5, "Saved cards", "Fine. Saved cards would make it great.", "like", "live_with"),
          new Answer(
              4,
              3,
              "3-D Secure reliability",
              "Too many failed 3-D Secure payments on mobile.",
              "expect",
              "dislike"),
          new Answer(10, 7, "Faster payouts", "", "like", "dislike"),
          new Answer(9, 6, "Invoice export", "Clean API, good docs.", "neutral", "dislike"),
          new Answer(7, 4, "Invoice export", "", "expect", "dislike"),
          new Answer(10, 6, "Saved cards", "", "like", "neutral"),
          new Answer(
              5,
              3,
              "Faster payouts",
              "Payouts are slower than our old provider.",
              "neutral",
              "live_with"),
          new Answer(9, 6, "Saved cards", "", "like", "dislike"),
          new Answer(8, 5, "3-D Secure reliability", "", "expect", "dislike"),
          new Answer(10, 7, "Saved cards", "Integration was painless.", "like", "live_with"),
          new Answer(8, 6, "Invoice export", "", "neutral", "dislike"),
          new Answer(
              2,
              1,
              "3-D Secure reliability",
              "Half of our Safari customers cannot finish 3-D Secure.",
              "expect",
              "dislike"),
          new Answer(9, 6, "Faster payouts", "", "like", "neutral"),
          new Answer(7, 5, "Saved cards", "", "like", "live_with"),
          new Answer(10, 7, "Saved cards", "", "like", "dislike"),
          new Answer(
              6,
              4,
              "Invoice export",
              "We export invoices by hand every month.",
              "neutral",
              "dislike"),
          new Answer(9, 6, "3-D Secure reliability", "", "like", "neutral"),
          new Answer(8, 5, "Faster payouts", "", "neutral", "live_with"),
          new Answer(10, 7, "Saved cards", "", "like", "dislike"),
          new Answer(7, 5, "Faster payouts", "", "neutral", "neutral"),
          new Answer(9, 6, "Saved cards", "", "like", "expect"),
          new Answer(
              5,
              3,
              "Invoice export",
              "Missing invoice export is a deal breaker for finance.",
              "expect",
              "dislike"),
          new Answer(8, 5, "Saved cards", "", "like", "live_with"),
          new Answer(10, 7, "Faster payouts", "", "like", "dislike"),
          new Answer(7, 4, "3-D Secure reliability", "", "expect", "dislike"),
          new Answer(8, 6, "Saved cards", "", "like", "neutral"),
          new Answer(6, 4, "3-D Secure reliability", "", "expect", "dislike"));

  @Override
  public void seed(DemoStory story) {
    String chk = story.checkout().slug();
    story.at(30, 2);
    Survey survey =
        surveys.create(
            story.ana(),
            chk,
            new SurveyDraft(
                "Merchant NPS, Q1",
                "Two minutes about Checkout: your answers decide what the team builds next.",
                "open",
                false,
                true,
                List.of(
                    QuestionDraft.of("nps", ""),
                    QuestionDraft.of("text", "What is the main reason for your score?").optional(),
                    QuestionDraft.of("ces", ""),
                    QuestionDraft.choice(
                        "single",
                        "What should we improve next?",
                        "Saved cards",
                        "3-D Secure reliability",
                        "Invoice export",
                        "Faster payouts"),
                    QuestionDraft.kano("One-click saved cards"))));
    List<String> tokens = new ArrayList<>();
    tokens.addAll(
        surveys
            .createLinks(
                story.ana(),
                survey.key(),
                List.of(
                    new SurveyService.Recipient(
                        "Priya Shah, Brightwave", "priya@brightwave.example"),
                    new SurveyService.Recipient(
                        "Tom Berg, Harbor Outfitters", "tom@harbor.example"),
                    new SurveyService.Recipient("Lena Ruiz, Lumen Coffee", "lena@lumen.example"),
                    new SurveyService.Recipient(
                        "Omar Haddad, Kestrel Air", "omar@kestrel.example")))
            .tokens());
    for (int i = 0; i < ANSWERS.size(); i++) {
      // Answers arrive over the four weeks after Ana sent the survey, most in the first days.
      int day = i < 24 ? 29 - i / 4 : 22 - (i - 24) / 2;
      story.at(day, 3 + i % 7);
      Answer a = ANSWERS.get(i);
      List<Question> q = survey.questions();
      ResponseInput input =
          new ResponseInput(
              List.of(
                  AnswerInput.value(q.get(0).id(), a.nps()),
                  AnswerInput.text(q.get(1).id(), a.reason()),
                  AnswerInput.value(q.get(2).id(), a.ces()),
                  AnswerInput.choices(q.get(3).id(), a.improve()),
                  AnswerInput.kano(q.get(4).id(), a.functional(), a.dysfunctional())),
              null,
              null);
      // The first answers came from the personal links sent to enterprise merchants.
      String token = i < tokens.size() - 1 ? tokens.get(i) : null;
      responses.respond(chk, survey.publicCode(), token, "demo-" + i, input);
    }
  }
}
