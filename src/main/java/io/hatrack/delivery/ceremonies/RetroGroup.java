package io.hatrack.delivery.ceremonies;

/** A group of cards on a retrospective's board, under a title. */
public record RetroGroup(long id, long retroId, String title) {}
