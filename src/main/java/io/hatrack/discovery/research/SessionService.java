package io.hatrack.discovery.research;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ItemAccess;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The sessions of a study: the day, the interviewer, who took part, the notes in Markdown, and the
 * transcript, uploaded as plain text, WebVTT or SRT and kept as segments. Sessions change with
 * optimistic locking (their own version); the study's editors hold them.
 */
public final class SessionService {
  public static final int MAX_FILE_NAME = 200;

  private final Database db;
  private final ResearchStore store;
  private final StudyService studies;
  private final AuditLog audit;
  private final Clock clock;

  public SessionService(
      Database db, ResearchStore store, StudyService studies, AuditLog audit, Clock clock) {
    this.db = db;
    this.store = store;
    this.studies = studies;
    this.audit = audit;
    this.clock = clock;
  }

  /** A session with its study, the reader's access to it, and its transcript. */
  public record View(Study study, ItemAccess access, Session session, List<Segment> segments) {}

  /** A study's sessions, earliest first. */
  public List<Session> list(User actor, String studyRef) {
    return db.read(h -> store.sessions(h, studies.access(h, actor, studyRef, false).id()));
  }

  public View get(User actor, String studyRef, long sessionId) {
    return db.read(h -> view(h, studies.access(h, actor, studyRef, false), sessionId));
  }

  /** A session of a study the caller already reached, inside their transaction. */
  View view(Handle h, ItemAccess study, long sessionId) {
    Session s = store.session(h, study.id(), sessionId).orElseThrow(() -> new NotFound("session"));
    return new View(
        store.study(h, study.id()).orElseThrow(), study, s, store.segments(h, sessionId));
  }

  public Session create(User actor, String studyRef, SessionDraft draft) {
    return db.tx(h -> create(h, actor, studyRef, draft));
  }

  /** Adds a session inside the caller's transaction (the demo uses this). */
  public Session create(Handle h, User actor, String studyRef, SessionDraft draft) {
    ItemAccess study =
        studies.access(h, actor, studyRef, false).require(Role.EDITOR, "add sessions");
    Checked.SessionFields f = resolve(h, study, Checked.session(draft));
    long id = store.insertSession(h, study.id(), f, clock.instant());
    audit.record(
        h,
        study
            .item()
            .change(
                actor.id(),
                "study.session.added",
                "added the session of " + f.heldOn() + " to " + study.item().label(),
                null,
                Map.of("session", id, "held_on", f.heldOn().toString())));
    return store.session(h, study.id(), id).orElseThrow();
  }

  public Session update(
      User actor, String studyRef, long sessionId, long expectedVersion, SessionDraft draft) {
    return db.tx(
        h -> {
          ItemAccess study =
              studies.access(h, actor, studyRef, false).require(Role.EDITOR, "change sessions");
          Session before =
              store.session(h, study.id(), sessionId).orElseThrow(() -> new NotFound("session"));
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This session", expectedVersion, before.version());
          }
          Checked.SessionFields f = resolve(h, study, Checked.session(draft));
          if (!store.updateSession(h, sessionId, expectedVersion, f, clock.instant())) {
            throw Conflict.staleVersion("This session", expectedVersion, before.version());
          }
          Map<String, Object> was = new LinkedHashMap<>();
          was.put("held_on", before.heldOn().toString());
          was.put("notes", before.notes());
          Map<String, Object> now = new LinkedHashMap<>();
          now.put("held_on", f.heldOn().toString());
          now.put("notes", f.notes());
          audit.record(
              h,
              study
                  .item()
                  .change(
                      actor.id(),
                      "study.session.updated",
                      "edited the session of " + f.heldOn() + " in " + study.item().label(),
                      was,
                      now));
          return store.session(h, study.id(), sessionId).orElseThrow();
        });
  }

  /** Removes a session and its transcript; insights quoted from it keep their quotes. */
  public void delete(User actor, String studyRef, long sessionId, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess study =
              studies.access(h, actor, studyRef, false).require(Role.EDITOR, "remove sessions");
          Session before =
              store.session(h, study.id(), sessionId).orElseThrow(() -> new NotFound("session"));
          if (!store.deleteSession(h, sessionId, expectedVersion)) {
            throw Conflict.staleVersion("This session", expectedVersion, before.version());
          }
          audit.record(
              h,
              study
                  .item()
                  .change(
                      actor.id(),
                      "study.session.removed",
                      "removed the session of " + before.heldOn() + " from " + study.item().label(),
                      Map.of("session", sessionId, "held_on", before.heldOn().toString()),
                      null));
        });
  }

  /**
   * Reads {@code bytes} as a transcript (plain text, WebVTT or SRT; see {@link TranscriptParser})
   * and puts it in place of the session's transcript, all or nothing. A file that cannot be read is
   * an {@link Invalid} on the field {@code transcript} naming its line and the reason.
   */
  public Transcript uploadTranscript(
      User actor, String studyRef, long sessionId, String fileName, byte[] bytes) {
    return db.tx(h -> uploadTranscript(h, actor, studyRef, sessionId, fileName, bytes));
  }

  /** Uploads a transcript inside the caller's transaction (the demo uses this). */
  public Transcript uploadTranscript(
      Handle h, User actor, String studyRef, long sessionId, String fileName, byte[] bytes) {
    ItemAccess study =
        studies.access(h, actor, studyRef, false).require(Role.EDITOR, "upload transcripts");
    Session session =
        store.session(h, study.id(), sessionId).orElseThrow(() -> new NotFound("session"));
    String name = fileName == null || fileName.isBlank() ? "transcript" : fileName.strip();
    if (name.length() > MAX_FILE_NAME) {
      name = name.substring(0, MAX_FILE_NAME);
    }
    Transcript transcript;
    try {
      transcript = TranscriptParser.parse(name, bytes);
    } catch (TranscriptRefused e) {
      throw Invalid.field("transcript", e.getMessage());
    }
    store.replaceTranscript(h, sessionId, name, transcript, clock.instant());
    audit.record(
        h,
        study
            .item()
            .change(
                actor.id(),
                "study.transcript.uploaded",
                "uploaded the transcript "
                    + name
                    + " to the session of "
                    + session.heldOn()
                    + " in "
                    + study.item().label(),
                null,
                Map.of(
                    "session",
                    sessionId,
                    "format",
                    transcript.format().id(),
                    "segments",
                    transcript.segments().size())));
    return transcript;
  }

  /** Removes a session's transcript. */
  public void removeTranscript(User actor, String studyRef, long sessionId) {
    db.txVoid(
        h -> {
          ItemAccess study =
              studies.access(h, actor, studyRef, false).require(Role.EDITOR, "remove transcripts");
          Session session =
              store.session(h, study.id(), sessionId).orElseThrow(() -> new NotFound("session"));
          if (!session.hasTranscript()) {
            throw Conflict.state("This session has no transcript.");
          }
          store.replaceTranscript(h, sessionId, null, null, clock.instant());
          audit.record(
              h,
              study
                  .item()
                  .change(
                      actor.id(),
                      "study.transcript.removed",
                      "removed the transcript of the session of " + session.heldOn(),
                      Map.of("session", sessionId, "file", session.transcriptName()),
                      null));
        });
  }

  /** Checks the interviewer and the participants against the workspace and the study. */
  private Checked.SessionFields resolve(Handle h, ItemAccess study, Checked.SessionFields f) {
    if (f.interviewerId() != null
        && !store.isMember(h, study.workspace().id(), f.interviewerId())) {
      throw Invalid.field("interviewer_id", "is not a member of this workspace");
    }
    Set<Long> known =
        store.participants(h, study.id()).stream().map(Participant::id).collect(Collectors.toSet());
    for (Long p : f.participantIds()) {
      if (!known.contains(p)) {
        throw Invalid.field("participants", "participant " + p + " is not in this study");
      }
    }
    return f;
  }
}
