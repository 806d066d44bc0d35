package io.hatrack.kernel.work;

import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.auth.UserStore;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
import java.util.List;

/** A person's notifications, and the items they watch. */
public final class NotificationService {
  private final Database db;
  private final NotificationStore notifications;
  private final WatcherStore watchers;
  private final UserStore users;
  private final ItemService items;
  private final Clock clock;

  public NotificationService(
      Database db,
      NotificationStore notifications,
      WatcherStore watchers,
      UserStore users,
      ItemService items,
      Clock clock) {
    this.db = db;
    this.notifications = notifications;
    this.watchers = watchers;
    this.users = users;
    this.items = items;
    this.clock = clock;
  }

  public List<Notification> list(User user, boolean unreadOnly, long before, int limit) {
    return db.read(h -> notifications.forUser(h, user.id(), unreadOnly, before, limit));
  }

  /** How many notifications the person has (only unread ones, if {@code unreadOnly}). */
  public long count(User user, boolean unreadOnly) {
    return db.read(h -> notifications.count(h, user.id(), unreadOnly));
  }

  public long unreadCount(User user) {
    return db.read(h -> notifications.unreadCount(h, user.id()));
  }

  public void markRead(User user, long id) {
    db.txVoid(h -> notifications.markRead(h, user.id(), id, clock.instant()));
  }

  public int markAllRead(User user) {
    return db.tx(h -> notifications.markAllRead(h, user.id(), clock.instant()));
  }

  /** Starts watching an item: its changes and comments will notify {@code user}. */
  public void watch(User user, String itemRef) {
    db.txVoid(h -> watchers.watch(h, items.access(h, user, itemRef).id(), user.id()));
  }

  public void unwatch(User user, String itemRef) {
    db.txVoid(h -> watchers.unwatch(h, items.access(h, user, itemRef).id(), user.id()));
  }

  public boolean watching(User user, String itemRef) {
    return db.read(h -> watchers.watches(h, items.access(h, user, itemRef).id(), user.id()));
  }

  /** The people watching an item. */
  public List<User> watchers(User actor, String itemRef) {
    return db.read(
        h -> {
          ItemAccess item = items.access(h, actor, itemRef);
          return users.byIds(h, watchers.watchers(h, item.id()));
        });
  }

  /** Checks that a notification exists for the user; unknown ids are not found. */
  public Notification get(User user, long id) {
    return list(user, false, id + 1, 1).stream()
        .filter(n -> n.id() == id)
        .findFirst()
        .orElseThrow(() -> new NotFound("notification"));
  }
}
