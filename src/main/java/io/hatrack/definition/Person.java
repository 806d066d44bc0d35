package io.hatrack.definition;

/** Someone an item refers to (its owner), as shown next to it. */
public record Person(long id, String handle, String name) {}
