package io.hatrack.definition.decisions;

/** A member of the workspace who took (or will take) a decision. */
public record Decider(long id, String handle, String name) {}
