package io.hatrack.discovery.surveys;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.SecretTokens;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Building surveys: creating and changing a survey and its questions with optimistic locking,
 * opening and closing it, deleting and restoring it, and making personal links to answer it. Every
 * save checks the whole survey and writes it in one transaction. Once a survey has responses its
 * questions and its anonymity are fixed, so that every answer keeps meaning what it answered.
 */
public final class SurveyService {
  /** The kind of a survey in the entity table. */
  public static final String KIND = SurveyStore.KIND;

  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 5_000;
  public static final int MAX_QUESTIONS = 50;
  public static final int MAX_PROMPT = 500;
  public static final int MAX_OPTIONS = 20;
  public static final int MAX_OPTION = 200;
  public static final int MIN_RATING_SCALE = 3;
  public static final int MAX_RATING_SCALE = 10;
  public static final int DEFAULT_RATING_SCALE = 5;

  /** The most personal links made at once. */
  public static final int MAX_LINKS_AT_ONCE = 200;

  public static final int MAX_LABEL = 200;

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final SurveyStore store;
  private final ProductService products;
  private final ItemService items;
  private final AuditLog audit;
  private final Clock clock;

  public SurveyService(
      Database db,
      SurveyStore store,
      ProductService products,
      ItemService items,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.items = items;
    this.audit = audit;
    this.clock = clock;
  }

  /** A survey with the reader's access (their role decides what the UI offers). */
  public record View(Survey survey, ItemAccess access) {
    public boolean canEdit() {
      return access.role().atLeast(Role.EDITOR);
    }
  }

  /** Personal links just made, with their secret tokens, which are never shown again. */
  public record NewLinks(
      List<SurveyLink> links, List<String> tokens, String productSlug, String code) {
    /** The address to answer through the {@code i}-th new link. */
    public String path(int i) {
      return SurveyLink.path(productSlug, code, tokens.get(i));
    }
  }

  /** Whom a personal link is for; both may be blank, and an anonymous survey takes neither. */
  public record Recipient(String label, String email) {}

  private record Checked(String title, SurveyStore.Row row, List<Question> questions) {}

  // ---- Creating ---------------------------------------------------------------------------------

  public Survey create(User actor, String productRef, SurveyDraft draft) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "create surveys");
          return create(h, actor, product, draft);
        });
  }

  /** Creates a survey inside the caller's transaction (the demo uses this). */
  public Survey create(Handle h, User actor, ProductAccess product, SurveyDraft draft) {
    product.require(Role.EDITOR, "create surveys");
    Checked c = check(product.product().name(), draft, null);
    Item item = items.create(h, actor, product, KIND, c.title());
    store.insert(h, item.id(), product.id(), publicCode(), c.row());
    store.replaceQuestions(h, item.id(), c.questions());
    audit.record(
        h,
        item.change(
            actor.id(),
            "survey.created",
            "created the survey " + item.label(),
            null,
            fields(c.title(), c.row(), c.questions())));
    return store.byId(h, item.id()).orElseThrow();
  }

  /** Nine random bytes: 12 URL-safe characters, not to be guessed or enumerated. */
  private static String publicCode() {
    byte[] bytes = new byte[9];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  // ---- Reading ----------------------------------------------------------------------------------

  public View get(User actor, String ref) {
    return db.read(h -> view(h, actor, ref));
  }

  View view(Handle h, User actor, String ref) {
    ItemAccess access = surveyAccess(h, actor, ref);
    return new View(store.byId(h, access.id()).orElseThrow(), access);
  }

  private ItemAccess surveyAccess(Handle h, User actor, String ref) {
    ItemAccess access = items.access(h, actor, ref);
    if (!access.item().kind().equals(KIND)) {
      throw new NotFound("survey");
    }
    return access;
  }

  /** The surveys of a product, newest first. */
  public Slice<SurveySummary> list(User actor, String productRef, long beforeId, int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<SurveySummary> rows = store.list(h, product.id(), beforeId, limit + 1);
          boolean more = rows.size() > limit;
          List<SurveySummary> shown = more ? rows.subList(0, limit) : rows;
          String next =
              more
                  ? io.hatrack.kernel.Cursor.encode(shown.get(shown.size() - 1).item().id())
                  : null;
          return new Slice<>(shown, items.liveCount(h, product.id(), KIND), next);
        });
  }

  // ---- Changing ---------------------------------------------------------------------------------

  /**
   * Replaces a survey with {@code draft} if it is still at {@code expectedVersion}. Once the survey
   * has responses, its questions and its anonymity may not change.
   */
  public Survey update(User actor, String ref, long expectedVersion, SurveyDraft draft) {
    return db.tx(
        h -> {
          ItemAccess access = surveyAccess(h, actor, ref).require(Role.EDITOR, "change surveys");
          Survey before = store.byId(h, access.id()).orElseThrow();
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This survey", expectedVersion, before.version());
          }
          ProductAccess product =
              products.access(h, actor, Long.toString(before.item().productId()));
          Checked c = check(product.product().name(), draft, before);
          items.bump(h, actor, before.item(), expectedVersion, c.title());
          store.update(h, before.id(), c.row());
          if (!sameQuestions(before.questions(), c.questions())) {
            store.replaceQuestions(h, before.id(), c.questions());
          }
          Map<String, Object> was = fields(before.title(), row(before), before.questions());
          Map<String, Object> now = fields(c.title(), c.row(), c.questions());
          Map<String, Object> changedBefore = new LinkedHashMap<>();
          Map<String, Object> changedAfter = new LinkedHashMap<>();
          for (String field : now.keySet()) {
            if (!Objects.equals(was.get(field), now.get(field))) {
              changedBefore.put(field, was.get(field));
              changedAfter.put(field, now.get(field));
            }
          }
          Item item = before.item();
          String action =
              before.status() != c.row().status()
                  ? statusAction(c.row().status()) + " the survey " + item.label()
                  : "edited the survey " + item.label();
          audit.record(
              h, item.change(actor.id(), "survey.updated", action, changedBefore, changedAfter));
          return store.byId(h, before.id()).orElseThrow();
        });
  }

  private static String statusAction(SurveyStatus status) {
    return switch (status) {
      case OPEN -> "opened";
      case CLOSED -> "closed";
      case DRAFT -> "took back to draft";
    };
  }

  /** Opens, closes or reopens a survey, keeping the rest. */
  public Survey setStatus(User actor, String ref, long expectedVersion, SurveyStatus status) {
    Survey s = get(actor, ref).survey();
    return update(actor, ref, expectedVersion, draftOf(s).withStatus(status.id()));
  }

  /** A survey as a draft, to change a part of it. */
  public static SurveyDraft draftOf(Survey s) {
    return new SurveyDraft(
        s.title(),
        s.description(),
        s.status().id(),
        s.anonymous(),
        s.openLink(),
        s.questions().stream().map(Question::draft).toList());
  }

  private static SurveyStore.Row row(Survey s) {
    return new SurveyStore.Row(s.description(), s.status(), s.anonymous(), s.openLink());
  }

  /** Deletes a survey (its links stop working); it can be restored with {@link #restore}. */
  public void delete(User actor, String ref, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access = surveyAccess(h, actor, ref);
          items.delete(h, actor, access, expectedVersion);
          Item item = access.item();
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "survey.deleted",
                  "deleted the survey " + item.label(),
                  Map.of("title", item.title()),
                  null));
        });
  }

  public Survey restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = items.accessIncludingDeleted(h, actor, ref);
          if (!access.item().kind().equals(KIND)) {
            throw new NotFound("survey");
          }
          Item item = items.restore(h, actor, access);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "survey.restored",
                  "restored the survey " + item.label(),
                  null,
                  Map.of("title", item.title())));
          return store.byId(h, item.id()).orElseThrow();
        });
  }

  // ---- Personal links ---------------------------------------------------------------------------

  /**
   * Makes personal links, one per recipient; each answers the survey once. On an anonymous survey
   * recipients carry no e-mail address (only a label such as a segment), and {@code recipients} may
   * be blank ones just to count.
   */
  public NewLinks createLinks(User actor, String ref, List<Recipient> recipients) {
    return db.tx(
        h -> {
          ItemAccess access = surveyAccess(h, actor, ref).require(Role.EDITOR, "make survey links");
          Survey survey = store.byId(h, access.id()).orElseThrow();
          Validation v = new Validation();
          v.check("recipients", !recipients.isEmpty(), "must name at least one link to make");
          v.check(
              "recipients",
              recipients.size() <= MAX_LINKS_AT_ONCE,
              "may make at most " + MAX_LINKS_AT_ONCE + " links at once");
          for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            String at = "recipients[" + i + "].";
            v.optionalText(at + "label", r.label(), MAX_LABEL);
            String email = blankToNull(r.email());
            if (email != null) {
              v.check(
                  at + "email",
                  !survey.anonymous(),
                  "cannot be kept: the survey is anonymous, so its links carry no e-mail address");
              v.check(at + "email", EMAIL.matcher(email).matches(), "must be an e-mail address");
            }
          }
          v.orThrow();
          Instant now = clock.instant();
          List<SurveyLink> links = new ArrayList<>();
          List<String> tokens = new ArrayList<>();
          for (Recipient r : recipients) {
            String token = SecretTokens.generate("");
            long id =
                store.insertToken(
                    h,
                    survey.id(),
                    SecretTokens.hash(token),
                    r.label() == null ? "" : r.label().strip(),
                    survey.anonymous() ? null : blankToNull(r.email()),
                    actor.id(),
                    now);
            links.add(store.link(h, id).orElseThrow());
            tokens.add(token);
          }
          audit.record(
              h,
              survey
                  .item()
                  .change(
                      actor.id(),
                      "survey.links_created",
                      "made "
                          + links.size()
                          + (links.size() == 1 ? " personal link" : " personal links")
                          + " to "
                          + survey.item().label(),
                      null,
                      Map.of("links", links.size())));
          return new NewLinks(links, tokens, survey.productSlug(), survey.publicCode());
        });
  }

  /** The personal links of a survey, newest first, for its editors. */
  public List<SurveyLink> links(User actor, String ref) {
    return db.read(
        h -> store.links(h, surveyAccess(h, actor, ref).require(Role.EDITOR, "see links").id()));
  }

  /** Revokes a personal link: from now on it answers "not valid". Revoking twice is harmless. */
  public SurveyLink revokeLink(User actor, String ref, long linkId) {
    return db.tx(
        h -> {
          ItemAccess access = surveyAccess(h, actor, ref).require(Role.EDITOR, "revoke links");
          SurveyLink link =
              store
                  .link(h, linkId)
                  .filter(l -> l.surveyId() == access.id())
                  .orElseThrow(() -> new NotFound("survey link"));
          if (store.revokeToken(h, linkId, clock.instant())) {
            audit.record(
                h,
                access
                    .item()
                    .change(
                        actor.id(),
                        "survey.link_revoked",
                        "revoked a personal link to " + access.item().label(),
                        Map.of("link", linkId),
                        null));
          }
          return store.link(h, link.id()).orElseThrow();
        });
  }

  // ---- Rules ------------------------------------------------------------------------------------

  /**
   * Checks a whole survey; an {@link Invalid} listing every broken rule at once. {@code self} is
   * the survey being changed (null when creating).
   */
  private Checked check(String productName, SurveyDraft d, Survey self) {
    Validation v = new Validation();
    String title = d.title() == null ? null : d.title().strip();
    v.text("title", title, MAX_TITLE).optionalText("description", d.description(), MAX_DESCRIPTION);
    SurveyStatus status = SurveyStatus.DRAFT;
    if (d.status() != null && !d.status().isBlank()) {
      try {
        status = SurveyStatus.parse("status", d.status());
      } catch (Invalid e) {
        v.check("status", false, e.reasonFor("status"));
      }
    }
    List<Question> questions = questions(productName, d.questions(), v);
    v.check(
        "questions",
        status == SurveyStatus.DRAFT || !d.questions().isEmpty(),
        "needs at least one question before the survey opens");
    if (self != null && self.responses() > 0) {
      String already =
          self.responses() + (self.responses() == 1 ? " response" : " responses") + " already";
      if (!v.has("questions") && !sameQuestions(self.questions(), questions)) {
        v.check(
            "questions",
            false,
            "cannot change: the survey has "
                + already
                + ", and every answer must keep meaning what it answered. Make a new survey"
                + " for new questions.");
      }
      v.check(
          "anonymous",
          self.anonymous() == d.anonymous(),
          "cannot change: the survey has " + already + " given under the current promise");
    }
    v.orThrow();
    return new Checked(
        title,
        new SurveyStore.Row(d.description().strip(), status, d.anonymous(), d.openLink()),
        questions);
  }

  private static List<Question> questions(
      String productName, List<QuestionDraft> drafts, Validation v) {
    v.check(
        "questions",
        drafts.size() <= MAX_QUESTIONS,
        "may list at most " + MAX_QUESTIONS + " questions");
    List<Question> out = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      QuestionDraft q = drafts.get(i);
      String at = "questions[" + i + "].";
      if (q == null) {
        v.check("questions[" + i + "]", false, "must be a question with a type");
        continue;
      }
      QuestionType type = QuestionType.parse(q.type()).orElse(null);
      if (type == null) {
        v.check(
            at + "type",
            false,
            "must be one of nps, csat, ces, rating, single, multiple, text, kano");
        continue;
      }
      Question checked = question(productName, type, q, at, v);
      if (checked != null) {
        out.add(checked);
      }
    }
    return out;
  }

  private static Question question(
      String productName, QuestionType type, QuestionDraft q, String at, Validation v) {
    String feature = q.feature().strip();
    if (type == QuestionType.KANO) {
      v.text(at + "feature", feature, MAX_OPTION)
          .check(at + "feature", feature.indexOf('\n') < 0, "must be one line");
    } else {
      v.check(at + "feature", feature.isEmpty(), "is only for Kano pairs");
      v.check(
          at + "dysfunctional_prompt", q.dysfunctionalPrompt().isBlank(), "is only for Kano pairs");
    }
    String subject = type == QuestionType.KANO ? feature : productName;
    String prompt = q.prompt().strip();
    if (prompt.isEmpty()) {
      prompt = type.defaultPrompt(subject);
    }
    v.text(at + "prompt", prompt, MAX_PROMPT);
    String dysfunctional = q.dysfunctionalPrompt().strip();
    if (type == QuestionType.KANO) {
      if (dysfunctional.isEmpty()) {
        dysfunctional =
            String.format(java.util.Locale.ROOT, QuestionType.KANO_DYSFUNCTIONAL, subject);
      }
      v.optionalText(at + "dysfunctional_prompt", dysfunctional, MAX_PROMPT);
    }
    List<String> options = new ArrayList<>();
    if (type.choice()) {
      Set<String> seen = new HashSet<>();
      for (String o : q.options()) {
        String clean = o == null ? "" : o.strip();
        if (clean.isEmpty()) {
          continue;
        }
        v.optionalText(at + "options", clean, MAX_OPTION)
            .check(at + "options", clean.indexOf('\n') < 0, "are one line each")
            .check(
                at + "options",
                seen.add(clean.toLowerCase(java.util.Locale.ROOT)),
                "must differ from each other; \u201c" + clean + "\u201d is there twice");
        options.add(clean);
      }
      v.check(at + "options", options.size() >= 2, "needs at least two choices")
          .check(
              at + "options",
              options.size() <= MAX_OPTIONS,
              "may list at most " + MAX_OPTIONS + " choices");
    } else {
      v.check(
          at + "options",
          q.options().stream().allMatch(o -> o == null || o.isBlank()),
          "are only for single and multiple choice questions");
    }
    int scale = 0;
    if (type == QuestionType.RATING) {
      scale = q.scale() == null ? DEFAULT_RATING_SCALE : q.scale();
      v.check(
          at + "scale",
          scale >= MIN_RATING_SCALE && scale <= MAX_RATING_SCALE,
          "must be from " + MIN_RATING_SCALE + " to " + MAX_RATING_SCALE);
    } else {
      v.check(at + "scale", q.scale() == null, "is only for rating questions");
    }
    return new Question(
        0,
        type,
        prompt,
        q.required(),
        options,
        scale,
        type == QuestionType.KANO ? feature : "",
        type == QuestionType.KANO ? dysfunctional : "");
  }

  /** Whether two lists hold the same questions (ids aside). */
  static boolean sameQuestions(List<Question> a, List<Question> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Question x = a.get(i);
      Question y = b.get(i);
      if (x.type() != y.type()
          || !x.prompt().equals(y.prompt())
          || x.required() != y.required()
          || !x.options().equals(y.options())
          || x.scale() != y.scale()
          || !x.feature().equals(y.feature())
          || !x.dysfunctionalPrompt().equals(y.dysfunctionalPrompt())) {
        return false;
      }
    }
    return true;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  // ---- The audit trail --------------------------------------------------------------------------

  private static Map<String, Object> fields(
      String title, SurveyStore.Row row, List<Question> questions) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("status", row.status().id());
    m.put("anonymous", row.anonymous());
    m.put("open_link", row.openLink());
    m.put("description", row.description());
    m.put("questions", questions.stream().map(q -> q.type().id() + ": " + q.prompt()).toList());
    return m;
  }

  /** The time kept for an anonymous survey's answer: the day only, so it cannot be matched. */
  static Instant anonymousTime(Instant at) {
    return at.truncatedTo(ChronoUnit.DAYS);
  }
}
