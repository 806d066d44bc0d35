package io.hatrack.delivery.ceremonies;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A sprint review of a team on a day.
 *
 * @param sprint a free label of the sprint reviewed (e.g. "Sprint 14"), or null
 */
public record Review(
    long id,
    long teamId,
    LocalDate day,
    String title,
    String sprint,
    String notes,
    long createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
