package io.hatrack.discovery.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.research.ResearchJson.StudyInput;
import io.hatrack.discovery.research.ResearchJson.StudyJson;
import io.hatrack.discovery.research.ResearchJson.StudyParticipantInput;
import io.hatrack.discovery.research.ResearchJson.StudyParticipantJson;
import io.hatrack.discovery.research.ResearchJson.StudySessionInput;
import io.hatrack.discovery.research.ResearchJson.StudySessionJson;
import io.hatrack.discovery.research.ResearchJson.StudySessionParticipantJson;
import io.hatrack.discovery.research.ResearchJson.TranscriptJson;
import io.hatrack.discovery.research.ResearchJson.TranscriptSegmentJson;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Markdown;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** Research studies, their participants, sessions and transcripts over the API. */
public final class StudyApi implements Routes {
  private static final String TAG = "Research";
  private static final String BASE = "/api/v1/products/{product}/studies";
  private static final String STUDY = BASE + "/{study}";

  private final StudyService studies;
  private final SessionService sessions;
  private final Html html;
  private final ObjectMapper json;

  public StudyApi(StudyService studies, SessionService sessions, Html html, ObjectMapper json) {
    this.studies = studies;
    this.sessions = sessions;
    this.html = html;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.get(BASE, this::list)
        .summary("A product's research studies: running, then planned, then done")
        .tag(TAG)
        .paged()
        .returnsList(StudyJson.class);
    r.post(BASE, this::create)
        .summary("Create a research study (editors)")
        .description("status is planned (the default), running or done; dates are ISO days.")
        .tag(TAG)
        .body(StudyInput.class)
        .returns(201, StudyJson.class);
    r.get(STUDY, this::get)
        .summary("A study by id or key, with its participants and sessions")
        .tag(TAG)
        .etag()
        .returns(200, StudyJson.class);
    r.patch(STUDY, this::update)
        .summary("Change a study (editors); absent fields are kept")
        .tag(TAG)
        .body(StudyInput.class)
        .ifMatch()
        .etag()
        .returns(200, StudyJson.class);
    r.delete(STUDY, this::delete)
        .summary("Delete a study (editors); it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post(STUDY + "/restore", this::restore)
        .summary("Restore a deleted study (editors)")
        .tag(TAG)
        .returns(200, StudyJson.class);
    r.get(STUDY + "/participants", this::participants)
        .summary("A study's participants, by name")
        .tag(TAG)
        .returnsList(StudyParticipantJson.class);
    r.post(STUDY + "/participants", this::addParticipant)
        .summary("Add a participant (editors), optionally a customer and contact of the workspace")
        .tag(TAG)
        .body(StudyParticipantInput.class)
        .returns(201, StudyParticipantJson.class);
    r.patch(STUDY + "/participants/{participant}", this::updateParticipant)
        .summary("Change a participant (editors); absent fields are kept")
        .tag(TAG)
        .body(StudyParticipantInput.class)
        .ifMatch()
        .returns(200, StudyParticipantJson.class);
    r.delete(STUDY + "/participants/{participant}", this::removeParticipant)
        .summary("Remove a participant (editors)")
        .tag(TAG)
        .ifMatch()
        .noContent();
    registerSessions(r);
  }

  private void registerSessions(Router r) {
    String sessionPath = STUDY + "/sessions/{session}";
    r.get(STUDY + "/sessions", this::sessions)
        .summary("A study's sessions, earliest first")
        .tag(TAG)
        .returnsList(StudySessionJson.class);
    r.post(STUDY + "/sessions", this::addSession)
        .summary("Add a session (editors): day, interviewer, participants, notes in Markdown")
        .tag(TAG)
        .body(StudySessionInput.class)
        .returns(201, StudySessionJson.class);
    r.get(sessionPath, this::session)
        .summary("A session with its transcript's segments")
        .tag(TAG)
        .etag()
        .returns(200, StudySessionJson.class);
    r.patch(sessionPath, this::updateSession)
        .summary("Change a session (editors); absent fields are kept")
        .tag(TAG)
        .body(StudySessionInput.class)
        .ifMatch()
        .etag()
        .returns(200, StudySessionJson.class);
    r.delete(sessionPath, this::removeSession)
        .summary("Remove a session and its transcript (editors)")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post(sessionPath + "/transcript", this::upload)
        .summary("Upload the session's transcript (editors): plain text, WebVTT or SRT")
        .description(
            "Send the file as the body (name it with ?name=interview.vtt, or Content-Type text/vtt)"
                + " or as the field \"file\" of multipart/form-data. UTF-8 only, at most 2,000,000"
                + " bytes (413 beyond). The format is told from the content, then the name. It"
                + " replaces any earlier transcript and answers with the segments read: start and"
                + " end in milliseconds where the file gave times, the speaker where it named one"
                + " (WebVTT <v Name> or a \"Name:\" prefix). A file that cannot be read answers 400"
                + " with the field transcript and the reason with its line, and changes nothing.")
        .tag(TAG)
        .query("name", "the file's name, when the body is the file")
        .returns(200, TranscriptJson.class);
    r.get(sessionPath + "/transcript", this::transcript)
        .summary("The session's transcript, as segments")
        .tag(TAG)
        .returns(200, TranscriptJson.class);
    r.delete(sessionPath + "/transcript", this::removeTranscript)
        .summary("Remove the session's transcript (editors)")
        .tag(TAG)
        .noContent();
  }

  // ---- Studies ----------------------------------------------------------------------------------

  private String study(Context ctx, boolean deletedToo) {
    return Long.toString(
        studies.idIn(
            Requests.user(ctx), ctx.pathParam("product"), ctx.pathParam("study"), deletedToo));
  }

  private void list(Context ctx) {
    StudyService.Listing listing =
        studies.list(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.queryParam("cursor"),
            Requests.limit(ctx, 50));
    Markdown.Context context = html.markdownContext(listing.product().workspace());
    ctx.json(
        new ListJson<>(
            listing.slice().items().stream()
                .map(s -> json(s.study(), s, null, null, context))
                .toList(),
            listing.slice().total(),
            listing.slice().nextCursor()));
  }

  private void create(Context ctx) {
    StudyInput in = Requests.body(ctx, json, StudyInput.class);
    User user = Requests.user(ctx);
    Study s =
        studies.create(
            user,
            ctx.pathParam("product"),
            new StudyDraft(in.title(), in.goals(), in.status(), in.startsOn(), in.endsOn()));
    ctx.header("Location", "/api/v1/products/" + ctx.pathParam("product") + "/studies/" + s.id());
    respond(ctx.status(201), user, Long.toString(s.id()));
  }

  private void get(Context ctx) {
    respond(ctx, Requests.user(ctx), study(ctx, false));
  }

  private void respond(Context ctx, User user, String ref) {
    StudyService.View view = studies.get(user, ref);
    Requests.etag(ctx, view.study().version());
    ctx.json(full(user, view));
  }

  private StudyJson full(User user, StudyService.View view) {
    Markdown.Context context = html.markdownContext(view.access().workspace());
    List<Session> list = sessions.list(user, Long.toString(view.study().id()));
    return json(
        view.study(),
        null,
        view.participants().stream().map(StudyParticipantJson::of).toList(),
        list.stream().map(s -> session(s, null, context)).toList(),
        context);
  }

  /** The JSON of a study for the uniform {@code /api/v1/items/{item}} endpoint. */
  public Object representation(User user, ItemAccess access) {
    return full(user, studies.get(user, Long.toString(access.id())));
  }

  private StudyJson json(
      Study s,
      StudySummary counts,
      List<StudyParticipantJson> participants,
      List<StudySessionJson> sessionList,
      Markdown.Context context) {
    Item i = s.item();
    return new StudyJson(
        i.id(),
        i.key(),
        StudyService.KIND,
        i.title(),
        s.goals(),
        html.markdown(s.goals(), context),
        s.status().id(),
        s.startsOn() == null ? null : s.startsOn().toString(),
        s.endsOn() == null ? null : s.endsOn().toString(),
        counts == null
            ? (participants == null ? null : (long) participants.size())
            : counts.participants(),
        counts == null
            ? (sessionList == null ? null : (long) sessionList.size())
            : counts.sessions(),
        counts == null ? null : counts.insights(),
        participants,
        sessionList,
        i.version(),
        i.productId(),
        i.createdBy(),
        i.createdAt(),
        i.updatedAt(),
        "/i/" + i.key());
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    JsonNode body =
        ResearchJson.object(
            ctx, json, Set.of("title", "goals", "status", "starts_on", "ends_on"), "a study");
    User user = Requests.user(ctx);
    Study s = studies.get(user, study(ctx, false)).study();
    Study updated =
        studies.update(
            user,
            Long.toString(s.id()),
            expected,
            new StudyDraft(
                ResearchJson.text(body, "title", s.title()),
                ResearchJson.text(body, "goals", s.goals()),
                ResearchJson.text(body, "status", s.status().id()),
                ResearchJson.text(
                    body, "starts_on", s.startsOn() == null ? null : s.startsOn().toString()),
                ResearchJson.text(
                    body, "ends_on", s.endsOn() == null ? null : s.endsOn().toString())));
    respond(ctx, user, Long.toString(updated.id()));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    studies.delete(Requests.user(ctx), study(ctx, false), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    User user = Requests.user(ctx);
    Study s = studies.restore(user, study(ctx, true));
    respond(ctx, user, Long.toString(s.id()));
  }

  // ---- Participants -----------------------------------------------------------------------------

  private void participants(Context ctx) {
    List<StudyParticipantJson> all =
        studies.participants(Requests.user(ctx), study(ctx, false)).stream()
            .map(StudyParticipantJson::of)
            .toList();
    ctx.json(new ListJson<>(all, all.size(), null));
  }

  private void addParticipant(Context ctx) {
    StudyParticipantInput in = Requests.body(ctx, json, StudyParticipantInput.class);
    Participant p =
        studies.addParticipant(
            Requests.user(ctx),
            study(ctx, false),
            new ParticipantDraft(
                in.name(), in.customerId(), in.contactId(), in.role(), in.notes()));
    ctx.status(201).json(StudyParticipantJson.of(p));
  }

  private void updateParticipant(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    JsonNode body =
        ResearchJson.object(
            ctx,
            json,
            Set.of("name", "customer_id", "contact_id", "role", "notes"),
            "a participant");
    User user = Requests.user(ctx);
    String studyRef = study(ctx, false);
    long id = Requests.idParam(ctx, "participant");
    Participant p = studies.participant(user, studyRef, id);
    Participant updated =
        studies.updateParticipant(
            user,
            studyRef,
            id,
            expected,
            new ParticipantDraft(
                ResearchJson.text(body, "name", p.name()),
                ResearchJson.number(body, "customer_id", p.customerId()),
                ResearchJson.number(body, "contact_id", p.contactId()),
                ResearchJson.text(body, "role", p.role()),
                ResearchJson.text(body, "notes", p.notes())));
    ctx.json(StudyParticipantJson.of(updated));
  }

  private void removeParticipant(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    studies.removeParticipant(
        Requests.user(ctx), study(ctx, false), Requests.idParam(ctx, "participant"), expected);
    ctx.status(204);
  }

  // ---- Sessions ---------------------------------------------------------------------------------

  private StudySessionJson session(Session s, List<Segment> segments, Markdown.Context context) {
    return new StudySessionJson(
        s.id(),
        s.studyId(),
        s.heldOn().toString(),
        s.interviewerId(),
        s.interviewerName(),
        s.participants().stream()
            .map(p -> new StudySessionParticipantJson(p.id(), p.name()))
            .toList(),
        s.notes(),
        html.markdown(s.notes(), context),
        s.transcriptFormat() == null ? null : s.transcriptFormat().id(),
        s.transcriptName(),
        s.segments(),
        segments == null ? null : segments.stream().map(TranscriptSegmentJson::of).toList(),
        s.version(),
        s.createdAt(),
        s.updatedAt());
  }

  private void sessions(Context ctx) {
    User user = Requests.user(ctx);
    String studyRef = study(ctx, false);
    Markdown.Context context =
        html.markdownContext(studies.get(user, studyRef).access().workspace());
    List<StudySessionJson> all =
        sessions.list(user, studyRef).stream().map(s -> session(s, null, context)).toList();
    ctx.json(new ListJson<>(all, all.size(), null));
  }

  private void addSession(Context ctx) {
    StudySessionInput in = Requests.body(ctx, json, StudySessionInput.class);
    User user = Requests.user(ctx);
    String studyRef = study(ctx, false);
    Session s =
        sessions.create(
            user,
            studyRef,
            new SessionDraft(in.heldOn(), in.interviewerId(), in.participantIds(), in.notes()));
    ctx.header(
        "Location",
        "/api/v1/products/"
            + ctx.pathParam("product")
            + "/studies/"
            + studyRef
            + "/sessions/"
            + s.id());
    respondSession(ctx.status(201), user, studyRef, s.id());
  }

  private void session(Context ctx) {
    respondSession(ctx, Requests.user(ctx), study(ctx, false), Requests.idParam(ctx, "session"));
  }

  private void respondSession(Context ctx, User user, String studyRef, long sessionId) {
    SessionService.View view = sessions.get(user, studyRef, sessionId);
    Requests.etag(ctx, view.session().version());
    ctx.json(
        session(view.session(), view.segments(), html.markdownContext(view.access().workspace())));
  }

  private void updateSession(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    JsonNode body =
        ResearchJson.object(
            ctx,
            json,
            Set.of("held_on", "interviewer_id", "participant_ids", "notes"),
            "a session");
    User user = Requests.user(ctx);
    String studyRef = study(ctx, false);
    long id = Requests.idParam(ctx, "session");
    Session s = sessions.get(user, studyRef, id).session();
    sessions.update(
        user,
        studyRef,
        id,
        expected,
        new SessionDraft(
            ResearchJson.text(body, "held_on", s.heldOn().toString()),
            ResearchJson.number(body, "interviewer_id", s.interviewerId()),
            ResearchJson.numbers(
                body, "participant_ids", s.participants().stream().map(Participant::id).toList()),
            ResearchJson.text(body, "notes", s.notes())));
    respondSession(ctx, user, studyRef, id);
  }

  private void removeSession(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    sessions.delete(
        Requests.user(ctx), study(ctx, false), Requests.idParam(ctx, "session"), expected);
    ctx.status(204);
  }

  private void upload(Context ctx) {
    User user = Requests.user(ctx);
    String studyRef = study(ctx, false);
    long id = Requests.idParam(ctx, "session");
    TranscriptUpload.Upload file = TranscriptUpload.read(ctx);
    Transcript t = sessions.uploadTranscript(user, studyRef, id, file.name(), file.bytes());
    Session s = sessions.get(user, studyRef, id).session();
    ctx.json(
        new TranscriptJson(
            id,
            t.format().id(),
            s.transcriptName(),
            t.segments().size(),
            t.segments().stream().map(TranscriptSegmentJson::of).toList()));
  }

  private void transcript(Context ctx) {
    long id = Requests.idParam(ctx, "session");
    SessionService.View view = sessions.get(Requests.user(ctx), study(ctx, false), id);
    Session s = view.session();
    ctx.json(
        new TranscriptJson(
            id,
            s.transcriptFormat() == null ? null : s.transcriptFormat().id(),
            s.transcriptName(),
            view.segments().size(),
            view.segments().stream().map(TranscriptSegmentJson::of).toList()));
  }

  private void removeTranscript(Context ctx) {
    sessions.removeTranscript(
        Requests.user(ctx), study(ctx, false), Requests.idParam(ctx, "session"));
    ctx.status(204);
  }
}
