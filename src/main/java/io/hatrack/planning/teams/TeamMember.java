package io.hatrack.planning.teams;

/** A person on a team, with the share of their time the team gets, in per cent. */
public record TeamMember(long userId, String handle, String name, int allocation) {}
