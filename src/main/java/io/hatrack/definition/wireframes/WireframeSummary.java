package io.hatrack.definition.wireframes;

import io.hatrack.kernel.work.Item;

/** A wireframe in a listing: its item and the number of its current source version. */
public record WireframeSummary(Item item, int sourceVersion) {}
