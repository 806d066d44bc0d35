package io.hatrack.kernel.audit;

import java.time.Instant;

/**
 * A recorded change as feeds and the audit log show it.
 *
 * @param itemTitle the title of the item it concerns, or null
 * @param itemKind the kind of that item, or null
 */
public record ActivityEntry(
    long id,
    Long workspaceId,
    Long productId,
    Long entityId,
    String itemTitle,
    String itemKind,
    Long actorId,
    String actorName,
    String action,
    String summary,
    String beforeJson,
    String afterJson,
    Instant at) {}
