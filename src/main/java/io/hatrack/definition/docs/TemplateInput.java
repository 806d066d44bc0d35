package io.hatrack.definition.docs;

/** What an editor writes into a product template; a null field keeps its value on a change. */
public record TemplateInput(String name, String description, String body) {}
