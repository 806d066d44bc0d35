package io.hatrack.kernel.work;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Tags on any item. A tag belongs to the workspace; names are lowercase words such as {@code
 * mobile} or {@code q1-launch}, so that {@code Mobile} and {@code mobile} are one tag.
 */
public final class TagService {
  private static final Pattern NAME =
      Pattern.compile("^[\\p{Ll}\\p{Lo}0-9][\\p{Ll}\\p{Lo}0-9 ._-]{0,39}$");

  private final Database db;
  private final TagStore tags;
  private final ItemService items;
  private final AuditLog audit;
  private final Clock clock;

  public TagService(Database db, TagStore tags, ItemService items, AuditLog audit, Clock clock) {
    this.db = db;
    this.tags = tags;
    this.items = items;
    this.audit = audit;
    this.clock = clock;
  }

  /** The canonical form of a tag name, or an {@link Invalid} naming {@code field}. */
  public static String normalize(String field, String name) {
    String normalized =
        name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (!NAME.matcher(normalized).matches()) {
      throw Invalid.field(
          field, "a tag is 1-40 letters, digits, spaces, dots, dashes or underscores");
    }
    return normalized;
  }

  public List<String> list(User actor, String itemRef) {
    return db.read(h -> tags.forItem(h, items.access(h, actor, itemRef).id()));
  }

  /**
   * The tags of items a page already shows (the caller has checked that the reader may see them),
   * read in one go inside the caller's transaction: item id to tag names.
   */
  public Map<Long, List<String>> forItems(Handle h, Collection<Long> itemIds) {
    return tags.forItems(h, itemIds);
  }

  /** Sets exactly these tags on the item (adding and removing as needed); returns them. */
  public List<String> set(User actor, String itemRef, List<String> names) {
    Set<String> wanted = wanted(names);
    return db.tx(
        h -> {
          ItemAccess access = items.access(h, actor, itemRef).require(Role.EDITOR, "tag items");
          return set(h, actor, access.item(), wanted);
        });
  }

  /**
   * Puts tags on many new items of one workspace at once (an import), inside the caller's
   * transaction: each tag is made once, and the items are tagged in one batch. The names must be
   * {@linkplain #normalize normalized}; the items' creation is their audit record.
   */
  public void tagAll(Handle h, long workspaceId, Map<Long, List<String>> namesByItem) {
    Map<String, Long> ids = new java.util.HashMap<>();
    var batch =
        h.prepareBatch(
            "INSERT INTO entity_tag (entity_id, tag_id) VALUES (:item, :tag)"
                + " ON CONFLICT (entity_id, tag_id) DO NOTHING");
    int added = 0;
    for (var e : namesByItem.entrySet()) {
      for (String name : e.getValue()) {
        long tag = ids.computeIfAbsent(name, n -> tags.ensure(h, workspaceId, n, clock.instant()));
        batch.bind("item", e.getKey()).bind("tag", tag).add();
        added++;
      }
    }
    if (added > 0) {
      batch.execute();
    }
  }

  /**
   * Sets exactly these tags on an item the caller may edit, inside the caller's transaction (a hat
   * creating an item with its tags uses this, so that the item and its tags are saved together).
   */
  public List<String> set(Handle h, User actor, Item item, List<String> names) {
    return set(h, actor, item, wanted(names));
  }

  private static Set<String> wanted(List<String> names) {
    Set<String> wanted = new LinkedHashSet<>();
    List<String> given = names == null ? List.of() : names;
    for (int i = 0; i < given.size(); i++) {
      wanted.add(normalize("tags[" + i + "]", given.get(i)));
    }
    if (wanted.size() > 50) {
      throw Invalid.field("tags", "an item carries at most 50 tags");
    }
    return wanted;
  }

  private List<String> set(Handle h, User actor, Item item, Set<String> wanted) {
    List<String> before = tags.forItem(h, item.id());
    for (String old : before) {
      if (!wanted.contains(old)) {
        tags.detach(h, item.id(), item.workspaceId(), old);
      }
    }
    for (String name : wanted) {
      tags.attach(h, item.id(), tags.ensure(h, item.workspaceId(), name, clock.instant()));
    }
    List<String> after = tags.forItem(h, item.id());
    if (!after.equals(before)) {
      audit.record(
          h,
          item.change(
              actor.id(),
              "tags.changed",
              "changed the tags of " + item.label(),
              Map.of("tags", before),
              Map.of("tags", after)));
    }
    return after;
  }

  /** Adds one tag; returns the item's tags. */
  public List<String> add(User actor, String itemRef, String name) {
    String tag = normalize("name", name);
    List<String> current = new ArrayList<>(list(actor, itemRef));
    if (!current.contains(tag)) {
      current.add(tag);
    }
    return set(actor, itemRef, current);
  }

  /** Removes one tag; returns the item's tags. */
  public List<String> remove(User actor, String itemRef, String name) {
    String tag = normalize("name", name);
    List<String> current = new ArrayList<>(list(actor, itemRef));
    current.remove(tag);
    return set(actor, itemRef, current);
  }

  /** The tags of a workspace with how many items carry each. */
  public List<TagStore.TagCount> inWorkspace(WorkspaceAccess ws) {
    return db.read(h -> tags.inWorkspace(h, ws.id()));
  }
}
