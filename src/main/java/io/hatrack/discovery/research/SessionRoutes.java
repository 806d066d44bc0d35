package io.hatrack.discovery.research;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.BadRequest;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A study's sessions in the browser: adding and editing one (day, interviewer, participants,
 * notes), its page with the notes and the transcript, uploading a transcript, and turning a
 * highlighted passage into an insight (the page's script fills the form from the selection; without
 * script the passage is pasted, and must occur in the session).
 */
public final class SessionRoutes implements Routes {
  private static final String SESSIONS = StudyRoutes.BASE + "/{id}/sessions";
  private static final String ONE = SESSIONS + "/{session}";

  private final StudyService studies;
  private final SessionService sessions;
  private final InsightService insights;
  private final ProductService products;
  private final WorkspaceService workspaces;
  private final Html html;

  public SessionRoutes(
      StudyService studies,
      SessionService sessions,
      InsightService insights,
      ProductService products,
      WorkspaceService workspaces,
      Html html) {
    this.studies = studies;
    this.sessions = sessions;
    this.insights = insights;
    this.products = products;
    this.workspaces = workspaces;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(SESSIONS + "/new", this::newForm);
    r.postPage(SESSIONS, this::create);
    r.getPage(ONE, this::show);
    r.getPage(ONE + "/edit", this::editForm);
    r.postPage(ONE, this::update);
    r.postPage(ONE + "/delete", this::delete);
    r.postPage(ONE + "/transcript", this::upload);
    r.postPage(ONE + "/transcript/delete", this::removeTranscript);
    r.postPage(ONE + "/insights", this::highlight);
  }

  private static String studyUrl(ProductAccess product, Study s) {
    return StudyRoutes.base(product) + "/" + s.id();
  }

  private static String sessionUrl(ProductAccess product, Study s, long sessionId) {
    return studyUrl(product, s) + "/sessions/" + sessionId;
  }

  // ---- The session page -------------------------------------------------------------------------

  private void show(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Study s = StudyRoutes.study(ctx, studies, product);
    renderShow(ctx, product, s, Form.EMPTY, null);
  }

  private void renderShow(
      Context ctx, ProductAccess product, Study s, Form highlight, String uploadError) {
    User user = Requests.user(ctx);
    SessionService.View view =
        sessions.get(user, Long.toString(s.id()), Requests.idParam(ctx, "session"));
    Session session = view.session();
    List<InsightView> quoted =
        insights
            .list(user, Long.toString(product.id()), Long.toString(s.id()), null, null, 200)
            .slice()
            .items()
            .stream()
            .filter(v -> Long.valueOf(session.id()).equals(v.insight().sessionId()))
            .toList();
    String title = "Session of " + session.heldOn();
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                title,
                StudyRoutes.crumbs(
                    product,
                    new Shell.Crumb(s.key(), studyUrl(product, s)),
                    new Shell.Crumb(session.heldOn().toString(), null)));
    html.page(
        ctx,
        "discovery/research/session.jte",
        shell,
        "product",
        product,
        "study",
        s,
        "session",
        session,
        "notes",
        html.markdown(session.notes(), html.markdownContext(product.workspace())),
        "segments",
        view.segments(),
        "insights",
        quoted,
        "highlight",
        highlight,
        "uploadError",
        uploadError,
        "canEdit",
        product.role().atLeast(Role.EDITOR),
        "hat",
        StudyRoutes.hat(product),
        "url",
        sessionUrl(product, s, session.id()),
        "insightsUrl",
        StudyRoutes.hat(product) + "/insights",
        "maxBytes",
        TranscriptParser.MAX_BYTES);
  }

  // ---- Writing a session ------------------------------------------------------------------------

  private void newForm(Context ctx) {
    ProductAccess product = Requests.product(ctx, products).require(Role.EDITOR, "add sessions");
    Study s = StudyRoutes.study(ctx, studies, product);
    renderEditor(
        ctx,
        product,
        s,
        null,
        Form.of(
            "held_on",
            java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(),
            "interviewer_id",
            Long.toString(Requests.user(ctx).id())),
        List.of(),
        null);
  }

  private static SessionDraft draft(Context ctx) {
    Long interviewer = null;
    String given = ctx.formParam("interviewer_id");
    if (given != null && !given.isBlank()) {
      try {
        interviewer = Long.parseLong(given.trim());
      } catch (NumberFormatException e) {
        throw Invalid.field("interviewer_id", "must be a member of the workspace");
      }
    }
    List<Long> who = new ArrayList<>();
    for (String p : ctx.formParams("participant")) {
      try {
        who.add(Long.parseLong(p.trim()));
      } catch (NumberFormatException e) {
        throw Invalid.field("participants", "must be participants of the study");
      }
    }
    return new SessionDraft(ctx.formParam("held_on"), interviewer, who, ctx.formParam("notes"));
  }

  private static List<String> ticked(Context ctx) {
    return ctx.formParams("participant");
  }

  private void create(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Study s = StudyRoutes.study(ctx, studies, product);
    try {
      Session made = sessions.create(Requests.user(ctx), Long.toString(s.id()), draft(ctx));
      Flashes.success(ctx, "Added the session of " + made.heldOn() + ".");
      ctx.redirect(sessionUrl(product, s, made.id()));
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, s, null, Form.refused(ctx, e), ticked(ctx), null);
    }
  }

  private void editForm(Context ctx) {
    ProductAccess product = Requests.product(ctx, products).require(Role.EDITOR, "change sessions");
    Study s = StudyRoutes.study(ctx, studies, product);
    Session session =
        sessions
            .get(Requests.user(ctx), Long.toString(s.id()), Requests.idParam(ctx, "session"))
            .session();
    renderEditor(
        ctx,
        product,
        s,
        session,
        Form.of(
            "held_on",
            session.heldOn().toString(),
            "interviewer_id",
            session.interviewerId() == null ? "" : Long.toString(session.interviewerId()),
            "notes",
            session.notes(),
            "version",
            Long.toString(session.version())),
        session.participants().stream().map(p -> Long.toString(p.id())).toList(),
        null);
  }

  private void update(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Study s = StudyRoutes.study(ctx, studies, product);
    long id = Requests.idParam(ctx, "session");
    Session session = sessions.get(Requests.user(ctx), Long.toString(s.id()), id).session();
    long version = StudyRoutes.version(ctx);
    try {
      sessions.update(Requests.user(ctx), Long.toString(s.id()), id, version, draft(ctx));
      Flashes.success(ctx, "Saved.");
      ctx.redirect(sessionUrl(product, s, id));
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, s, session, Form.refused(ctx, e), ticked(ctx), null);
    } catch (Conflict e) {
      ctx.status(409);
      renderEditor(
          ctx, product, s, session, Form.refused(ctx, e.getMessage()), ticked(ctx), session);
    }
  }

  private void renderEditor(
      Context ctx,
      ProductAccess product,
      Study s,
      Session session,
      Form form,
      List<String> ticked,
      Session theirs) {
    String title = session == null ? "New session" : "Edit the session of " + session.heldOn();
    List<Shell.Crumb> crumbs = new ArrayList<>();
    crumbs.add(new Shell.Crumb(s.key(), studyUrl(product, s)));
    if (session != null) {
      crumbs.add(
          new Shell.Crumb(session.heldOn().toString(), sessionUrl(product, s, session.id())));
    }
    crumbs.add(new Shell.Crumb(session == null ? "New session" : "Edit", null));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                title,
                StudyRoutes.crumbs(product, crumbs.toArray(new Shell.Crumb[0])));
    html.page(
        ctx,
        "discovery/research/session-edit.jte",
        shell,
        "study",
        s,
        "session",
        session,
        "form",
        form,
        "ticked",
        ticked,
        "theirs",
        theirs,
        "participants",
        studies.participants(Requests.user(ctx), Long.toString(s.id())),
        "interviewers",
        StudyRoutes.interviewers(workspaces, product),
        "hat",
        StudyRoutes.hat(product),
        "studyUrl",
        studyUrl(product, s),
        "workspace",
        product.workspace().workspace().slug());
  }

  private void delete(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Study s = StudyRoutes.study(ctx, studies, product);
    long id = Requests.idParam(ctx, "session");
    Session session = sessions.get(Requests.user(ctx), Long.toString(s.id()), id).session();
    sessions.delete(Requests.user(ctx), Long.toString(s.id()), id, StudyRoutes.version(ctx));
    Flashes.success(ctx, "Removed the session of " + session.heldOn() + ".");
    ctx.redirect(studyUrl(product, s) + "#sessions");
  }

  // ---- Transcripts ------------------------------------------------------------------------------

  private void upload(Context ctx) {
    ProductAccess product =
        Requests.product(ctx, products).require(Role.EDITOR, "upload transcripts");
    Study s = StudyRoutes.study(ctx, studies, product);
    long id = Requests.idParam(ctx, "session");
    try {
      TranscriptUpload.Upload file = TranscriptUpload.read(ctx);
      Transcript t =
          sessions.uploadTranscript(
              Requests.user(ctx), Long.toString(s.id()), id, file.name(), file.bytes());
      Flashes.success(
          ctx,
          "Read the transcript as "
              + t.format().label()
              + ": "
              + t.segments().size()
              + (t.segments().size() == 1 ? " passage." : " passages."));
      ctx.redirect(sessionUrl(product, s, id) + "#transcript");
    } catch (Invalid e) {
      ctx.status(422);
      renderShow(ctx, product, s, Form.EMPTY, e.reasonFor("transcript"));
    } catch (BadRequest e) {
      ctx.status(e.status());
      renderShow(ctx, product, s, Form.EMPTY, e.getMessage());
    }
  }

  private void removeTranscript(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Study s = StudyRoutes.study(ctx, studies, product);
    long id = Requests.idParam(ctx, "session");
    sessions.removeTranscript(Requests.user(ctx), Long.toString(s.id()), id);
    Flashes.success(ctx, "Removed the transcript.");
    ctx.redirect(sessionUrl(product, s, id));
  }

  // ---- Highlight to insight ---------------------------------------------------------------------

  private void highlight(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Study s = StudyRoutes.study(ctx, studies, product);
    long id = Requests.idParam(ctx, "session");
    Integer segment = null;
    String seg = ctx.formParam("segment");
    if (seg != null && !seg.isBlank()) {
      try {
        segment = Integer.parseInt(seg.trim());
      } catch (NumberFormatException e) {
        segment = null;
      }
    }
    String source = ctx.formParam("source");
    try {
      Insight made =
          insights.create(
              Requests.user(ctx),
              Long.toString(product.id()),
              new InsightDraft(
                  ctx.formParam("quote"),
                  ctx.formParam("note"),
                  null,
                  id,
                  source == null || source.isBlank() ? null : source,
                  segment,
                  null,
                  words(ctx.formParam("tags")),
                  words(ctx.formParam("supports"))));
      Flashes.success(ctx, "Created the insight " + made.key() + ".");
      ctx.redirect(sessionUrl(product, s, id) + "#insights");
    } catch (Invalid e) {
      ctx.status(422);
      renderShow(ctx, product, s, Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(409);
      renderShow(ctx, product, s, Form.refused(ctx, e.getMessage()), null);
    }
  }

  /** Comma-separated words, e.g. tags or item keys. */
  static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList();
  }
}
