package io.hatrack.discovery.portal;

import java.time.Instant;

/** A mail Hatrack would have sent, kept in the development outbox. */
public record Mail(
    long id,
    Long productId,
    String recipient,
    String subject,
    String body,
    String link,
    Instant createdAt) {}
