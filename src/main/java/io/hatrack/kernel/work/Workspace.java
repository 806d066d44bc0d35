package io.hatrack.kernel.work;

import java.time.Instant;

/** A company or team's space: its members, roles and products. */
public record Workspace(
    long id,
    String slug,
    String name,
    long createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
