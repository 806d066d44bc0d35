package io.hatrack.definition.wireframes;

import java.time.Instant;

/**
 * One saved version of a wireframe's source. Listings leave the source out (null).
 *
 * @param restoredFrom the version whose source this one brought back, or null for an edit
 */
public record WireframeVersion(
    long wireframeId,
    int number,
    String source,
    Integer restoredFrom,
    long createdBy,
    String createdByName,
    Instant createdAt) {}
