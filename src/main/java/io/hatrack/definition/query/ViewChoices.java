package io.hatrack.definition.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a list or board page offers: the product's saved views of the page's layout (for the
 * picker), the view the request picked, the columns a list can show and what a board can group by.
 * {@link #shown} works out what the page shows from these and the request.
 *
 * @param views the views to pick from, by name
 * @param picked the view the request asked for, when it exists
 * @param missing true when the request asked for a view that does not exist (any more)
 * @param columns every column a list of the product can show: {@link WorkItemQuery#COLUMNS}, then
 *     the custom fields in their order
 * @param groupings status first, then the product's single-select fields
 */
public record ViewChoices(
    List<SavedView> views,
    Optional<SavedView> picked,
    boolean missing,
    List<Column> columns,
    List<Grouping> groupings) {

  /** The grouping every board offers, and the one it falls back to. */
  public static final String STATUS = "status";

  public ViewChoices {
    views = List.copyOf(views);
    Objects.requireNonNull(picked, "picked");
    columns = List.copyOf(columns);
    groupings = List.copyOf(groupings);
    if (groupings.isEmpty() || !groupings.get(0).key().equals(STATUS)) {
      throw new IllegalArgumentException("the first grouping must be status");
    }
  }

  /** A column of a list: a built-in one ({@code custom} false) or a custom field's key. */
  public record Column(String id, String label, boolean custom) {
    public Column {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
    }

    /** A built-in column, labelled as people read it: {@code updated} is "Updated". */
    static Column builtIn(String id) {
      return new Column(id, id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1), false);
    }
  }

  /**
   * What a board can group its cards by: {@code status}, or a single-select field's key with its
   * options in order (the columns of the board).
   */
  public record Grouping(String key, String label, List<String> options) {
    public Grouping {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(label, "label");
      options = List.copyOf(options);
    }

    public boolean byStatus() {
      return key.equals(STATUS);
    }
  }

  /**
   * Every column, those named in {@code first} first and in that order (as a view lists them), then
   * the others in their usual order: how a form offers the columns to check.
   */
  public List<Column> columnsInOrder(List<String> first) {
    List<Column> ordered = new ArrayList<>();
    for (String id : first) {
      columns.stream()
          .filter(c -> c.id().equalsIgnoreCase(id) && !ordered.contains(c))
          .findFirst()
          .ifPresent(ordered::add);
    }
    columns.stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
    return ordered;
  }

  /**
   * What the page shows for a request that picked {@link #picked} (or no view) and may override its
   * query and grouping.
   *
   * @param q the query box's text, or null to take the picked view's query (none: everything)
   * @param group a grouping key, or null or blank to take the picked view's (none: status)
   */
  public ShownView shown(String q, String group) {
    SavedView saved = picked.orElse(null);
    String query = q != null ? q.strip() : saved == null ? "" : saved.query();
    List<Column> shownColumns = new ArrayList<>();
    List<String> wanted =
        saved == null || saved.columns().isEmpty()
            ? WorkItemQuery.DEFAULT_COLUMNS
            : saved.columns();
    for (String id : wanted) {
      columns.stream()
          .filter(c -> c.id().equalsIgnoreCase(id))
          .findFirst()
          .ifPresent(shownColumns::add);
    }
    if (shownColumns.isEmpty()) {
      // Every column of the view was a field that has since been deleted.
      WorkItemQuery.DEFAULT_COLUMNS.forEach(id -> shownColumns.add(Column.builtIn(id)));
    }
    String key =
        group != null && !group.isBlank()
            ? group.strip()
            : saved != null && !saved.groupBy().isEmpty() ? saved.groupBy() : STATUS;
    Optional<Grouping> grouping =
        groupings.stream().filter(g -> g.key().equalsIgnoreCase(key)).findFirst();
    Optional<String> problem =
        grouping.isPresent()
            ? Optional.empty()
            : Optional.of(
                "\u201c"
                    + key
                    + "\u201d is not a single-select field of this product, so the board is"
                    + " grouped by status.");
    return new ShownView(
        picked, missing, query, grouping.orElse(groupings.get(0)), problem, shownColumns);
  }
}
