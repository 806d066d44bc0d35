package io.hatrack.discovery.surveys;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.EntityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * SQL for surveys: the survey row, its ordered questions, personal links, responses with their
 * answers, and the counter of public submissions. The title, key and version live in the shared
 * entity row.
 */
public final class SurveyStore {
  /** The kind of a survey in the entity table. */
  public static final String KIND = "survey";

  /** The columns of a survey's own row. */
  public record Row(String description, SurveyStatus status, boolean anonymous, boolean openLink) {}

  /** A personal link as the answering path needs it. */
  public record Token(long id, String label, String email, Instant usedAt, Instant revokedAt) {}

  // ---- Surveys ----------------------------------------------------------------------------------

  public void insert(Handle h, long id, long productId, String publicCode, Row row) {
    h.createUpdate(
            "INSERT INTO survey (id, product_id, public_code, description, status, anonymous,"
                + " open_link) VALUES (:id, :product, :code, :description, :status, :anonymous,"
                + " :openLink)")
        .bind("id", id)
        .bind("product", productId)
        .bind("code", publicCode)
        .bind("description", row.description())
        .bind("status", row.status().id())
        .bind("anonymous", row.anonymous())
        .bind("openLink", row.openLink())
        .execute();
  }

  public void update(Handle h, long id, Row row) {
    h.createUpdate(
            "UPDATE survey SET description = :description, status = :status,"
                + " anonymous = :anonymous, open_link = :openLink WHERE id = :id")
        .bind("id", id)
        .bind("description", row.description())
        .bind("status", row.status().id())
        .bind("anonymous", row.anonymous())
        .bind("openLink", row.openLink())
        .execute();
  }

  /** Replaces the questions of a survey with {@code questions}, in their order (ids are new). */
  public void replaceQuestions(Handle h, long surveyId, List<Question> questions) {
    h.createUpdate("DELETE FROM survey_question WHERE survey_id = :id")
        .bind("id", surveyId)
        .execute();
    if (questions.isEmpty()) {
      return;
    }
    var batch =
        h.prepareBatch(
            "INSERT INTO survey_question (survey_id, position, type, prompt, required, options,"
                + " scale, feature, dysfunctional_prompt) VALUES (:survey, :position, :type,"
                + " :prompt, :required, :options, :scale, :feature, :dysfunctional)");
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      batch
          .bind("survey", surveyId)
          .bind("position", i)
          .bind("type", q.type().id())
          .bind("prompt", q.prompt())
          .bind("required", q.required())
          .bind("options", String.join("\n", q.options()))
          .bind("scale", q.type() == QuestionType.RATING ? Integer.valueOf(q.scale()) : null)
          .bind("feature", q.feature())
          .bind("dysfunctional", q.dysfunctionalPrompt())
          .add();
    }
    batch.execute();
  }

  /** The questions of a survey, in order. */
  public List<Question> questions(Handle h, long surveyId) {
    return h.createQuery(
            "SELECT id, type, prompt, required, options, scale, feature, dysfunctional_prompt"
                + " FROM survey_question WHERE survey_id = :id ORDER BY position")
        .bind("id", surveyId)
        .map((rs, ctx) -> question(rs))
        .list();
  }

  private static Question question(ResultSet rs) throws SQLException {
    QuestionType type = QuestionType.parse(rs.getString("type")).orElseThrow();
    String options = rs.getString("options");
    Long scale = Rows.longOrNull(rs, "scale");
    return new Question(
        rs.getLong("id"),
        type,
        rs.getString("prompt"),
        rs.getBoolean("required"),
        options == null || options.isEmpty() ? List.of() : Arrays.asList(options.split("\n", -1)),
        scale == null ? 0 : scale.intValue(),
        rs.getString("feature"),
        rs.getString("dysfunctional_prompt"));
  }

  private static final String SURVEY_COLUMNS =
      EntityStore.ITEM_COLUMNS
          + ", p.slug AS product_slug, s.public_code, s.description, s.status AS s_status,"
          + " s.anonymous, s.open_link,"
          + " (SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = s.id) AS responses";

  private static final String SURVEY_FROM = EntityStore.ITEM_FROM + " JOIN survey s ON s.id = e.id";

  /** The survey with this id (live or deleted), with its questions. */
  public Optional<Survey> byId(Handle h, long id) {
    return h.createQuery("SELECT " + SURVEY_COLUMNS + " FROM " + SURVEY_FROM + " WHERE e.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> survey(rs, List.of()))
        .findOne()
        .map(
            s ->
                new Survey(
                    s.item(),
                    s.productSlug(),
                    s.description(),
                    s.status(),
                    s.anonymous(),
                    s.openLink(),
                    s.publicCode(),
                    questions(h, id),
                    s.responses()));
  }

  private static Survey survey(ResultSet rs, List<Question> questions) throws SQLException {
    return new Survey(
        EntityStore.map(rs),
        rs.getString("product_slug"),
        rs.getString("description"),
        SurveyStatus.parse("status", rs.getString("s_status")),
        rs.getBoolean("anonymous"),
        rs.getBoolean("open_link"),
        rs.getString("public_code"),
        questions,
        rs.getLong("responses"));
  }

  /**
   * The live survey at the public address {@code /p/{productSlug}/s/{code}}, if there is one; a
   * survey of another product is not found.
   */
  public Optional<Long> publicSurvey(Handle h, String productSlug, String code) {
    return h.createQuery(
            "SELECT s.id FROM survey s JOIN entity e ON e.id = s.id"
                + " JOIN product p ON p.id = s.product_id"
                + " WHERE s.public_code = :code AND p.slug = :slug AND e.deleted_at IS NULL")
        .bind("code", code)
        .bind("slug", productSlug)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * Live surveys of a product, newest first, strictly before {@code beforeId} (0: from the top).
   */
  public List<SurveySummary> list(Handle h, long productId, long beforeId, int limit) {
    return h.createQuery(
            "SELECT "
                + SURVEY_COLUMNS
                + ", (SELECT COUNT(*) FROM survey_question q WHERE q.survey_id = s.id)"
                + " AS question_count FROM "
                + SURVEY_FROM
                + " WHERE s.product_id = :product AND e.deleted_at IS NULL"
                + (beforeId > 0 ? " AND e.id < :before" : "")
                + " ORDER BY e.id DESC LIMIT :limit")
        .bind("product", productId)
        .bind("before", beforeId)
        .bind("limit", limit)
        .map(
            (rs, ctx) -> {
              Survey s = survey(rs, List.of());
              return new SurveySummary(
                  s.item(),
                  s.status(),
                  s.anonymous(),
                  s.openLink(),
                  rs.getInt("question_count"),
                  s.responses());
            })
        .list();
  }

  /** The name of a product, for the public page's heading. */
  public String productName(Handle h, long productId) {
    return h.createQuery("SELECT name FROM product WHERE id = :id")
        .bind("id", productId)
        .mapTo(String.class)
        .one();
  }

  // ---- Personal links ---------------------------------------------------------------------------

  public long insertToken(
      Handle h,
      long surveyId,
      String tokenHash,
      String label,
      String email,
      long actorId,
      Instant now) {
    return h.createQuery(
            "INSERT INTO survey_token (survey_id, token_hash, label, email, created_by, created_at)"
                + " VALUES (:survey, :hash, :label, :email, :actor, :now) RETURNING id")
        .bind("survey", surveyId)
        .bind("hash", tokenHash)
        .bind("label", label)
        .bind("email", email)
        .bind("actor", actorId)
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  private static final String LINK_COLUMNS =
      "t.id, t.survey_id, t.label, t.email, u.name AS created_by_name, t.created_at, t.used_at,"
          + " t.revoked_at";

  /** The personal links of a survey, newest first. */
  public List<SurveyLink> links(Handle h, long surveyId) {
    return h.createQuery(
            "SELECT "
                + LINK_COLUMNS
                + " FROM survey_token t JOIN app_user u ON u.id = t.created_by"
                + " WHERE t.survey_id = :survey ORDER BY t.id DESC")
        .bind("survey", surveyId)
        .map((rs, ctx) -> link(rs))
        .list();
  }

  public Optional<SurveyLink> link(Handle h, long id) {
    return h.createQuery(
            "SELECT "
                + LINK_COLUMNS
                + " FROM survey_token t JOIN app_user u ON u.id = t.created_by WHERE t.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> link(rs))
        .findOne();
  }

  private static SurveyLink link(ResultSet rs) throws SQLException {
    return new SurveyLink(
        rs.getLong("id"),
        rs.getLong("survey_id"),
        rs.getString("label"),
        rs.getString("email"),
        rs.getString("created_by_name"),
        Rows.instant(rs, "created_at"),
        Rows.instantOrNull(rs, "used_at"),
        Rows.instantOrNull(rs, "revoked_at"));
  }

  /** The personal link of this survey with this token hash. */
  public Optional<Token> token(Handle h, long surveyId, String tokenHash) {
    return h.createQuery(
            "SELECT id, label, email, used_at, revoked_at FROM survey_token"
                + " WHERE survey_id = :survey AND token_hash = :hash")
        .bind("survey", surveyId)
        .bind("hash", tokenHash)
        .map(
            (rs, ctx) ->
                new Token(
                    rs.getLong("id"),
                    rs.getString("label"),
                    rs.getString("email"),
                    Rows.instantOrNull(rs, "used_at"),
                    Rows.instantOrNull(rs, "revoked_at")))
        .findOne();
  }

  /**
   * Marks a personal link used, if it was not yet: false when another response used it first (the
   * row lock makes a concurrent second use wait for the first and then find it used).
   */
  public boolean useToken(Handle h, long id, Instant at) {
    return h.createUpdate(
                "UPDATE survey_token SET used_at = :at WHERE id = :id AND used_at IS NULL"
                    + " AND revoked_at IS NULL")
            .bind("id", id)
            .bind("at", Rows.millis(at))
            .execute()
        == 1;
  }

  /** Revokes a personal link; false when it was revoked already. */
  public boolean revokeToken(Handle h, long id, Instant at) {
    return h.createUpdate(
                "UPDATE survey_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
            .bind("id", id)
            .bind("at", Rows.millis(at))
            .execute()
        == 1;
  }

  // ---- Responses --------------------------------------------------------------------------------

  /** A response's own row, before its answers. */
  public record NewResponse(
      long surveyId,
      String channel,
      Long tokenId,
      String name,
      String email,
      Long enteredBy,
      Instant submittedAt) {}

  public long insertResponse(Handle h, NewResponse r) {
    return h.createQuery(
            "INSERT INTO survey_response (survey_id, channel, token_id, respondent_name,"
                + " respondent_email, entered_by, submitted_at) VALUES (:survey, :channel, :token,"
                + " :name, :email, :enteredBy, :at) RETURNING id")
        .bind("survey", r.surveyId())
        .bind("channel", r.channel())
        .bind("token", r.tokenId())
        .bind("name", r.name())
        .bind("email", r.email())
        .bind("enteredBy", r.enteredBy())
        .bind("at", Rows.millis(r.submittedAt()))
        .mapTo(Long.class)
        .one();
  }

  public void insertAnswers(Handle h, long responseId, List<Response.Answer> answers) {
    if (answers.isEmpty()) {
      return;
    }
    var batch =
        h.prepareBatch(
            "INSERT INTO survey_answer (response_id, question_id, number, dysfunctional, choices,"
                + " answer_text) VALUES (:response, :question, :number, :dysfunctional, :choices,"
                + " :text)");
    for (Response.Answer a : answers) {
      batch
          .bind("response", responseId)
          .bind("question", a.questionId())
          .bind("number", a.number())
          .bind("dysfunctional", a.dysfunctional())
          .bind(
              "choices",
              a.choices().isEmpty()
                  ? null
                  : a.choices().stream().map(String::valueOf).collect(Collectors.joining(",")))
          .bind("text", a.text())
          .add();
    }
    batch.execute();
  }

  /**
   * Responses of a survey with their answers, oldest first, strictly after {@code afterId} (0: from
   * the first); {@code limit} 0 means all.
   */
  public List<Response> responses(Handle h, long surveyId, long afterId, int limit) {
    List<Response> shells =
        h.createQuery(
                "SELECT id, survey_id, channel, respondent_name, respondent_email, submitted_at"
                    + " FROM survey_response WHERE survey_id = :survey AND id > :after"
                    + " ORDER BY id"
                    + (limit > 0 ? " LIMIT :limit" : ""))
            .bind("survey", surveyId)
            .bind("after", afterId)
            .bind("limit", limit)
            .map(
                (rs, ctx) ->
                    new Response(
                        rs.getLong("id"),
                        rs.getLong("survey_id"),
                        rs.getString("channel"),
                        rs.getString("respondent_name"),
                        rs.getString("respondent_email"),
                        Rows.instant(rs, "submitted_at"),
                        List.of()))
            .list();
    if (shells.isEmpty()) {
      return shells;
    }
    long first = shells.get(0).id();
    long last = shells.get(shells.size() - 1).id();
    Map<Long, List<Response.Answer>> answers = new LinkedHashMap<>();
    h.createQuery(
            "SELECT a.response_id, a.question_id, a.number, a.dysfunctional, a.choices,"
                + " a.answer_text FROM survey_answer a JOIN survey_response r"
                + " ON r.id = a.response_id JOIN survey_question q ON q.id = a.question_id"
                + " WHERE r.survey_id = :survey AND r.id BETWEEN :first AND :last"
                + " ORDER BY a.response_id, q.position")
        .bind("survey", surveyId)
        .bind("first", first)
        .bind("last", last)
        .map((rs, ctx) -> Map.entry(rs.getLong("response_id"), answer(rs)))
        .forEach(
            e -> answers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<Response> out = new ArrayList<>();
    for (Response r : shells) {
      out.add(
          new Response(
              r.id(),
              r.surveyId(),
              r.channel(),
              r.name(),
              r.email(),
              r.submittedAt(),
              answers.getOrDefault(r.id(), List.of())));
    }
    return out;
  }

  private static Response.Answer answer(ResultSet rs) throws SQLException {
    Long number = Rows.longOrNull(rs, "number");
    Long dysfunctional = Rows.longOrNull(rs, "dysfunctional");
    String choices = rs.getString("choices");
    List<Integer> chosen = new ArrayList<>();
    if (choices != null && !choices.isEmpty()) {
      for (String c : choices.split(",")) {
        chosen.add(Integer.parseInt(c));
      }
    }
    return new Response.Answer(
        rs.getLong("question_id"),
        number == null ? null : number.intValue(),
        dysfunctional == null ? null : dysfunctional.intValue(),
        chosen,
        rs.getString("answer_text"));
  }

  public long countResponses(Handle h, long surveyId) {
    return h.createQuery("SELECT COUNT(*) FROM survey_response WHERE survey_id = :survey")
        .bind("survey", surveyId)
        .mapTo(Long.class)
        .one();
  }
}
