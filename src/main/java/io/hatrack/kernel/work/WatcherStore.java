package io.hatrack.kernel.work;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for who watches which item. */
public final class WatcherStore {
  public void watch(Handle h, long itemId, long userId) {
    h.createUpdate(
            "INSERT INTO watcher (entity_id, user_id) VALUES (:item, :user)"
                + " ON CONFLICT (entity_id, user_id) DO NOTHING")
        .bind("item", itemId)
        .bind("user", userId)
        .execute();
  }

  /** One person watches many items (an import's), in one batch. */
  public void watchAll(Handle h, List<Long> itemIds, long userId) {
    var batch =
        h.prepareBatch(
            "INSERT INTO watcher (entity_id, user_id) VALUES (:item, :user)"
                + " ON CONFLICT (entity_id, user_id) DO NOTHING");
    for (long id : itemIds) {
      batch.bind("item", id).bind("user", userId).add();
    }
    if (!itemIds.isEmpty()) {
      batch.execute();
    }
  }

  public void unwatch(Handle h, long itemId, long userId) {
    h.createUpdate("DELETE FROM watcher WHERE entity_id = :item AND user_id = :user")
        .bind("item", itemId)
        .bind("user", userId)
        .execute();
  }

  public List<Long> watchers(Handle h, long itemId) {
    return h.createQuery("SELECT user_id FROM watcher WHERE entity_id = :item ORDER BY user_id")
        .bind("item", itemId)
        .mapTo(Long.class)
        .list();
  }

  public boolean watches(Handle h, long itemId, long userId) {
    return h.createQuery("SELECT COUNT(*) FROM watcher WHERE entity_id = :item AND user_id = :user")
            .bind("item", itemId)
            .bind("user", userId)
            .mapTo(Long.class)
            .one()
        > 0;
  }
}
