package io.hatrack.discovery.research;

/** A study with how many participants, sessions and insights it has, for lists. */
public record StudySummary(Study study, long participants, long sessions, long insights) {}
