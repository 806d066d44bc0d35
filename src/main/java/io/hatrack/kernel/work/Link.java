package io.hatrack.kernel.work;

import java.time.Instant;

/**
 * A typed link between two items, as seen from one of them.
 *
 * @param outgoing true when the item the link is listed for is the source
 * @param label how the link reads from that item, e.g. "depends on" or "blocks"
 * @param other the item at the other end
 */
public record Link(
    long id,
    String type,
    boolean outgoing,
    String label,
    Item other,
    long createdBy,
    Instant createdAt) {}
