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
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The research studies of a product and their participants: creating, changing with optimistic
 * locking, deleting (a study can be restored) and listing. A study is an item of its product, with
 * a key such as {@code CHK-31}, so it can be linked, tagged and commented on. Its sessions are kept
 * by {@link SessionService}.
 */
public final class StudyService {
  /** The kind of a study in the entity table. */
  public static final String KIND = ResearchStore.KIND;

  private final Database db;
  private final ResearchStore store;
  private final ProductService products;
  private final ItemService items;
  private final AuditLog audit;
  private final Clock clock;

  public StudyService(
      Database db,
      ResearchStore store,
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

  /** A study with the reader's access and its participants. */
  public record View(Study study, ItemAccess access, List<Participant> participants) {}

  /** A page of a product's studies, with the product as the reader sees it. */
  public record Listing(Slice<StudySummary> slice, ProductAccess product) {}

  public Study create(User actor, String productRef, StudyDraft draft) {
    return db.tx(h -> create(h, actor, products.access(h, actor, productRef), draft));
  }

  /** Creates a study inside the caller's transaction (the demo uses this). */
  public Study create(Handle h, User actor, ProductAccess product, StudyDraft draft) {
    product.require(Role.EDITOR, "create studies");
    Checked.StudyFields f = Checked.study(draft);
    Item item = items.create(h, actor, product, KIND, f.title());
    store.insertStudy(h, item.id(), product.id(), f);
    audit.record(
        h,
        item.change(
            actor.id(), "study.created", "created the study " + item.label(), null, fields(f)));
    return store.study(h, item.id()).orElseThrow();
  }

  public View get(User actor, String ref) {
    return db.read(
        h -> {
          ItemAccess access = access(h, actor, ref, false);
          return new View(
              store.study(h, access.id()).orElseThrow(),
              access,
              store.participants(h, access.id()));
        });
  }

  /**
   * The id of study {@code ref} if it belongs to product {@code productRef} (deleted ones too when
   * {@code deletedToo}); otherwise not found. For addresses that name both.
   */
  public long idIn(User actor, String productRef, String ref, boolean deletedToo) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          ItemAccess access = access(h, actor, ref, deletedToo);
          if (!Objects.equals(access.item().productId(), product.id())) {
            throw new NotFound("study");
          }
          return access.id();
        });
  }

  /** The live study {@code ref} as the actor may see it; a study of another kind is not found. */
  ItemAccess access(Handle h, User actor, String ref, boolean deletedToo) {
    ItemAccess access =
        deletedToo ? items.accessIncludingDeleted(h, actor, ref) : items.access(h, actor, ref);
    if (!access.item().kind().equals(KIND)) {
      throw new NotFound("study");
    }
    return access;
  }

  /** A page of a product's studies: running first, then planned, then done; recent first. */
  public Listing list(User actor, String productRef, String cursor, int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    long offset =
        cursor == null || cursor.isBlank() ? 0 : Math.max(0, Cursor.decode(cursor.trim(), 1)[0]);
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<StudySummary> rows = store.studies(h, product.id(), offset, limit + 1);
          boolean more = rows.size() > limit;
          return new Listing(
              new Slice<>(
                  more ? rows.subList(0, limit) : rows,
                  items.liveCount(h, product.id(), KIND),
                  more ? Cursor.encode(offset + limit) : null),
              product);
        });
  }

  /** Replaces a study's fields if it is still at {@code expectedVersion}. */
  public Study update(User actor, String ref, long expectedVersion, StudyDraft draft) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref, false).require(Role.EDITOR, "change studies");
          Study before = store.study(h, access.id()).orElseThrow();
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This study", expectedVersion, before.version());
          }
          Checked.StudyFields f = Checked.study(draft);
          items.bump(h, actor, before.item(), expectedVersion, f.title());
          store.updateStudy(h, before.id(), f);
          Map<String, Object> was =
              fields(
                  new Checked.StudyFields(
                      before.title(),
                      before.goals(),
                      before.status(),
                      before.startsOn(),
                      before.endsOn()));
          Map<String, Object> now = fields(f);
          Map<String, Object> changedBefore = new LinkedHashMap<>();
          Map<String, Object> changedAfter = new LinkedHashMap<>();
          for (String field : now.keySet()) {
            if (!Objects.equals(was.get(field), now.get(field))) {
              changedBefore.put(field, was.get(field));
              changedAfter.put(field, now.get(field));
            }
          }
          Study after = store.study(h, before.id()).orElseThrow();
          audit.record(
              h,
              before
                  .item()
                  .change(
                      actor.id(),
                      "study.updated",
                      "edited the study " + after.item().label(),
                      changedBefore,
                      changedAfter));
          return after;
        });
  }

  /** Deletes a study so that it can be restored; its sessions and insights stay with it. */
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
                      "study.deleted",
                      "deleted the study " + access.item().label(),
                      Map.of("title", access.item().title()),
                      null));
        });
  }

  public Study restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = access(h, actor, ref, true);
          Item item = items.restore(h, actor, access);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "study.restored",
                  "restored the study " + item.label(),
                  null,
                  Map.of("title", item.title())));
          return store.study(h, item.id()).orElseThrow();
        });
  }

  // ---- Participants -----------------------------------------------------------------------------

  public List<Participant> participants(User actor, String studyRef) {
    return db.read(h -> store.participants(h, access(h, actor, studyRef, false).id()));
  }

  public Participant participant(User actor, String studyRef, long participantId) {
    return db.read(
        h ->
            store
                .participant(h, access(h, actor, studyRef, false).id(), participantId)
                .orElseThrow(() -> new NotFound("participant")));
  }

  public Participant addParticipant(User actor, String studyRef, ParticipantDraft draft) {
    return db.tx(h -> addParticipant(h, actor, studyRef, draft));
  }

  /** Adds a participant inside the caller's transaction (the demo uses this). */
  public Participant addParticipant(Handle h, User actor, String studyRef, ParticipantDraft draft) {
    ItemAccess access = access(h, actor, studyRef, false).require(Role.EDITOR, "add participants");
    if (store.participants(h, access.id()).size() >= Checked.MAX_PARTICIPANTS) {
      throw Invalid.field(
          "name", "a study has at most " + Checked.MAX_PARTICIPANTS + " participants");
    }
    Checked.ParticipantFields p = resolve(h, access, Checked.participant(draft));
    long id = store.insertParticipant(h, access.id(), p, clock.instant());
    audit.record(
        h,
        access
            .item()
            .change(
                actor.id(),
                "study.participant.added",
                "added " + p.name() + " to the study " + access.item().label(),
                null,
                Map.of("participant", id, "name", p.name())));
    return store.participant(h, access.id(), id).orElseThrow();
  }

  public Participant updateParticipant(
      User actor, String studyRef, long participantId, long expectedVersion, ParticipantDraft d) {
    return db.tx(
        h -> {
          ItemAccess access =
              access(h, actor, studyRef, false).require(Role.EDITOR, "change participants");
          Participant before =
              store
                  .participant(h, access.id(), participantId)
                  .orElseThrow(() -> new NotFound("participant"));
          Checked.ParticipantFields p = resolve(h, access, Checked.participant(d));
          if (!store.updateParticipant(h, participantId, expectedVersion, p)) {
            throw Conflict.staleVersion("This participant", expectedVersion, before.version());
          }
          audit.record(
              h,
              access
                  .item()
                  .change(
                      actor.id(),
                      "study.participant.updated",
                      "edited the participant " + p.name() + " of " + access.item().label(),
                      Map.of("name", before.name(), "role", before.role()),
                      Map.of("name", p.name(), "role", p.role())));
          return store.participant(h, access.id(), participantId).orElseThrow();
        });
  }

  /** Removes a participant; the sessions and insights that named them keep everything else. */
  public void removeParticipant(
      User actor, String studyRef, long participantId, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access =
              access(h, actor, studyRef, false).require(Role.EDITOR, "remove participants");
          Participant before =
              store
                  .participant(h, access.id(), participantId)
                  .orElseThrow(() -> new NotFound("participant"));
          if (!store.deleteParticipant(h, participantId, expectedVersion)) {
            throw Conflict.staleVersion("This participant", expectedVersion, before.version());
          }
          audit.record(
              h,
              access
                  .item()
                  .change(
                      actor.id(),
                      "study.participant.removed",
                      "removed " + before.name() + " from the study " + access.item().label(),
                      Map.of("participant", participantId, "name", before.name()),
                      null));
        });
  }

  /** The customers of the product's workspace with their contacts, to choose participants from. */
  public List<CustomerChoice> customerChoices(User actor, String productRef) {
    return db.read(
        h ->
            store.customerChoices(
                h, products.access(h, actor, productRef).workspace().id(), 2_000));
  }

  /** Checks the customer and contact against the workspace; a contact lends its name. */
  private Checked.ParticipantFields resolve(
      Handle h, ItemAccess study, Checked.ParticipantFields p) {
    if (p.customerId() != null && !store.isCustomer(h, study.workspace().id(), p.customerId())) {
      throw Invalid.field("customer_id", "is not a customer of this workspace");
    }
    if (p.contactId() == null) {
      return p;
    }
    String contact =
        store
            .contactName(h, p.customerId(), p.contactId())
            .orElseThrow(() -> Invalid.field("contact_id", "is not a contact of that customer"));
    return new Checked.ParticipantFields(
        p.name().isEmpty() ? contact : p.name(),
        p.customerId(),
        p.contactId(),
        p.role(),
        p.notes());
  }

  private static Map<String, Object> fields(Checked.StudyFields f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", f.title());
    m.put("goals", f.goals());
    m.put("status", f.status().id());
    m.put("starts_on", f.startsOn() == null ? null : f.startsOn().toString());
    m.put("ends_on", f.endsOn() == null ? null : f.endsOn().toString());
    return m;
  }
}
