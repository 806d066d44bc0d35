package io.hatrack.kernel.work;

import io.hatrack.kernel.auth.User;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Tells people about changes, inside the transaction that makes the change: mentioned members get a
 * "mention" notification, watchers of the item a "watching" one, and nobody is told twice or about
 * their own doing.
 */
public final class Notifier {
  private final NotificationStore notifications;
  private final WatcherStore watchers;
  private final WorkspaceStore workspaces;
  private final Clock clock;

  public Notifier(
      NotificationStore notifications,
      WatcherStore watchers,
      WorkspaceStore workspaces,
      Clock clock) {
    this.notifications = notifications;
    this.watchers = watchers;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  /** Notifies the members mentioned in {@code handles} (except the actor). Returns who was told. */
  public Set<Long> mentioned(
      Handle h, Item item, User actor, Collection<String> handles, String summary) {
    Set<Long> told = new HashSet<>();
    for (User user : workspaces.membersByHandle(h, item.workspaceId(), List.copyOf(handles))) {
      if (user.id() != actor.id() && told.add(user.id())) {
        notifications.insert(
            h,
            user.id(),
            item.workspaceId(),
            item.id(),
            actor.id(),
            "mention",
            summary,
            clock.instant());
      }
    }
    return told;
  }

  /** Notifies the item's watchers (except the actor and those in {@code alreadyTold}). */
  public void watchers(Handle h, Item item, User actor, String summary, Set<Long> alreadyTold) {
    for (long userId : watchers.watchers(h, item.id())) {
      if (userId != actor.id() && !alreadyTold.contains(userId)) {
        notifications.insert(
            h,
            userId,
            item.workspaceId(),
            item.id(),
            actor.id(),
            "watching",
            summary,
            clock.instant());
      }
    }
  }
}
