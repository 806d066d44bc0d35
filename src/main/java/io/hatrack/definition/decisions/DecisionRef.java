package io.hatrack.definition.decisions;

/** Another decision a decision points at (the one that supersedes it, or one it superseded). */
public record DecisionRef(
    long id, String key, String title, DecisionStatus status, boolean deleted) {}
