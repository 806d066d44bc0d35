package io.hatrack.planning.solver;

/** An item the plan leaves out, and why, in words. */
public record LeftOutItem(String item, String reason) {}
