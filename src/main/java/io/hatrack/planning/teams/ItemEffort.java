package io.hatrack.planning.teams;

/** How much of a team's capacity an item needs, in the team's unit. */
public record ItemEffort(long itemId, Team team, double effort) {}
