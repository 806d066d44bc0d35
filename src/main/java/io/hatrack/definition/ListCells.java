package io.hatrack.definition;

import io.hatrack.definition.fields.CustomFieldService;
import io.hatrack.definition.fields.FieldValue;
import io.hatrack.definition.query.WorkItemQuery;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.TagService;
import java.util.List;
import java.util.Map;

/**
 * What the rows of a list show besides a work item's own fields: its custom field values and its
 * tags, read for a whole page of items at once, and only when a column shows them. The items come
 * from a listing the reader was allowed to see.
 */
public final class ListCells {
  private final Database db;
  private final CustomFieldService fields;
  private final TagService tags;

  public ListCells(Database db, CustomFieldService fields, TagService tags) {
    this.db = db;
    this.fields = fields;
    this.tags = tags;
  }

  /** The cells of a page of items: item id to custom field key to value, and to tags. */
  public record Page(Map<Long, Map<String, FieldValue>> values, Map<Long, List<String>> tags) {
    public static final Page NONE = new Page(Map.of(), Map.of());

    public Page {
      values = Map.copyOf(values);
      tags = Map.copyOf(tags);
    }

    /** An item's custom field values by key (empty when no column shows them). */
    public Map<String, FieldValue> values(long itemId) {
      return values.getOrDefault(itemId, Map.of());
    }

    /** An item's tags by name (empty when no column shows them). */
    public List<String> tags(long itemId) {
      return tags.getOrDefault(itemId, List.of());
    }
  }

  /** The cells {@code columns} need for {@code items}, in one transaction. */
  public Page read(List<WorkItem> items, List<String> columns) {
    boolean custom = columns.stream().anyMatch(c -> !WorkItemQuery.COLUMNS.contains(c));
    boolean tagged = columns.contains("tags");
    if (items.isEmpty() || !custom && !tagged) {
      return Page.NONE;
    }
    List<Long> ids = items.stream().map(WorkItem::id).toList();
    return db.read(
        h ->
            new Page(
                custom ? fields.values(h, ids) : Map.of(),
                tagged ? tags.forItems(h, ids) : Map.of()));
  }
}
