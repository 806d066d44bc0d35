package io.hatrack.discovery.customers;

/** A contact as someone typed it, not yet checked. */
public record ContactDraft(String name, String email, String role, String phone) {}
