package io.hatrack.delivery.ceremonies;

import java.util.List;

/**
 * A sprint review as given, before it is checked; on a change, null fields keep their value.
 *
 * @param items the keys (or ids) of the work items demoed, in order
 * @param members the workspace members present, by handle or id
 * @param guests other people present, by name (customers, partners)
 */
public record ReviewDraft(
    String day,
    String title,
    String sprint,
    String notes,
    List<String> items,
    List<String> members,
    List<String> guests) {}
