package io.hatrack.kernel.work;

/**
 * The collaboration kernel every hat reuses on its items: comments with mentions, typed links,
 * tags, watching and notifications, and activity feeds.
 */
public record Collaboration(
    CommentService comments,
    LinkService links,
    TagService tags,
    NotificationService notifications,
    ActivityFeed activity) {}
