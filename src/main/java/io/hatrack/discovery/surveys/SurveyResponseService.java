package io.hatrack.discovery.surveys;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.auth.AttemptStore;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.SecretTokens;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Answering surveys and reading their results. The public address takes responses from anyone (when
 * the survey has an open link) or from the holder of a personal link, which answers once; members
 * may enter responses collected elsewhere through the API. A response is checked as a whole and
 * saved whole, or not at all. An anonymous survey keeps no name, e-mail address or personal link
 * with a response, and its time to the day only. Public submissions are limited per client.
 */
public final class SurveyResponseService {
  /** The longest free-text answer accepted, in characters. */
  public static final int MAX_TEXT = 5_000;

  public static final int MAX_NAME = 200;

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final Database db;
  private final SurveyStore store;
  private final AttemptStore attempts = new AttemptStore(AttemptStore.Ledger.SURVEY);
  private final SurveyService surveys;
  private final Clock clock;
  private final Limit limit;
  private final FreeTextAnswers freeText;

  /** At most {@code submissions} public submissions per client and survey within {@code window}. */
  public record Limit(int submissions, Duration window) {}

  public SurveyResponseService(
      Database db,
      SurveyStore store,
      SurveyService surveys,
      Clock clock,
      Limit limit,
      FreeTextAnswers freeText) {
    this.db = db;
    this.store = store;
    this.surveys = surveys;
    this.clock = clock;
    this.limit = limit;
    this.freeText = freeText;
  }

  /** Tells the listener of each non-blank free-text answer of a response just saved. */
  private void announce(
      Handle h,
      Survey survey,
      long responseId,
      List<Response.Answer> answers,
      String name,
      String email,
      Long enteredBy,
      Instant at) {
    String who = new Response(responseId, survey.id(), "", name, email, at, List.of()).respondent();
    for (Response.Answer a : answers) {
      if (a.text() != null && !a.text().isBlank()) {
        Question q = survey.question(a.questionId()).orElseThrow();
        freeText.received(
            h, new FreeTextAnswers.Answer(survey, q, responseId, a.text(), who, enteredBy, at));
      }
    }
  }

  /** Whether the public form can be answered, and if not, why not. */
  public enum State {
    OPEN,
    NOT_OPEN,
    CLOSED,
    LINK_USED,
    INVITATION_ONLY
  }

  /**
   * What the public page shows: the survey, whether it can be answered now, and whether to ask for
   * a name (an open link on a survey that is not anonymous).
   */
  public record PublicView(Survey survey, State state, boolean asksWho, String productName) {}

  /** A response received, for the thank-you page. */
  public record Receipt(long responseId, String surveyTitle) {}

  // ---- The public form --------------------------------------------------------------------------

  /** The survey at a public address for the holder of {@code token} (null: the open link). */
  public PublicView publicView(String productSlug, String code, String token) {
    return db.read(
        h -> {
          Survey survey = publicSurvey(h, productSlug, code);
          SurveyStore.Token link = token(h, survey, token);
          State state = state(survey, link);
          if (state == State.NOT_OPEN) {
            // A draft is not public yet: its address answers as if it did not exist.
            throw new NotFound("survey");
          }
          return new PublicView(
              survey, state, link == null && !survey.anonymous(), productName(h, survey));
        });
  }

  private String productName(Handle h, Survey survey) {
    return store.productName(h, survey.item().productId());
  }

  private Survey publicSurvey(Handle h, String productSlug, String code) {
    long id = store.publicSurvey(h, productSlug, code).orElseThrow(() -> new NotFound("survey"));
    return store.byId(h, id).orElseThrow();
  }

  /** The personal link of {@code token}; null without one; not found for a wrong or revoked one. */
  private SurveyStore.Token token(Handle h, Survey survey, String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    SurveyStore.Token link =
        store
            .token(h, survey.id(), SecretTokens.hash(token.trim()))
            .orElseThrow(() -> new NotFound("survey link"));
    if (link.revokedAt() != null) {
      throw new NotFound("survey link");
    }
    return link;
  }

  private static State state(Survey survey, SurveyStore.Token link) {
    if (survey.status() == SurveyStatus.DRAFT) {
      return State.NOT_OPEN;
    }
    if (survey.status() == SurveyStatus.CLOSED) {
      return State.CLOSED;
    }
    if (link != null && link.usedAt() != null) {
      return State.LINK_USED;
    }
    if (link == null && !survey.openLink()) {
      return State.INVITATION_ONLY;
    }
    return State.OPEN;
  }

  /**
   * Saves a response given at the public address, by the holder of {@code token} (null: the open
   * link), from {@code client} (for the rate limit only; never stored).
   */
  public Receipt respond(
      String productSlug, String code, String token, String client, ResponseInput input) {
    throttle(productSlug, code, client);
    return db.tx(
        h -> {
          Survey survey = publicSurvey(h, productSlug, code);
          SurveyStore.Token link = token(h, survey, token);
          switch (state(survey, link)) {
            case NOT_OPEN -> throw new NotFound("survey");
            case CLOSED -> throw closed(survey);
            case LINK_USED -> throw used();
            case INVITATION_ONLY ->
                throw new Forbidden(
                    "This survey is answered by invitation: use the personal link you were sent.");
            default -> {
              // Open: go on.
            }
          }
          List<Response.Answer> answers = check(survey, input, link == null);
          Instant now = clock.instant();
          Instant kept = survey.anonymous() ? SurveyService.anonymousTime(now) : now;
          if (link != null && !store.useToken(h, link.id(), kept)) {
            throw used();
          }
          String name = null;
          String email = null;
          if (!survey.anonymous()) {
            name = link == null ? blankToNull(input.name()) : blankToNull(link.label());
            email = link == null ? blankToNull(input.email()) : link.email();
          }
          long id =
              store.insertResponse(
                  h,
                  new SurveyStore.NewResponse(
                      survey.id(),
                      link == null ? "link" : "token",
                      link == null || survey.anonymous() ? null : link.id(),
                      name,
                      email,
                      null,
                      kept));
          store.insertAnswers(h, id, answers);
          announce(h, survey, id, answers, name, email, null, kept);
          return new Receipt(id, survey.title());
        });
  }

  private static Conflict closed(Survey survey) {
    return Conflict.state(
        "The survey \u201c" + survey.title() + "\u201d is closed and takes no more answers.");
  }

  private static Conflict used() {
    return Conflict.state(
        "This personal link has already been used to answer the survey; each link takes one"
            + " response.");
  }

  /** Counts one public submission and refuses it when the client has sent too many lately. */
  private void throttle(String productSlug, String code, String client) {
    db.txVoid(
        h -> {
          Instant now = clock.instant();
          Instant since = now.minus(limit.window());
          String subject =
              SecretTokens.hash(
                  "survey:" + productSlug + "/" + code + ":" + (client == null ? "" : client));
          attempts.deleteBefore(h, since);
          attempts.refuseIfOver(
              h,
              subject,
              limit.submissions(),
              limit.window(),
              now,
              minutes ->
                  "Too many answers from your address in a short time. Try again in "
                      + AttemptStore.minutes(minutes)
                      + ".");
          attempts.record(h, subject, now);
        });
  }

  // ---- Responses entered by members -------------------------------------------------------------

  /** Records a response collected elsewhere (an interview, a paper form), by an editor. */
  public Response enter(User actor, String ref, ResponseInput input) {
    return db.tx(
        h -> {
          SurveyService.View view = surveys.view(h, actor, ref);
          view.access().require(Role.EDITOR, "enter survey responses");
          Survey survey = view.survey();
          if (survey.status() == SurveyStatus.CLOSED) {
            throw closed(survey);
          }
          List<Response.Answer> answers = check(survey, input, true);
          Instant now = clock.instant();
          boolean anonymous = survey.anonymous();
          long id =
              store.insertResponse(
                  h,
                  new SurveyStore.NewResponse(
                      survey.id(),
                      "entered",
                      null,
                      anonymous ? null : blankToNull(input.name()),
                      anonymous ? null : blankToNull(input.email()),
                      actor.id(),
                      anonymous ? SurveyService.anonymousTime(now) : now));
          store.insertAnswers(h, id, answers);
          announce(
              h,
              survey,
              id,
              answers,
              anonymous ? null : blankToNull(input.name()),
              anonymous ? null : blankToNull(input.email()),
              actor.id(),
              anonymous ? SurveyService.anonymousTime(now) : now);
          return store.responses(h, survey.id(), id - 1, 1).get(0);
        });
  }

  // ---- Reading ----------------------------------------------------------------------------------

  /** The responses of a survey, oldest first, for members. */
  public Slice<Response> responses(User actor, String ref, String cursor, int max) {
    long after = cursor == null || cursor.isBlank() ? 0 : Cursor.decode(cursor.trim(), 1)[0];
    return db.read(
        h -> {
          Survey survey = surveys.view(h, actor, ref).survey();
          List<Response> rows = store.responses(h, survey.id(), after, max + 1);
          boolean more = rows.size() > max;
          List<Response> shown = more ? rows.subList(0, max) : rows;
          String next = more ? Cursor.encode(shown.get(shown.size() - 1).id()) : null;
          return new Slice<>(shown, survey.responses(), next);
        });
  }

  /** The results of a survey, computed from all of its responses, for members. */
  public SurveyResults results(User actor, String ref) {
    return db.read(
        h -> {
          Survey survey = surveys.view(h, actor, ref).survey();
          return SurveyResults.of(survey, store.responses(h, survey.id(), 0, 0));
        });
  }

  // ---- Rules ------------------------------------------------------------------------------------

  /**
   * Checks a whole response against the survey's questions: every answer to a question of this
   * survey, at most once, within its scale or among its choices, every required question answered.
   * Returns the answers to save; an {@code Invalid} naming every broken rule otherwise.
   */
  private static List<Response.Answer> check(Survey survey, ResponseInput input, boolean asksWho) {
    Validation v = new Validation();
    if (survey.anonymous()) {
      v.check(
          "name",
          blankToNull(input.name()) == null,
          "cannot be kept: this survey is anonymous and keeps no names");
      v.check(
          "email",
          blankToNull(input.email()) == null,
          "cannot be kept: this survey is anonymous and keeps no e-mail addresses");
    } else if (asksWho) {
      v.optionalText("name", input.name(), MAX_NAME);
      String email = blankToNull(input.email());
      v.check(
          "email", email == null || EMAIL.matcher(email).matches(), "must be an e-mail address");
    }
    Set<Long> seen = new HashSet<>();
    Set<Long> given = new HashSet<>();
    List<Response.Answer> out = new ArrayList<>();
    for (AnswerInput a : input.answers()) {
      String field = "answers." + a.question();
      if (survey.question(a.question()).isEmpty()) {
        v.check(field, false, "is not a question of this survey");
        continue;
      }
      if (!seen.add(a.question())) {
        v.check(field, false, "is answered twice; answer each question once");
        continue;
      }
      if (a.blank()) {
        continue;
      }
      given.add(a.question());
      Response.Answer checked = answer(survey.question(a.question()).orElseThrow(), a, field, v);
      if (checked != null) {
        out.add(checked);
      }
    }
    for (Question q : survey.questions()) {
      // An answer given but refused has its own message; "required" is for questions left blank.
      if (q.required() && !given.contains(q.id())) {
        v.check("answers." + q.id(), false, "is required");
      }
    }
    v.check("answers", !out.isEmpty() || survey.questions().isEmpty(), "must answer something");
    v.orThrow();
    // Saved in question order, whatever order they came in.
    Map<Long, Integer> order = new java.util.HashMap<>();
    for (int i = 0; i < survey.questions().size(); i++) {
      order.put(survey.questions().get(i).id(), i);
    }
    out.sort(java.util.Comparator.comparing(a -> order.get(a.questionId())));
    return out;
  }

  private static Response.Answer answer(Question q, AnswerInput a, String field, Validation v) {
    QuestionType t = q.type();
    boolean onlyValue = a.choices().isEmpty() && a.text() == null && a.functional() == null;
    if (t.scaled()) {
      v.check(field, onlyValue && a.dysfunctional() == null, "takes one number");
      if (a.value() == null) {
        v.check(field, false, "needs a number from " + q.low() + " to " + q.high());
        return null;
      }
      v.check(
          field,
          a.value() >= q.low() && a.value() <= q.high(),
          "must be from " + q.low() + " to " + q.high() + ", not " + a.value());
      return new Response.Answer(q.id(), a.value(), null, List.of(), null);
    }
    if (t.choice()) {
      v.check(field, a.value() == null && a.text() == null, "takes choices by their text");
      List<Integer> chosen = new ArrayList<>();
      for (String c : a.choices()) {
        int index = indexOf(q.options(), c);
        if (index < 0) {
          v.check(field, false, "\u201c" + c + "\u201d is not one of the choices");
        } else if (chosen.contains(index)) {
          v.check(field, false, "\u201c" + c + "\u201d is chosen twice");
        } else {
          chosen.add(index);
        }
      }
      v.check(field, t != QuestionType.SINGLE || a.choices().size() <= 1, "takes one choice only");
      java.util.Collections.sort(chosen);
      return new Response.Answer(q.id(), null, null, chosen, null);
    }
    if (t == QuestionType.KANO) {
      Kano.Answer functional = Kano.Answer.parse(a.functional()).orElse(null);
      Kano.Answer dysfunctional = Kano.Answer.parse(a.dysfunctional()).orElse(null);
      String allowed = "like, expect, neutral, live_with or dislike";
      v.check(field + ".functional", functional != null, "must be " + allowed);
      v.check(field + ".dysfunctional", dysfunctional != null, "must be " + allowed);
      if (functional == null || dysfunctional == null) {
        return null;
      }
      return new Response.Answer(
          q.id(), functional.number(), dysfunctional.number(), List.of(), null);
    }
    String text = a.text() == null ? "" : a.text().strip();
    v.check(field, a.value() == null && a.choices().isEmpty(), "takes text")
        .optionalText(field, text, MAX_TEXT);
    return new Response.Answer(q.id(), null, null, List.of(), text);
  }

  private static int indexOf(List<String> options, String choice) {
    String clean = choice == null ? "" : choice.strip();
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).equalsIgnoreCase(clean)) {
        return i;
      }
    }
    return -1;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
