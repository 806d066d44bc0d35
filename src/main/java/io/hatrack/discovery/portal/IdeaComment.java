package io.hatrack.discovery.portal;

import java.time.Instant;

/** A comment on a portal idea, by a verified visitor or (from the team) a member. */
public record IdeaComment(
    long id,
    long ideaId,
    String authorName,
    String email,
    Long userId,
    boolean fromTeam,
    String body,
    Visibility visibility,
    Instant createdAt) {}
