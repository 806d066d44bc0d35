package io.hatrack.kernel.work;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Typed links between any two items of one workspace. Adding or removing a link needs the editor
 * role; every {@link LinkRule} must agree to a new link.
 */
public final class LinkService {
  private final Database db;
  private final LinkStore links;
  private final LinkTypes types;
  private final List<LinkRule> rules;
  private final ItemService items;
  private final AuditLog audit;
  private final Clock clock;

  public LinkService(
      Database db,
      LinkStore links,
      LinkTypes types,
      List<LinkRule> rules,
      ItemService items,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.links = links;
    this.types = types;
    this.rules = List.copyOf(rules);
    this.items = items;
    this.audit = audit;
    this.clock = clock;
  }

  public LinkTypes types() {
    return types;
  }

  public List<Link> list(User actor, String itemRef) {
    return db.read(h -> links.forItem(h, items.access(h, actor, itemRef).id(), types));
  }

  /** Links {@code sourceRef} to {@code targetRef} with the type {@code typeId}. */
  public Link add(User actor, String sourceRef, String targetRef, String typeId) {
    LinkType type = type(typeId);
    requireTarget(targetRef);
    return db.tx(
        h -> {
          ItemAccess source = items.access(h, actor, sourceRef).require(Role.EDITOR, "link items");
          return add(h, actor, source, targetRef, type.id());
        });
  }

  /**
   * Links {@code sourceRef} to {@code targetRef} inside the caller's transaction (a hat creating an
   * item together with its links uses this, so that all of it is saved or none).
   */
  public Link add(Handle h, User actor, String sourceRef, String targetRef, String typeId) {
    ItemAccess source = items.access(h, actor, sourceRef).require(Role.EDITOR, "link items");
    return add(h, actor, source, targetRef, typeId);
  }

  /**
   * Links an item the caller may edit to {@code targetRef} inside the caller's transaction, so that
   * a hat can change its own row together with the link (feedback becomes "linked").
   */
  public Link add(Handle h, User actor, ItemAccess source, String targetRef, String typeId) {
    LinkType type = type(typeId);
    requireTarget(targetRef);
    source.require(Role.EDITOR, "link items");
    ItemAccess target;
    try {
      target = items.access(h, actor, targetRef.trim());
    } catch (NotFound e) {
      throw Invalid.field("target", "no item " + targetRef.trim() + " that you can see");
    }
    if (target.item().workspaceId() != source.item().workspaceId()) {
      throw Invalid.field("target", "must be in the same workspace");
    }
    if (target.id() == source.id()) {
      throw Invalid.field("target", "an item cannot link to itself");
    }
    if (exists(h, source.id(), target.id(), type.id())) {
      throw Conflict.state("These items are already linked this way.");
    }
    for (LinkRule rule : rules) {
      rule.check(h, type, source.item(), target.item());
    }
    long id =
        links.insert(
            h,
            source.item().workspaceId(),
            source.id(),
            target.id(),
            type.id(),
            actor.id(),
            clock.instant());
    Item s = source.item();
    audit.record(
        h,
        s.change(
            actor.id(),
            "link.added",
            "linked " + s.label() + " " + type.outward() + " " + target.item().label(),
            null,
            Map.of("link", id, "type", type.id(), "target", target.id())));
    return links.forItem(h, s.id(), types).stream()
        .filter(l -> l.id() == id && l.outgoing())
        .findFirst()
        .orElseThrow();
  }

  /** Whether the two items are linked with this type (either way for a symmetric type). */
  public boolean exists(Handle h, long sourceId, long targetId, String typeId) {
    LinkType type = type(typeId);
    return links.exists(h, sourceId, targetId, type.id())
        || (type.symmetric() && links.exists(h, targetId, sourceId, type.id()));
  }

  /** The links of an item the caller already has access to, inside the caller's transaction. */
  public List<Link> list(Handle h, long itemId) {
    return links.forItem(h, itemId, types);
  }

  private LinkType type(String typeId) {
    return types
        .byId(typeId == null ? "" : typeId)
        .orElseThrow(
            () ->
                Invalid.field(
                    "type",
                    "must be one of "
                        + String.join(", ", types.all().stream().map(LinkType::id).toList())));
  }

  private static void requireTarget(String targetRef) {
    if (targetRef == null || targetRef.isBlank()) {
      throw Invalid.field("target", "must name an item by id or key");
    }
  }

  /** Removes a link; either end's item names it. */
  public void remove(User actor, long linkId) {
    db.txVoid(h -> remove(h, actor, linkId));
  }

  /** Removes a link inside the caller's transaction. */
  public void remove(Handle h, User actor, long linkId) {
    LinkStore.Row row = links.byId(h, linkId).orElseThrow(() -> new NotFound("link"));
    ItemAccess source;
    try {
      source = items.access(h, actor, row.sourceId());
    } catch (NotFound e) {
      throw new NotFound("link");
    }
    source.require(Role.EDITOR, "unlink items");
    links.delete(h, linkId);
    Item s = source.item();
    audit.record(
        h,
        s.change(
            actor.id(),
            "link.removed",
            "removed a \u201c" + row.type() + "\u201d link from " + s.label(),
            Map.of("link", linkId, "type", row.type(), "target", row.targetId()),
            null));
  }
}
