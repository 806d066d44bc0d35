package io.hatrack.discovery.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.web.BadRequest;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The JSON of research in the API, and reading PATCH bodies where absent and null differ. */
final class ResearchJson {
  private ResearchJson() {}

  /** Creating or changing a study; dates are days such as 2026-03-14. */
  record StudyInput(String title, String goals, String status, String startsOn, String endsOn) {}

  /** A study; {@code participants} and {@code sessions} only on a single study. */
  record StudyJson(
      long id,
      String key,
      String kind,
      String title,
      String goals,
      String goalsHtml,
      String status,
      String startsOn,
      String endsOn,
      Long participantCount,
      Long sessionCount,
      Long insightCount,
      List<StudyParticipantJson> participants,
      List<StudySessionJson> sessions,
      long version,
      long productId,
      long createdBy,
      Instant createdAt,
      Instant updatedAt,
      String url) {}

  /** Adding or changing a participant; with a contact and no name, the contact's name. */
  record StudyParticipantInput(
      String name, Long customerId, Long contactId, String role, String notes) {}

  record StudyParticipantJson(
      long id,
      long studyId,
      String name,
      Long customerId,
      String customerName,
      Long contactId,
      String contactName,
      String role,
      String notes,
      long version) {
    static StudyParticipantJson of(Participant p) {
      return new StudyParticipantJson(
          p.id(),
          p.studyId(),
          p.name(),
          p.customerId(),
          p.customerName(),
          p.contactId(),
          p.contactName(),
          p.role(),
          p.notes(),
          p.version());
    }
  }

  /** Adding or changing a session: the day, the interviewer's user id, the participants' ids. */
  record StudySessionInput(
      String heldOn, Long interviewerId, List<Long> participantIds, String notes) {}

  /** Who took part in a session. */
  record StudySessionParticipantJson(long id, String name) {}

  /** A session; {@code segments} only on a single session. */
  record StudySessionJson(
      long id,
      long studyId,
      String heldOn,
      Long interviewerId,
      String interviewerName,
      List<StudySessionParticipantJson> participants,
      String notes,
      String notesHtml,
      String transcriptFormat,
      String transcriptName,
      long segmentCount,
      List<TranscriptSegmentJson> segments,
      long version,
      Instant createdAt,
      Instant updatedAt) {}

  /** A passage of a transcript; times in milliseconds, {@code start} as a clock. */
  record TranscriptSegmentJson(
      int position, Long startMs, Long endMs, String start, String speaker, String text) {
    static TranscriptSegmentJson of(Segment s) {
      return new TranscriptSegmentJson(
          s.position(), s.startMs(), s.endMs(), s.startClock(), s.speaker(), s.text());
    }
  }

  /** The transcript of a session as read from the uploaded file. */
  record TranscriptJson(
      long sessionId,
      String format,
      String fileName,
      int count,
      List<TranscriptSegmentJson> segments) {}

  /** Creating an insight. */
  record InsightInput(
      String quote,
      String note,
      Long studyId,
      Long sessionId,
      String source,
      Integer segment,
      Long participantId,
      List<String> tags,
      List<String> supports) {}

  /** Linking an insight to an item it supports. */
  record InsightSupportInput(String target) {}

  /** An item an insight supports, through a link. */
  record InsightSupportJson(
      long linkId, long itemId, String key, String kind, String title, String url) {
    static InsightSupportJson of(InsightView.Supported s) {
      return new InsightSupportJson(
          s.linkId(),
          s.item().id(),
          s.item().key(),
          s.item().kind(),
          s.item().title(),
          s.item().key() == null ? null : "/i/" + s.item().key());
    }
  }

  record InsightJson(
      long id,
      String key,
      String kind,
      String quote,
      String note,
      String noteHtml,
      Long studyId,
      String studyTitle,
      Long sessionId,
      String sessionHeldOn,
      String source,
      Integer segment,
      Integer startOffset,
      Integer endOffset,
      Long startMs,
      Long participantId,
      String participantName,
      List<String> tags,
      List<InsightSupportJson> supports,
      long version,
      long productId,
      long createdBy,
      Instant createdAt,
      Instant updatedAt,
      String url) {}

  // ---- PATCH bodies -----------------------------------------------------------------------------

  static JsonNode object(Context ctx, ObjectMapper json, Set<String> allowed, String what) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw new BadRequest(400, "malformed_json", "The request needs a JSON body.");
    }
    JsonNode node;
    try {
      node = json.readTree(bytes);
    } catch (IOException e) {
      throw new BadRequest(400, "malformed_json", "The body is not valid JSON.");
    }
    if (node == null || !node.isObject()) {
      throw new BadRequest(400, "malformed_json", "The JSON body must be an object.");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw Invalid.field(name, "is not a field of " + what);
      }
    }
    return node;
  }

  static String text(JsonNode body, String name, String kept) {
    JsonNode value = body.get(name);
    if (value == null) {
      return kept;
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw Invalid.field(name, "must be a string");
    }
    return value.textValue();
  }

  static Long number(JsonNode body, String name, Long kept) {
    JsonNode value = body.get(name);
    if (value == null) {
      return kept;
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      throw Invalid.field(name, "must be a whole number");
    }
    return value.longValue();
  }

  static List<Long> numbers(JsonNode body, String name, List<Long> kept) {
    JsonNode value = body.get(name);
    if (value == null) {
      return kept;
    }
    if (!value.isArray()) {
      throw Invalid.field(name, "must be a list of whole numbers");
    }
    List<Long> out = new ArrayList<>();
    for (JsonNode n : value) {
      if (!n.isIntegralNumber()) {
        throw Invalid.field(name, "must be a list of whole numbers");
      }
      out.add(n.longValue());
    }
    return out;
  }

  static List<String> texts(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw Invalid.field(name, "must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : value) {
      if (!n.isTextual()) {
        throw Invalid.field(name, "must be a list of strings");
      }
      out.add(n.textValue());
    }
    return out;
  }
}
