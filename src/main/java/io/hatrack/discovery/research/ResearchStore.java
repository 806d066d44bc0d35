package io.hatrack.discovery.research;

import io.hatrack.kernel.db.Rows;
import io.hatrack.kernel.work.EntityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for studies, their participants, sessions and transcript segments. A study's title, key and
 * version live in its entity row. Participants may name a customer of the workspace and one of its
 * contacts, read here with their names.
 */
public final class ResearchStore {
  /** The kind of a study in the entity table. */
  public static final String KIND = "study";

  private static final String STUDY_COLUMNS =
      EntityStore.ITEM_COLUMNS + ", x.goals, x.status, x.starts_on, x.ends_on";
  private static final String STUDY_FROM =
      EntityStore.ITEM_FROM + " JOIN research_study x ON x.id = e.id";

  private static final String PARTICIPANT =
      "SELECT rp.id, rp.study_id, rp.name, rp.customer_id, ce.title AS customer_name,"
          + " rp.contact_id, cc.name AS contact_name, rp.role, rp.notes, rp.version"
          + " FROM research_participant rp"
          + " LEFT JOIN entity ce ON ce.id = rp.customer_id AND ce.deleted_at IS NULL"
          + " LEFT JOIN customer_contact cc ON cc.id = rp.contact_id";

  private static final String SESSION =
      "SELECT s.id, s.study_id, s.held_on, s.interviewer_id, u.name AS interviewer_name, s.notes,"
          + " s.transcript_format, s.transcript_name, s.version, s.created_at, s.updated_at,"
          + " (SELECT COUNT(*) FROM research_segment g WHERE g.session_id = s.id) AS segments"
          + " FROM research_session s LEFT JOIN app_user u ON u.id = s.interviewer_id";

  // ---- Studies ----------------------------------------------------------------------------------

  public void insertStudy(Handle h, long id, long productId, Checked.StudyFields f) {
    h.createUpdate(
            "INSERT INTO research_study (id, product_id, goals, status, starts_on, ends_on)"
                + " VALUES (:id, :product, :goals, :status, :starts, :ends)")
        .bind("id", id)
        .bind("product", productId)
        .bind("goals", f.goals())
        .bind("status", f.status().id())
        .bind("starts", f.startsOn() == null ? null : f.startsOn().toString())
        .bind("ends", f.endsOn() == null ? null : f.endsOn().toString())
        .execute();
  }

  public void updateStudy(Handle h, long id, Checked.StudyFields f) {
    h.createUpdate(
            "UPDATE research_study SET goals = :goals, status = :status, starts_on = :starts,"
                + " ends_on = :ends WHERE id = :id")
        .bind("id", id)
        .bind("goals", f.goals())
        .bind("status", f.status().id())
        .bind("starts", f.startsOn() == null ? null : f.startsOn().toString())
        .bind("ends", f.endsOn() == null ? null : f.endsOn().toString())
        .execute();
  }

  public Optional<Study> study(Handle h, long id) {
    return h.createQuery("SELECT " + STUDY_COLUMNS + " FROM " + STUDY_FROM + " WHERE e.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> mapStudy(rs))
        .findOne();
  }

  /** A page of a product's live studies with their counts: running first, then planned, done. */
  public List<StudySummary> studies(Handle h, long productId, long offset, int limit) {
    return h.createQuery(
            "SELECT "
                + STUDY_COLUMNS
                + ", (SELECT COUNT(*) FROM research_participant rp WHERE rp.study_id = e.id) AS np,"
                + " (SELECT COUNT(*) FROM research_session rs WHERE rs.study_id = e.id) AS ns,"
                + " (SELECT COUNT(*) FROM research_insight ri JOIN entity ie ON ie.id = ri.id"
                + "  WHERE ri.study_id = e.id AND ie.deleted_at IS NULL) AS ni"
                + " FROM "
                + STUDY_FROM
                + " WHERE x.product_id = :product AND e.deleted_at IS NULL"
                + " ORDER BY CASE x.status WHEN 'running' THEN 0 WHEN 'planned' THEN 1 ELSE 2 END,"
                + " e.updated_at DESC, e.id DESC LIMIT :limit OFFSET :offset")
        .bind("product", productId)
        .bind("limit", limit)
        .bind("offset", offset)
        .map(
            (rs, ctx) ->
                new StudySummary(
                    mapStudy(rs), rs.getLong("np"), rs.getLong("ns"), rs.getLong("ni")))
        .list();
  }

  private static Study mapStudy(ResultSet rs) throws SQLException {
    return new Study(
        EntityStore.map(rs),
        rs.getString("goals"),
        StudyStatus.parse("status", rs.getString("status")),
        date(rs.getString("starts_on")),
        date(rs.getString("ends_on")));
  }

  private static LocalDate date(String text) {
    return text == null ? null : LocalDate.parse(text);
  }

  // ---- Customers and members a study may refer to -----------------------------------------------

  /** Whether {@code customerId} is a live customer of the workspace. */
  public boolean isCustomer(Handle h, long workspaceId, long customerId) {
    return h.createQuery(
                "SELECT COUNT(*) FROM customer c JOIN entity e ON e.id = c.id"
                    + " WHERE c.id = :id AND c.workspace_id = :ws AND e.deleted_at IS NULL")
            .bind("id", customerId)
            .bind("ws", workspaceId)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** The name of a contact of the customer, if it is one. */
  public Optional<String> contactName(Handle h, long customerId, long contactId) {
    return h.createQuery(
            "SELECT name FROM customer_contact WHERE id = :id AND customer_id = :customer")
        .bind("id", contactId)
        .bind("customer", customerId)
        .mapTo(String.class)
        .findOne();
  }

  /**
   * Customers of the workspace with each of their contacts (or none), for choosing a participant.
   */
  public List<CustomerChoice> customerChoices(Handle h, long workspaceId, int limit) {
    return h.createQuery(
            "SELECT c.id AS customer_id, e.title AS customer_name, cc.id AS contact_id,"
                + " cc.name AS contact_name, cc.role AS contact_role"
                + " FROM customer c JOIN entity e ON e.id = c.id"
                + " LEFT JOIN customer_contact cc ON cc.customer_id = c.id"
                + " WHERE c.workspace_id = :ws AND e.deleted_at IS NULL"
                + " ORDER BY e.search_title, e.id, cc.name, cc.id LIMIT :limit")
        .bind("ws", workspaceId)
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new CustomerChoice(
                    rs.getLong("customer_id"),
                    rs.getString("customer_name"),
                    Rows.longOrNull(rs, "contact_id"),
                    rs.getString("contact_name"),
                    rs.getString("contact_role")))
        .list();
  }

  /** Whether the user is a member of the workspace. */
  public boolean isMember(Handle h, long workspaceId, long userId) {
    return h.createQuery(
                "SELECT COUNT(*) FROM membership WHERE workspace_id = :ws AND user_id = :user")
            .bind("ws", workspaceId)
            .bind("user", userId)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  // ---- Participants -----------------------------------------------------------------------------

  public long insertParticipant(Handle h, long studyId, Checked.ParticipantFields p, Instant now) {
    return h.createQuery(
            "INSERT INTO research_participant"
                + " (study_id, name, customer_id, contact_id, role, notes, created_at)"
                + " VALUES (:study, :name, :customer, :contact, :role, :notes, :now) RETURNING id")
        .bind("study", studyId)
        .bind("name", p.name())
        .bind("customer", p.customerId())
        .bind("contact", p.contactId())
        .bind("role", p.role())
        .bind("notes", p.notes())
        .bind("now", Rows.millis(now))
        .mapTo(Long.class)
        .one();
  }

  /** Changes a participant if it is at {@code version}; false when it was not. */
  public boolean updateParticipant(Handle h, long id, long version, Checked.ParticipantFields p) {
    return h.createUpdate(
                "UPDATE research_participant SET name = :name, customer_id = :customer,"
                    + " contact_id = :contact, role = :role, notes = :notes, version = version + 1"
                    + " WHERE id = :id AND version = :version")
            .bind("id", id)
            .bind("version", version)
            .bind("name", p.name())
            .bind("customer", p.customerId())
            .bind("contact", p.contactId())
            .bind("role", p.role())
            .bind("notes", p.notes())
            .execute()
        == 1;
  }

  public boolean deleteParticipant(Handle h, long id, long version) {
    return h.createUpdate("DELETE FROM research_participant WHERE id = :id AND version = :version")
            .bind("id", id)
            .bind("version", version)
            .execute()
        == 1;
  }

  public Optional<Participant> participant(Handle h, long studyId, long id) {
    return h.createQuery(PARTICIPANT + " WHERE rp.id = :id AND rp.study_id = :study")
        .bind("id", id)
        .bind("study", studyId)
        .map((rs, ctx) -> mapParticipant(rs))
        .findOne();
  }

  public List<Participant> participants(Handle h, long studyId) {
    return h.createQuery(PARTICIPANT + " WHERE rp.study_id = :study ORDER BY rp.name, rp.id")
        .bind("study", studyId)
        .map((rs, ctx) -> mapParticipant(rs))
        .list();
  }

  private static Participant mapParticipant(ResultSet rs) throws SQLException {
    Long customer = Rows.longOrNull(rs, "customer_id");
    Long contact = Rows.longOrNull(rs, "contact_id");
    return new Participant(
        rs.getLong("id"),
        rs.getLong("study_id"),
        rs.getString("name"),
        customer,
        customer == null ? null : rs.getString("customer_name"),
        contact,
        contact == null ? null : rs.getString("contact_name"),
        rs.getString("role"),
        rs.getString("notes"),
        rs.getLong("version"));
  }

  // ---- Sessions ---------------------------------------------------------------------------------

  public long insertSession(Handle h, long studyId, Checked.SessionFields s, Instant now) {
    long id =
        h.createQuery(
                "INSERT INTO research_session"
                    + " (study_id, held_on, interviewer_id, notes, created_at, updated_at)"
                    + " VALUES (:study, :held, :interviewer, :notes, :now, :now) RETURNING id")
            .bind("study", studyId)
            .bind("held", s.heldOn().toString())
            .bind("interviewer", s.interviewerId())
            .bind("notes", s.notes())
            .bind("now", Rows.millis(now))
            .mapTo(Long.class)
            .one();
    setSessionParticipants(h, id, s.participantIds());
    return id;
  }

  /** Changes a session if it is at {@code version}; false when it was not. */
  public boolean updateSession(
      Handle h, long id, long version, Checked.SessionFields s, Instant now) {
    boolean changed =
        h.createUpdate(
                    "UPDATE research_session SET held_on = :held, interviewer_id = :interviewer,"
                        + " notes = :notes, updated_at = :now, version = version + 1"
                        + " WHERE id = :id AND version = :version")
                .bind("id", id)
                .bind("version", version)
                .bind("held", s.heldOn().toString())
                .bind("interviewer", s.interviewerId())
                .bind("notes", s.notes())
                .bind("now", Rows.millis(now))
                .execute()
            == 1;
    if (changed) {
      setSessionParticipants(h, id, s.participantIds());
    }
    return changed;
  }

  private void setSessionParticipants(Handle h, long sessionId, List<Long> participantIds) {
    h.createUpdate("DELETE FROM research_session_participant WHERE session_id = :s")
        .bind("s", sessionId)
        .execute();
    for (long p : participantIds) {
      h.createUpdate(
              "INSERT INTO research_session_participant (session_id, participant_id)"
                  + " VALUES (:s, :p)")
          .bind("s", sessionId)
          .bind("p", p)
          .execute();
    }
  }

  public boolean deleteSession(Handle h, long id, long version) {
    return h.createUpdate("DELETE FROM research_session WHERE id = :id AND version = :version")
            .bind("id", id)
            .bind("version", version)
            .execute()
        == 1;
  }

  public Optional<Session> session(Handle h, long studyId, long id) {
    Optional<Session> found =
        h.createQuery(SESSION + " WHERE s.id = :id AND s.study_id = :study")
            .bind("id", id)
            .bind("study", studyId)
            .map((rs, ctx) -> mapSession(rs))
            .findOne();
    return found.map(
        s -> s.with(sessionParticipants(h, List.of(s.id())).getOrDefault(s.id(), List.of())));
  }

  /** The study a session belongs to. */
  public Optional<Long> sessionStudy(Handle h, long sessionId) {
    return h.createQuery("SELECT study_id FROM research_session WHERE id = :id")
        .bind("id", sessionId)
        .mapTo(Long.class)
        .findOne();
  }

  /** A study's sessions, earliest first. */
  public List<Session> sessions(Handle h, long studyId) {
    List<Session> rows =
        h.createQuery(SESSION + " WHERE s.study_id = :study ORDER BY s.held_on, s.id")
            .bind("study", studyId)
            .map((rs, ctx) -> mapSession(rs))
            .list();
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, List<Participant>> who =
        sessionParticipants(h, rows.stream().map(Session::id).toList());
    return rows.stream().map(s -> s.with(who.getOrDefault(s.id(), List.of()))).toList();
  }

  private Map<Long, List<Participant>> sessionParticipants(Handle h, List<Long> sessionIds) {
    Map<Long, List<Participant>> who = new LinkedHashMap<>();
    h.createQuery(
            "SELECT sp.session_id AS sid, p.* FROM research_session_participant sp JOIN ("
                + PARTICIPANT
                + ") p ON p.id = sp.participant_id WHERE sp.session_id IN (<ids>)"
                + " ORDER BY p.name, p.id")
        .bindList("ids", sessionIds)
        .map(
            (rs, ctx) -> {
              who.computeIfAbsent(rs.getLong("sid"), k -> new ArrayList<>())
                  .add(mapParticipant(rs));
              return 0;
            })
        .list();
    return who;
  }

  private static Session mapSession(ResultSet rs) throws SQLException {
    String format = rs.getString("transcript_format");
    return new Session(
        rs.getLong("id"),
        rs.getLong("study_id"),
        LocalDate.parse(rs.getString("held_on")),
        Rows.longOrNull(rs, "interviewer_id"),
        rs.getString("interviewer_name"),
        rs.getString("notes"),
        format == null ? null : TranscriptFormat.parse("transcript_format", format),
        rs.getString("transcript_name"),
        rs.getLong("segments"),
        List.of(),
        rs.getLong("version"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }

  // ---- Transcripts ------------------------------------------------------------------------------

  /** Replaces a session's transcript (null: removes it) and moves its version on. */
  public void replaceTranscript(
      Handle h, long sessionId, String fileName, Transcript transcript, Instant now) {
    h.createUpdate("DELETE FROM research_segment WHERE session_id = :s")
        .bind("s", sessionId)
        .execute();
    // Insights keep their quotes; only the place in the old transcript no longer holds.
    h.createUpdate(
            "UPDATE research_insight SET segment_position = NULL, start_offset = NULL,"
                + " end_offset = NULL WHERE session_id = :s AND source = 'transcript'")
        .bind("s", sessionId)
        .execute();
    h.createUpdate(
            "UPDATE research_session SET transcript_format = :format, transcript_name = :name,"
                + " updated_at = :now, version = version + 1 WHERE id = :s")
        .bind("s", sessionId)
        .bind("format", transcript == null ? null : transcript.format().id())
        .bind("name", transcript == null ? null : fileName)
        .bind("now", Rows.millis(now))
        .execute();
    if (transcript == null) {
      return;
    }
    var batch =
        h.prepareBatch(
            "INSERT INTO research_segment (session_id, position, start_ms, end_ms, speaker, body)"
                + " VALUES (:s, :position, :start, :end, :speaker, :body)");
    for (Segment g : transcript.segments()) {
      batch
          .bind("s", sessionId)
          .bind("position", g.position())
          .bind("start", g.startMs())
          .bind("end", g.endMs())
          .bind("speaker", g.speaker())
          .bind("body", g.text())
          .add();
    }
    batch.execute();
  }

  public List<Segment> segments(Handle h, long sessionId) {
    return h.createQuery(
            "SELECT position, start_ms, end_ms, speaker, body FROM research_segment"
                + " WHERE session_id = :s ORDER BY position")
        .bind("s", sessionId)
        .map(
            (rs, ctx) ->
                new Segment(
                    rs.getInt("position"),
                    Rows.longOrNull(rs, "start_ms"),
                    Rows.longOrNull(rs, "end_ms"),
                    rs.getString("speaker"),
                    rs.getString("body")))
        .list();
  }
}
