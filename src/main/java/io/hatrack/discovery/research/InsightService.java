package io.hatrack.discovery.research;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.LinkService;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.TagService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The insights of a product: a passage highlighted in a research session (its notes or its
 * transcript) with what the team makes of it, tags, and "supports" links to the work items it is
 * evidence for. A quote from a session must occur in that session; the insight then keeps its
 * study, session, segment, time and participant. Insights change with optimistic locking and are
 * deleted so that they can be restored. {@link #texts} hands their words to a search index.
 */
public final class InsightService {
  /** The kind of an insight in the entity table. */
  public static final String KIND = InsightStore.KIND;

  public static final int MAX_QUOTE = 5_000;
  public static final int MAX_NOTE = 20_000;
  public static final int MAX_SUPPORTS = 50;
  public static final int TITLE_LENGTH = 120;

  /** The most insights the board shows at once. */
  public static final int BOARD_LIMIT = 1_000;

  private final Database db;
  private final InsightStore store;
  private final ResearchStore research;
  private final StudyService studies;
  private final SessionService sessions;
  private final ProductService products;
  private final ItemService items;
  private final TagService tags;
  private final LinkService links;
  private final AuditLog audit;
  private final InsightSearch search;

  /** What the insights take from the rest of Hatrack. */
  public record Parts(
      Database db,
      ProductService products,
      ItemService items,
      TagService tags,
      LinkService links,
      AuditLog audit,
      InsightSearch search) {}

  public InsightService(
      Parts parts,
      InsightStore store,
      ResearchStore research,
      StudyService studies,
      SessionService sessions) {
    this.db = parts.db();
    this.products = parts.products();
    this.items = parts.items();
    this.tags = parts.tags();
    this.links = parts.links();
    this.audit = parts.audit();
    this.search = parts.search();
    this.store = store;
    this.research = research;
    this.studies = studies;
    this.sessions = sessions;
  }

  /** An insight with its tags and links, and the reader's access. */
  public record View(InsightView insight, ItemAccess access) {}

  /** A page of insights with the product as the reader sees it. */
  public record Listing(Slice<InsightView> slice, ProductAccess product) {}

  /** One column of the board: the insights carrying a tag (or none, when {@code tag} is null). */
  public record Column(String tag, List<InsightView> insights) {}

  /** The insights board: a column per tag, most used first, then the untagged ones. */
  public record Board(
      ProductAccess product, List<Column> columns, Column untagged, long total, Study study) {}

  public Insight create(User actor, String productRef, InsightDraft draft) {
    return db.tx(h -> create(h, actor, products.access(h, actor, productRef), draft));
  }

  /** Creates an insight with its tags and links inside the caller's transaction. */
  public Insight create(Handle h, User actor, ProductAccess product, InsightDraft draft) {
    product.require(Role.EDITOR, "create insights");
    String quote = checkQuote(draft.quote(), draft.note(), draft.supports());
    InsightStore.Source source = locate(h, actor, product, draft, quote);
    Item item = items.create(h, actor, product, KIND, title(quote));
    store.insert(h, item.id(), product.id(), quote, note(draft.note()), source);
    tags.set(h, actor, item, draft.tags());
    for (String target : draft.supports()) {
      if (!target.isBlank()) {
        links.add(h, actor, Long.toString(item.id()), target.strip(), LinkTypes.SUPPORTS.id());
      }
    }
    audit.record(
        h,
        item.change(
            actor.id(),
            "insight.created",
            "created the insight " + item.label(),
            null,
            Map.of("quote", quote)));
    search.refresh(h, item.id());
    return store.byId(h, item.id()).orElseThrow();
  }

  public View get(User actor, String ref) {
    return db.read(
        h -> {
          ItemAccess access = access(h, actor, ref, false);
          return new View(
              views(h, List.of(store.byId(h, access.id()).orElseThrow())).get(0), access);
        });
  }

  /**
   * The id of insight {@code ref} if it belongs to product {@code productRef} (deleted ones too
   * when {@code deletedToo}); otherwise not found. For addresses that name both.
   */
  public long idIn(User actor, String productRef, String ref, boolean deletedToo) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          ItemAccess access = access(h, actor, ref, deletedToo);
          if (!Objects.equals(access.item().productId(), product.id())) {
            throw new NotFound("insight");
          }
          return access.id();
        });
  }

  private ItemAccess access(Handle h, User actor, String ref, boolean deletedToo) {
    ItemAccess access =
        deletedToo ? items.accessIncludingDeleted(h, actor, ref) : items.access(h, actor, ref);
    if (!access.item().kind().equals(KIND)) {
      throw new NotFound("insight");
    }
    return access;
  }

  /** A page of a product's insights, newest first, of one study and with one tag when given. */
  public Listing list(
      User actor, String productRef, String studyRef, String tag, String cursor, int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    String tagName = tag == null || tag.isBlank() ? null : TagService.normalize("tag", tag);
    long offset =
        cursor == null || cursor.isBlank() ? 0 : Math.max(0, Cursor.decode(cursor.trim(), 1)[0]);
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          Long studyId = study(h, actor, product, studyRef).map(Study::id).orElse(null);
          List<Insight> rows = store.list(h, product.id(), studyId, tagName, offset, limit + 1);
          boolean more = rows.size() > limit;
          return new Listing(
              new Slice<>(
                  views(h, more ? rows.subList(0, limit) : rows),
                  store.count(h, product.id(), studyId, tagName),
                  more ? Cursor.encode(offset + limit) : null),
              product);
        });
  }

  /** The board of a product's insights grouped by tag, of one study when given. */
  public Board board(User actor, String productRef, String studyRef) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          Optional<Study> study = study(h, actor, product, studyRef);
          Long studyId = study.map(Study::id).orElse(null);
          List<InsightView> all =
              views(h, store.list(h, product.id(), studyId, null, 0, BOARD_LIMIT));
          Map<String, List<InsightView>> byTag = new LinkedHashMap<>();
          List<InsightView> untagged = new ArrayList<>();
          for (InsightView v : all) {
            if (v.tags().isEmpty()) {
              untagged.add(v);
            }
            for (String t : v.tags()) {
              byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(v);
            }
          }
          List<Column> columns =
              byTag.entrySet().stream()
                  .map(e -> new Column(e.getKey(), e.getValue()))
                  .sorted(
                      Comparator.comparingInt((Column c) -> -c.insights().size())
                          .thenComparing(Column::tag))
                  .toList();
          return new Board(
              product,
              columns,
              new Column(null, untagged),
              store.count(h, product.id(), studyId, null),
              study.orElse(null));
        });
  }

  private Optional<Study> study(Handle h, User actor, ProductAccess product, String studyRef) {
    if (studyRef == null || studyRef.isBlank()) {
      return Optional.empty();
    }
    ItemAccess access;
    try {
      access = studies.access(h, actor, studyRef.strip(), false);
    } catch (NotFound e) {
      throw Invalid.field("study", "no study " + studyRef.strip() + " in this product");
    }
    if (!Objects.equals(access.item().productId(), product.id())) {
      throw Invalid.field("study", "no study " + studyRef.strip() + " in this product");
    }
    return research.study(h, access.id());
  }

  /**
   * Changes an insight's quote, note and (when not null) tags if it is still at {@code
   * expectedVersion}. A quote from a session must still occur in it.
   */
  public Insight update(
      User actor,
      String ref,
      long expectedVersion,
      String quote,
      String note,
      List<String> tagNames) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref, false).require(Role.EDITOR, "change insights");
          Insight before = store.byId(h, access.id()).orElseThrow();
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This insight", expectedVersion, before.version());
          }
          String q = checkQuote(quote, note, List.of());
          InsightStore.Source source = sourceOf(before);
          if (!q.equals(before.quote()) && before.sessionId() != null) {
            ProductAccess product =
                products.access(h, actor, Long.toString(before.item().productId()));
            source =
                locate(
                    h,
                    actor,
                    product,
                    new InsightDraft(
                        q,
                        note,
                        before.studyId(),
                        before.sessionId(),
                        before.source(),
                        before.segment(),
                        before.participantId(),
                        null,
                        null),
                    q);
          }
          items.bump(h, actor, before.item(), expectedVersion, title(q));
          store.update(h, before.id(), q, note(note), source);
          if (tagNames != null) {
            tags.set(h, actor, before.item(), tagNames);
          }
          Map<String, Object> was = new LinkedHashMap<>();
          Map<String, Object> now = new LinkedHashMap<>();
          if (!q.equals(before.quote())) {
            was.put("quote", before.quote());
            now.put("quote", q);
          }
          if (!note(note).equals(before.note())) {
            was.put("note", before.note());
            now.put("note", note(note));
          }
          audit.record(
              h,
              before
                  .item()
                  .change(
                      actor.id(),
                      "insight.updated",
                      "edited the insight " + before.item().label(),
                      was,
                      now));
          search.refresh(h, before.id());
          return store.byId(h, before.id()).orElseThrow();
        });
  }

  public void delete(User actor, String ref, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access = access(h, actor, ref, false);
          items.delete(h, actor, access, expectedVersion);
          audit.record(
              h,
              access
                  .item()
                  .change(
                      actor.id(),
                      "insight.deleted",
                      "deleted the insight " + access.item().label(),
                      Map.of("title", access.item().title()),
                      null));
          search.refresh(h, access.id());
        });
  }

  public Insight restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref, true);
          Item item = items.restore(h, actor, access);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "insight.restored",
                  "restored the insight " + item.label(),
                  null,
                  Map.of("title", item.title())));
          search.refresh(h, item.id());
          return store.byId(h, item.id()).orElseThrow();
        });
  }

  /** Links the insight to an item it is evidence for ("supports"). */
  public Link support(User actor, String ref, String targetRef) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref, false).require(Role.EDITOR, "link insights");
          return links.add(
              h, actor, Long.toString(access.id()), targetRef, LinkTypes.SUPPORTS.id());
        });
  }

  /** Removes one of the insight's links. */
  public void unsupport(User actor, String ref, long linkId) {
    boolean mine =
        get(actor, ref).insight().supports().stream().anyMatch(s -> s.linkId() == linkId);
    if (!mine) {
      throw new NotFound("link");
    }
    links.remove(actor, linkId);
  }

  /**
   * The words of live insights of every product, by id after {@code afterId}, at most {@code
   * limit}: for a search index, which reads them page by page without an acting user.
   */
  public List<InsightText> texts(long afterId, int limit) {
    return db.read(
        h -> {
          List<Insight> rows = store.after(h, afterId, Math.max(1, Math.min(limit, 10_000)));
          Map<Long, List<String>> tagged =
              tags.forItems(h, rows.stream().map(Insight::id).toList());
          return rows.stream().map(i -> text(i, tagged.getOrDefault(i.id(), List.of()))).toList();
        });
  }

  /** The words of one insight, empty when it is gone or deleted: for updating a search index. */
  public Optional<InsightText> text(long id) {
    return db.read(
        h ->
            store
                .byId(h, id)
                .filter(i -> !i.item().deleted())
                .map(i -> text(i, tags.forItems(h, List.of(id)).getOrDefault(id, List.of()))));
  }

  private static InsightText text(Insight i, List<String> tagNames) {
    String words = i.note().isBlank() ? i.quote() : i.quote() + "\n\n" + i.note();
    return new InsightText(i.id(), i.item().productId(), i.key(), words, tagNames);
  }

  private List<InsightView> views(Handle h, List<Insight> rows) {
    List<Long> ids = rows.stream().map(Insight::id).toList();
    Map<Long, List<String>> tagged = tags.forItems(h, ids);
    Map<Long, List<InsightView.Supported>> supported = store.supports(h, ids);
    return rows.stream()
        .map(
            i ->
                new InsightView(
                    i,
                    tagged.getOrDefault(i.id(), List.of()),
                    supported.getOrDefault(i.id(), List.of())))
        .toList();
  }

  // ---- Checking where a quote comes from --------------------------------------------------------

  private static String checkQuote(String quote, String note, List<String> supports) {
    String q = quote == null ? null : NotesText.squeeze(quote);
    new Validation()
        .text("quote", q, MAX_QUOTE)
        .optionalText("note", note, MAX_NOTE)
        .check(
            "supports",
            supports.size() <= MAX_SUPPORTS,
            "an insight supports at most " + MAX_SUPPORTS + " items")
        .orThrow();
    return q;
  }

  private static String note(String note) {
    return note == null ? "" : note.strip();
  }

  private static String title(String quote) {
    return quote.length() <= TITLE_LENGTH
        ? quote
        : quote.substring(0, TITLE_LENGTH).replaceAll("\\s+\\S*$", "") + "\u2026";
  }

  private static InsightStore.Source sourceOf(Insight i) {
    return new InsightStore.Source(
        i.studyId(),
        i.sessionId(),
        i.source(),
        i.segment(),
        i.startOffset(),
        i.endOffset(),
        i.startMs(),
        i.participantId());
  }

  /** Where the quote of {@code d} comes from, checked against the session it names. */
  private InsightStore.Source locate(
      Handle h, User actor, ProductAccess product, InsightDraft d, String quote) {
    if (d.sessionId() == null) {
      if (d.studyId() == null) {
        if (d.participantId() != null) {
          throw Invalid.field("participant_id", "needs the study or session of the participant");
        }
        return InsightStore.Source.NONE;
      }
      ItemAccess study = studyOf(h, actor, product, d.studyId(), "study_id");
      Long participant = d.participantId();
      if (participant != null && research.participant(h, study.id(), participant).isEmpty()) {
        throw Invalid.field("participant_id", "is not a participant of that study");
      }
      return new InsightStore.Source(study.id(), null, null, null, null, null, null, participant);
    }
    long studyId =
        research
            .sessionStudy(h, d.sessionId())
            .orElseThrow(() -> Invalid.field("session_id", "no such session in this product"));
    ItemAccess study = studyOf(h, actor, product, studyId, "session_id");
    SessionService.View view = sessions.view(h, study, d.sessionId());
    String where = d.source() == null ? "" : d.source().strip();
    if (!where.isEmpty() && !where.equals("notes") && !where.equals("transcript")) {
      throw Invalid.field("source", "must be notes or transcript");
    }
    Placement placed = null;
    if (!where.equals("transcript") && inNotes(view.session().notes(), quote)) {
      placed = new Placement("notes", null, null, null, null);
    }
    if (placed == null && !where.equals("notes")) {
      placed = inTranscript(view.segments(), d.segment(), quote);
    }
    if (placed == null) {
      throw Invalid.field(
          "quote",
          "does not occur in the session's "
              + (where.isEmpty() ? "notes or transcript" : where)
              + "; copy it exactly as it is written there");
    }
    Long participant = participant(h, study, view, d.participantId(), placed.speaker());
    return new InsightStore.Source(
        study.id(),
        d.sessionId(),
        placed.source(),
        placed.segment(),
        placed.start(),
        placed.end(),
        placed.startMs(),
        participant);
  }

  private ItemAccess studyOf(
      Handle h, User actor, ProductAccess product, long studyId, String field) {
    ItemAccess study;
    try {
      study = studies.access(h, actor, Long.toString(studyId), false);
    } catch (NotFound e) {
      throw Invalid.field(field, "no such " + field.replace("_id", "") + " in this product");
    }
    if (!Objects.equals(study.item().productId(), product.id())) {
      throw Invalid.field(field, "no such " + field.replace("_id", "") + " in this product");
    }
    return study;
  }

  /** Where in a session a quote was found. */
  private record Placement(
      String source, Integer segment, Integer start, Integer end, Long startMs, String speaker) {
    Placement(String source, Integer segment, Integer start, Integer end, Long startMs) {
      this(source, segment, start, end, startMs, null);
    }
  }

  private static boolean inNotes(String notes, String quote) {
    return NotesText.squeeze(NotesText.plain(notes)).contains(quote)
        || NotesText.squeeze(notes).contains(quote);
  }

  private static Placement inTranscript(List<Segment> segments, Integer hint, String quote) {
    if (hint != null && hint >= 0 && hint < segments.size()) {
      Placement p = inSegment(segments.get(hint), quote);
      if (p != null) {
        return p;
      }
    }
    for (Segment s : segments) {
      Placement p = inSegment(s, quote);
      if (p != null) {
        return p;
      }
    }
    // A passage across segments: where it starts, without offsets.
    StringBuilder joined = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    for (Segment s : segments) {
      if (joined.length() > 0) {
        joined.append(' ');
      }
      starts.add(joined.length());
      joined.append(NotesText.squeeze(s.text()));
    }
    int at = joined.indexOf(quote);
    if (at < 0) {
      return null;
    }
    int i = 0;
    while (i + 1 < starts.size() && starts.get(i + 1) <= at) {
      i++;
    }
    Segment first = segments.get(i);
    return new Placement(
        "transcript", first.position(), null, null, first.startMs(), first.speaker());
  }

  private static Placement inSegment(Segment s, String quote) {
    int at = NotesText.squeeze(s.text()).indexOf(quote);
    return at < 0
        ? null
        : new Placement(
            "transcript", s.position(), at, at + quote.length(), s.startMs(), s.speaker());
  }

  /** The participant given, else the one the speaker names, else the session's only one. */
  private Long participant(
      Handle h, ItemAccess study, SessionService.View view, Long given, String speaker) {
    if (given != null) {
      if (research.participant(h, study.id(), given).isEmpty()) {
        throw Invalid.field("participant_id", "is not a participant of that study");
      }
      return given;
    }
    List<Participant> present = view.session().participants();
    if (speaker != null) {
      List<Participant> everyone = new ArrayList<>(present);
      everyone.addAll(research.participants(h, study.id()));
      for (Participant p : everyone) {
        String name = p.name().toLowerCase(java.util.Locale.ROOT);
        String said = speaker.toLowerCase(java.util.Locale.ROOT);
        if (name.equals(said) || name.startsWith(said + " ")) {
          return p.id();
        }
      }
      return null;
    }
    return present.size() == 1 ? present.get(0).id() : null;
  }
}
