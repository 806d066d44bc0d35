package io.hatrack.discovery.surveys;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Surveys over the API: building them (with {@code If-Match} on changes), their personal links,
 * responses entered by members, and results computed to the published definitions.
 */
public final class SurveyApi implements Routes {
  private static final String TAG = "Surveys";
  private static final String LIST = "/api/v1/products/{product}/surveys";
  private static final String ONE = LIST + "/{survey}";

  private final SurveyService surveys;
  private final SurveyResponseService responses;
  private final ObjectMapper json;

  public SurveyApi(SurveyService surveys, SurveyResponseService responses, ObjectMapper json) {
    this.surveys = surveys;
    this.responses = responses;
    this.json = json;
  }

  // ---- JSON ------------------------------------------------------------------------------------

  /** A question; {@code low} and {@code high} bound the answers of a scaled question. */
  public record SurveyQuestionJson(
      long id,
      String type,
      String prompt,
      boolean required,
      List<String> options,
      Integer scale,
      Integer low,
      Integer high,
      String feature,
      String dysfunctionalPrompt) {
    static SurveyQuestionJson of(Question q) {
      boolean scaled = q.type().scaled();
      return new SurveyQuestionJson(
          q.id(),
          q.type().id(),
          q.prompt(),
          q.required(),
          q.options(),
          q.type() == QuestionType.RATING ? q.scale() : null,
          scaled ? q.low() : null,
          scaled ? q.high() : null,
          q.type() == QuestionType.KANO ? q.feature() : null,
          q.type() == QuestionType.KANO ? q.dysfunctionalPrompt() : null);
    }
  }

  /**
   * A survey. {@code public_url} is the address anyone may answer at when {@code open_link} is
   * true; personal links add {@code ?t=<token>} to it.
   */
  public record SurveyJson(
      long id,
      String key,
      String kind,
      String title,
      String description,
      String status,
      boolean anonymous,
      boolean openLink,
      String publicUrl,
      List<SurveyQuestionJson> questions,
      long responses,
      long version,
      long productId,
      long createdBy,
      Instant createdAt,
      long updatedBy,
      Instant updatedAt,
      String url) {
    static SurveyJson of(Survey s) {
      Item i = s.item();
      return new SurveyJson(
          i.id(),
          i.key(),
          SurveyService.KIND,
          i.title(),
          s.description(),
          s.status().id(),
          s.anonymous(),
          s.openLink(),
          s.publicPath(),
          s.questions().stream().map(SurveyQuestionJson::of).toList(),
          s.responses(),
          i.version(),
          i.productId(),
          i.createdBy(),
          i.createdAt(),
          i.updatedBy(),
          i.updatedAt(),
          "/i/" + i.key());
    }
  }

  /** A survey in its product's list. */
  public record SurveySummaryJson(
      long id,
      String key,
      String title,
      String status,
      boolean anonymous,
      boolean openLink,
      int questions,
      long responses,
      long version,
      Instant updatedAt,
      String url) {
    static SurveySummaryJson of(SurveySummary s) {
      Item i = s.item();
      return new SurveySummaryJson(
          i.id(),
          i.key(),
          i.title(),
          s.status().id(),
          s.anonymous(),
          s.openLink(),
          s.questions(),
          s.responses(),
          i.version(),
          i.updatedAt(),
          "/i/" + i.key());
    }
  }

  /**
   * A question as written. {@code type}: nps, csat, ces, rating, single, multiple, text or kano. A
   * blank prompt of NPS, CSAT, CES and Kano takes the published wording. {@code options}: the
   * choices of single and multiple choice; {@code scale}: the top of a rating (3-10, default 5);
   * {@code feature} and {@code dysfunctional_prompt}: a Kano pair's. {@code required} defaults to
   * true.
   */
  public record SurveyQuestionInput(
      String type,
      String prompt,
      Boolean required,
      List<String> options,
      Integer scale,
      String feature,
      String dysfunctionalPrompt) {
    QuestionDraft draft() {
      return new QuestionDraft(
          type, prompt, required == null || required, options, scale, feature, dysfunctionalPrompt);
    }
  }

  /**
   * Creating a survey. {@code status}: draft (default), open or closed; {@code open_link} (default
   * true): whether anyone with the public address may answer; {@code anonymous} (default false):
   * responses keep no name, e-mail or personal link.
   */
  public record SurveyInput(
      String title,
      String description,
      String status,
      Boolean anonymous,
      Boolean openLink,
      List<SurveyQuestionInput> questions) {}

  /**
   * Changing a survey: absent (or null) fields are kept; {@code questions}, when present, replace
   * the list, which is refused once the survey has responses.
   */
  public record SurveyPatch(
      String title,
      String description,
      String status,
      Boolean anonymous,
      Boolean openLink,
      List<SurveyQuestionInput> questions) {}

  /**
   * One answer. Scaled questions take {@code value}; single choice takes {@code choice} (or {@code
   * choices} with one entry), multiple choice {@code choices}, by option text; free text takes
   * {@code text}; a Kano pair takes {@code functional} and {@code dysfunctional}, each one of like,
   * expect, neutral, live_with, dislike.
   */
  public record SurveyAnswerInput(
      Long question,
      Integer value,
      String choice,
      List<String> choices,
      String text,
      String functional,
      String dysfunctional) {}

  /**
   * A response entered by a member; {@code name} and {@code email} only on surveys that keep them.
   */
  public record SurveyResponseInput(String name, String email, List<SurveyAnswerInput> answers) {}

  /** A saved answer, in the terms of its question. */
  public record SurveyAnswerJson(
      long question,
      Integer value,
      List<String> choices,
      String text,
      String functional,
      String dysfunctional) {}

  /**
   * A response. {@code channel}: link (the open public address), token (a personal link) or entered
   * (through the API). On anonymous surveys name and email are always null and submitted_at is the
   * day only.
   */
  public record SurveyResponseJson(
      long id,
      String channel,
      String name,
      String email,
      Instant submittedAt,
      List<SurveyAnswerJson> answers) {}

  /** A bar of a distribution: a point of the scale or a choice, its count and share in percent. */
  public record SurveyBarJson(String label, long count, double percent) {}

  /**
   * The Net Promoter Score: %promoters (9-10) minus %detractors (0-6), on -100..100, with the
   * half-width of its 95 % confidence interval, 1.96 * sqrt(((p+d) - (p-d)^2) / n) * 100.
   */
  public record SurveyNpsJson(
      double score,
      double marginOfError,
      String confidence,
      long promoters,
      long passives,
      long detractors,
      long n,
      double promoterPercent,
      double passivePercent,
      double detractorPercent) {}

  /** CSAT: the share of 4 and 5 answers on the 1-5 scale, in percent. */
  public record SurveyCsatJson(double percent, long satisfied, long n) {}

  /** CES, the variant named in {@code variant}: the mean answer, and the share who agree (5-7). */
  public record SurveyCesJson(String variant, double mean, double agreePercent, long n) {}

  /**
   * A Kano pair's evaluation: respondents per category (A attractive, O one-dimensional, M must-be,
   * I indifferent, R reverse, Q questionable), the most frequent, and the coefficients Better =
   * (A+O)/(A+O+M+I) and Worse = -(O+M)/(A+O+M+I).
   */
  public record SurveyKanoJson(
      String feature,
      Map<String, Long> counts,
      long n,
      String category,
      String categoryLabel,
      Double better,
      Double worse) {}

  /** A free-text answer; respondent is empty on anonymous surveys. */
  public record SurveyTextJson(
      long responseId, String text, Instant submittedAt, String respondent) {}

  /** The result of one question; only the parts of its type are present. */
  public record SurveyQuestionResultJson(
      long question,
      String type,
      String prompt,
      long answered,
      List<SurveyBarJson> distribution,
      SurveyNpsJson nps,
      SurveyCsatJson csat,
      SurveyCesJson ces,
      Double mean,
      SurveyKanoJson kano,
      List<SurveyTextJson> texts) {}

  /**
   * The results of a survey. Shares are exact fractions of the counts rounded once, half away from
   * zero: percentages and NPS to one decimal, means and Kano coefficients to two.
   */
  public record SurveyResultsJson(
      long survey,
      String key,
      String title,
      long responses,
      String rounding,
      List<SurveyQuestionResultJson> questions) {}

  /** A personal link (its token is shown only when it is made). */
  public record SurveyLinkJson(
      long id,
      String label,
      String email,
      String createdBy,
      Instant createdAt,
      Instant usedAt,
      Instant revokedAt) {
    static SurveyLinkJson of(SurveyLink l) {
      return new SurveyLinkJson(
          l.id(),
          l.label(),
          l.email(),
          l.createdByName(),
          l.createdAt(),
          l.usedAt(),
          l.revokedAt());
    }
  }

  /** A link just made: its secret token and the address to send, shown this once. */
  public record SurveyNewLinkJson(SurveyLinkJson link, String token, String url) {}

  /** The links just made. */
  public record SurveyNewLinksJson(List<SurveyNewLinkJson> links) {}

  /** Whom a personal link is for; an anonymous survey takes no email. */
  public record SurveyRecipientInput(String label, String email) {}

  /** Making personal links: one per recipient, or {@code count} blank ones. */
  public record SurveyLinksInput(List<SurveyRecipientInput> recipients, Integer count) {}

  // ---- Routes -----------------------------------------------------------------------------------

  @Override
  public void register(Router r) {
    r.get(LIST, this::list)
        .summary("A product's surveys, newest first")
        .tag(TAG)
        .paged()
        .returnsList(SurveySummaryJson.class);
    r.post(LIST, this::create)
        .summary("Create a survey (editors)")
        .description(
            "Questions of types nps (0-10), csat (1-5), ces (CES 2.0, 1-7), rating (1 to"
                + " scale), single, multiple, text and kano (functional and dysfunctional"
                + " question about a feature). An open survey needs at least one question.")
        .tag(TAG)
        .body(SurveyInput.class)
        .returns(201, SurveyJson.class);
    r.get(ONE, this::get)
        .summary("A survey by id or key, with its questions")
        .tag(TAG)
        .etag()
        .returns(200, SurveyJson.class);
    r.patch(ONE, this::update)
        .summary("Change a survey (editors); set status to open or closed to take or stop answers")
        .description(
            "Absent fields are kept. Once the survey has responses, its questions and its"
                + " anonymity cannot change.")
        .tag(TAG)
        .body(SurveyPatch.class)
        .ifMatch()
        .etag()
        .returns(200, SurveyJson.class);
    r.delete(ONE, this::delete)
        .summary("Delete a survey (editors); its links stop working; it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post(ONE + "/restore", this::restore)
        .summary("Restore a deleted survey (editors)")
        .tag(TAG)
        .returns(200, SurveyJson.class);
    r.get(ONE + "/responses", this::responses)
        .summary("A survey's responses, oldest first")
        .tag(TAG)
        .paged()
        .returnsList(SurveyResponseJson.class);
    r.post(ONE + "/responses", this::enter)
        .summary("Enter a response collected elsewhere (editors)")
        .description(
            "Checked whole: an answer out of range, a question answered twice or a required"
                + " question left out refuses the response and saves nothing (400, naming each"
                + " answer as answers.<question id>). A closed survey answers 409.")
        .tag(TAG)
        .body(SurveyResponseInput.class)
        .returns(201, SurveyResponseJson.class);
    r.get(ONE + "/results", this::results)
        .summary("A survey's results: NPS with margin of error, CSAT, CES 2.0, Kano, choices")
        .tag(TAG)
        .returns(200, SurveyResultsJson.class);
    r.get(ONE + "/links", this::links)
        .summary("A survey's personal links, newest first (editors)")
        .tag(TAG)
        .returnsList(SurveyLinkJson.class);
    r.post(ONE + "/links", this::createLinks)
        .summary("Make personal links, each answering once (editors); tokens are shown only here")
        .tag(TAG)
        .body(SurveyLinksInput.class)
        .returns(201, SurveyNewLinksJson.class);
    r.post(ONE + "/links/{link}/revoke", this::revokeLink)
        .summary("Revoke a personal link (editors)")
        .tag(TAG)
        .returns(200, SurveyLinkJson.class);
  }

  /** The survey of the URL, which must belong to the URL's product. */
  private SurveyService.View view(Context ctx) {
    User user = Requests.user(ctx);
    SurveyService.View view = surveys.get(user, ctx.pathParam("survey"));
    String product = ctx.pathParam("product");
    Item item = view.survey().item();
    if (!product.equals(view.survey().productSlug())
        && !product.equals(String.valueOf(item.productId()))) {
      throw new NotFound("survey");
    }
    return view;
  }

  private String ref(Context ctx) {
    return Long.toString(view(ctx).survey().id());
  }

  private void list(Context ctx) {
    int limit = Requests.limit(ctx, 50);
    var slice =
        surveys.list(Requests.user(ctx), ctx.pathParam("product"), Requests.cursorId(ctx), limit);
    ctx.json(
        new ListJson<>(
            slice.items().stream().map(SurveySummaryJson::of).toList(),
            slice.total(),
            slice.nextCursor()));
  }

  private void create(Context ctx) {
    SurveyInput in = Requests.body(ctx, json, SurveyInput.class);
    Survey s =
        surveys.create(
            Requests.user(ctx),
            ctx.pathParam("product"),
            new SurveyDraft(
                in.title(),
                in.description(),
                in.status(),
                Boolean.TRUE.equals(in.anonymous()),
                in.openLink() == null || in.openLink(),
                questions(in.questions())));
    Requests.etag(ctx, s.version());
    ctx.header("Location", "/api/v1/products/" + s.productSlug() + "/surveys/" + s.id());
    ctx.status(201).json(SurveyJson.of(s));
  }

  private static List<QuestionDraft> questions(List<SurveyQuestionInput> in) {
    if (in == null) {
      return List.of();
    }
    List<QuestionDraft> out = new ArrayList<>();
    for (SurveyQuestionInput q : in) {
      out.add(q == null ? null : q.draft());
    }
    return out;
  }

  private void get(Context ctx) {
    Survey s = view(ctx).survey();
    Requests.etag(ctx, s.version());
    ctx.json(SurveyJson.of(s));
  }

  /** The JSON of a survey for the uniform {@code /api/v1/items/{item}} endpoint. */
  public Object representation(User user, ItemAccess access) {
    return SurveyJson.of(surveys.get(user, Long.toString(access.id())).survey());
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    SurveyPatch p = Requests.body(ctx, json, SurveyPatch.class);
    Survey s = view(ctx).survey();
    SurveyDraft now = SurveyService.draftOf(s);
    SurveyDraft merged =
        new SurveyDraft(
            p.title() != null ? p.title() : now.title(),
            p.description() != null ? p.description() : now.description(),
            p.status() != null ? p.status() : now.status(),
            p.anonymous() != null ? p.anonymous() : now.anonymous(),
            p.openLink() != null ? p.openLink() : now.openLink(),
            p.questions() != null ? questions(p.questions()) : now.questions());
    Survey saved = surveys.update(Requests.user(ctx), Long.toString(s.id()), expected, merged);
    Requests.etag(ctx, saved.version());
    ctx.json(SurveyJson.of(saved));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    surveys.delete(Requests.user(ctx), ref(ctx), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    Survey s = surveys.restore(Requests.user(ctx), ctx.pathParam("survey"));
    Requests.etag(ctx, s.version());
    ctx.json(SurveyJson.of(s));
  }

  private void responses(Context ctx) {
    SurveyService.View view = view(ctx);
    int limit = Requests.limit(ctx, 50);
    var slice =
        responses.responses(
            Requests.user(ctx), Long.toString(view.survey().id()), ctx.queryParam("cursor"), limit);
    ctx.json(
        new ListJson<>(
            slice.items().stream().map(r -> responseJson(view.survey(), r)).toList(),
            slice.total(),
            slice.nextCursor()));
  }

  private void enter(Context ctx) {
    SurveyResponseInput in = Requests.body(ctx, json, SurveyResponseInput.class);
    Survey s = view(ctx).survey();
    List<AnswerInput> answers = new ArrayList<>();
    if (in.answers() != null) {
      for (int i = 0; i < in.answers().size(); i++) {
        SurveyAnswerInput a = in.answers().get(i);
        if (a == null || a.question() == null) {
          throw io.hatrack.kernel.Invalid.field(
              "answers[" + i + "].question", "must be the id of a question of this survey");
        }
        List<String> choices = new ArrayList<>();
        if (a.choice() != null) {
          choices.add(a.choice());
        }
        if (a.choices() != null) {
          choices.addAll(a.choices());
        }
        answers.add(
            new AnswerInput(
                a.question(), a.value(), choices, a.text(), a.functional(), a.dysfunctional()));
      }
    }
    Response r =
        responses.enter(
            Requests.user(ctx),
            Long.toString(s.id()),
            new ResponseInput(answers, in.name(), in.email()));
    ctx.status(201).json(responseJson(s, r));
  }

  private static SurveyResponseJson responseJson(Survey s, Response r) {
    List<SurveyAnswerJson> answers = new ArrayList<>();
    for (Response.Answer a : r.answers()) {
      Question q = s.question(a.questionId()).orElse(null);
      if (q == null) {
        continue;
      }
      if (q.type() == QuestionType.KANO) {
        answers.add(
            new SurveyAnswerJson(
                q.id(),
                null,
                null,
                null,
                Kano.Answer.ofNumber(a.number()).id(),
                Kano.Answer.ofNumber(a.dysfunctional()).id()));
      } else if (q.type().choice()) {
        answers.add(
            new SurveyAnswerJson(
                q.id(),
                null,
                a.choices().stream().map(q.options()::get).toList(),
                null,
                null,
                null));
      } else {
        answers.add(new SurveyAnswerJson(q.id(), a.number(), null, a.text(), null, null));
      }
    }
    return new SurveyResponseJson(
        r.id(), r.channel(), r.name(), r.email(), r.submittedAt(), answers);
  }

  private void results(Context ctx) {
    SurveyResults results =
        responses.results(Requests.user(ctx), Long.toString(view(ctx).survey().id()));
    ctx.json(resultsJson(results));
  }

  static SurveyResultsJson resultsJson(SurveyResults results) {
    List<SurveyQuestionResultJson> out = new ArrayList<>();
    for (SurveyResults.QuestionResult r : results.questions()) {
      Question q = r.question();
      out.add(
          new SurveyQuestionResultJson(
              q.id(),
              q.type().id(),
              q.prompt(),
              r.answered(),
              r.distribution().stream()
                  .map(b -> new SurveyBarJson(b.label(), b.count(), b.percent().doubleValue()))
                  .toList(),
              nps(r.nps()),
              r.csat() == null
                  ? null
                  : new SurveyCsatJson(
                      r.csat().percent().doubleValue(), r.csat().satisfied(), r.csat().n()),
              r.ces() == null
                  ? null
                  : new SurveyCesJson(
                      Ces.VARIANT,
                      r.ces().mean().doubleValue(),
                      r.ces().agreePercent().doubleValue(),
                      r.ces().n()),
              number(r.mean()),
              r.kano() == null ? null : kano(q, r.kano()),
              q.type() == QuestionType.TEXT
                  ? r.texts().stream()
                      .map(
                          t ->
                              new SurveyTextJson(
                                  t.responseId(), t.text(), t.submittedAt(), t.respondent()))
                      .toList()
                  : null));
    }
    Survey s = results.survey();
    return new SurveyResultsJson(
        s.id(),
        s.key(),
        s.title(),
        results.responses(),
        "exact shares of counts, rounded once, half away from zero: percentages and NPS to one"
            + " decimal, means and Kano coefficients to two",
        out);
  }

  private static SurveyNpsJson nps(Nps.Score s) {
    if (s == null) {
      return null;
    }
    return new SurveyNpsJson(
        s.score().doubleValue(),
        s.marginOfError().doubleValue(),
        "95%",
        s.counts().promoters(),
        s.counts().passives(),
        s.counts().detractors(),
        s.counts().n(),
        s.promoterPercent().doubleValue(),
        s.passivePercent().doubleValue(),
        s.detractorPercent().doubleValue());
  }

  private static SurveyKanoJson kano(Question q, Kano.Evaluation e) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Kano.Category c : List.of(Kano.Category.values())) {
      counts.put(c.name(), e.count(c));
    }
    return new SurveyKanoJson(
        q.feature(),
        counts,
        e.n(),
        e.category().map(Enum::name).orElse(null),
        e.category().map(Kano.Category::label).orElse(null),
        e.better().map(BigDecimal::doubleValue).orElse(null),
        e.worse().map(BigDecimal::doubleValue).orElse(null));
  }

  private static Double number(BigDecimal value) {
    return value == null ? null : value.doubleValue();
  }

  private void links(Context ctx) {
    List<SurveyLinkJson> links =
        surveys.links(Requests.user(ctx), ref(ctx)).stream().map(SurveyLinkJson::of).toList();
    ctx.json(new ListJson<>(links, links.size(), null));
  }

  private void createLinks(Context ctx) {
    SurveyLinksInput in = Requests.body(ctx, json, SurveyLinksInput.class);
    List<SurveyService.Recipient> recipients = new ArrayList<>();
    if (in.recipients() != null) {
      for (SurveyRecipientInput r : in.recipients()) {
        recipients.add(
            r == null
                ? new SurveyService.Recipient("", null)
                : new SurveyService.Recipient(r.label(), r.email()));
      }
    }
    if (in.count() != null) {
      if (in.count() < 1 || in.count() > SurveyService.MAX_LINKS_AT_ONCE) {
        throw io.hatrack.kernel.Invalid.field(
            "count", "must be from 1 to " + SurveyService.MAX_LINKS_AT_ONCE);
      }
      for (int i = 0; i < in.count(); i++) {
        recipients.add(new SurveyService.Recipient("", null));
      }
    }
    SurveyService.NewLinks made = surveys.createLinks(Requests.user(ctx), ref(ctx), recipients);
    List<SurveyNewLinkJson> out = new ArrayList<>();
    for (int i = 0; i < made.links().size(); i++) {
      out.add(
          new SurveyNewLinkJson(
              SurveyLinkJson.of(made.links().get(i)), made.tokens().get(i), made.path(i)));
    }
    ctx.status(201).json(new SurveyNewLinksJson(out));
  }

  private void revokeLink(Context ctx) {
    SurveyLink link =
        surveys.revokeLink(Requests.user(ctx), ref(ctx), Requests.idParam(ctx, "link"));
    ctx.json(SurveyLinkJson.of(link));
  }
}
