package io.hatrack.planning.backlog;

/** A scoring model as typed in: name, kind, settings and whether it is the product's default. */
public record ModelDraft(String name, String kind, ModelConfig config, Boolean isDefault) {}
