package io.hatrack.discovery.portal;

/** A comment as a visitor writes it, with the name to show and the e-mail address to verify. */
public record CommentDraft(String body, String name, String email) {}
