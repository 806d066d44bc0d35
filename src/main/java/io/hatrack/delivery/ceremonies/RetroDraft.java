package io.hatrack.delivery.ceremonies;

import java.util.List;

/**
 * A new retrospective as given, before it is checked.
 *
 * @param columns the column names of a custom format (ignored for the others)
 * @param voteBudget votes per person; null for 3
 */
public record RetroDraft(
    String day,
    String title,
    String format,
    List<String> columns,
    Boolean anonymous,
    Integer voteBudget) {}
