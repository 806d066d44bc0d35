package io.hatrack.delivery.ceremonies;

import java.time.Instant;

/**
 * A card on a retrospective's board, with its vote total and the reader's own votes on it (who else
 * voted is never shown).
 *
 * @param column the column's position, from 0
 * @param authorId null on an anonymous retrospective
 */
public record RetroCard(
    long id,
    long retroId,
    int column,
    String text,
    Long authorId,
    String author,
    Long groupId,
    int votes,
    int myVotes,
    Instant createdAt,
    long version) {}
