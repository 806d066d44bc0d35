package io.hatrack.discovery.portal;

/**
 * An idea as a visitor writes it: a title, a description, the name to show, and the e-mail address
 * to verify (not needed from a signed-in member or a visitor verified already).
 */
public record IdeaDraft(String title, String description, String name, String email) {}
