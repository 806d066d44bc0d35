package io.hatrack.kernel.work;

import io.hatrack.kernel.audit.ActivityEntry;
import io.hatrack.kernel.audit.ActivityStore;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import java.util.List;

/** What happened, newest first: per item, product and workspace, and the full audit log. */
public final class ActivityFeed {
  /** One page of a feed and the number of entries in all. */
  public record FeedPage(List<ActivityEntry> entries, long total) {}

  private final Database db;
  private final ActivityStore activity;
  private final ItemService items;

  public ActivityFeed(Database db, ActivityStore activity, ItemService items) {
    this.db = db;
    this.activity = activity;
    this.items = items;
  }

  public List<ActivityEntry> forItem(User actor, String itemRef, long before, int limit) {
    return db.read(h -> activity.forEntity(h, items.access(h, actor, itemRef).id(), before, limit));
  }

  /** A page of an item's feed with the total, for the API. */
  public FeedPage pageForItem(User actor, String itemRef, long before, int limit) {
    return db.read(
        h -> {
          long id = items.access(h, actor, itemRef).id();
          return new FeedPage(
              activity.forEntity(h, id, before, limit), activity.count(h, "entity", id));
        });
  }

  public FeedPage pageForProduct(ProductAccess product, long before, int limit) {
    return db.read(
        h ->
            new FeedPage(
                activity.forProduct(h, product.id(), before, limit),
                activity.count(h, "product", product.id())));
  }

  public FeedPage pageForWorkspace(WorkspaceAccess ws, long before, int limit) {
    return db.read(
        h ->
            new FeedPage(
                activity.forWorkspace(h, ws.id(), before, limit),
                activity.count(h, "workspace", ws.id())));
  }

  public FeedPage pageForAudit(WorkspaceAccess ws, long before, int limit) {
    ws.require(Role.ADMIN, "read the audit log");
    return db.read(
        h ->
            new FeedPage(
                activity.auditLog(h, ws.id(), before, limit), activity.count(h, "audit", ws.id())));
  }

  public List<ActivityEntry> forProduct(ProductAccess product, long before, int limit) {
    return db.read(h -> activity.forProduct(h, product.id(), before, limit));
  }

  public List<ActivityEntry> forWorkspace(WorkspaceAccess ws, long before, int limit) {
    return db.read(h -> activity.forWorkspace(h, ws.id(), before, limit));
  }

  /** Every change in a workspace, with values before and after; for admins. */
  public List<ActivityEntry> auditLog(WorkspaceAccess ws, long before, int limit) {
    ws.require(Role.ADMIN, "read the audit log");
    return db.read(h -> activity.auditLog(h, ws.id(), before, limit));
  }

  /** Security events of one's own account. */
  public List<ActivityEntry> forAccount(User user, long before, int limit) {
    return db.read(h -> activity.forAccount(h, user.id(), before, limit));
  }
}
