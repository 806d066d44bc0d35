package io.hatrack.definition.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a list or board page shows: the saved view it was opened with, if any, and the query,
 * grouping and columns in effect (the request may have changed the view's query or grouping).
 *
 * @param missing true when the request named a view that no longer exists
 * @param groupProblem why the grouping asked for was not used, if it was not
 */
public record ShownView(
    Optional<SavedView> saved,
    boolean missing,
    String query,
    ViewChoices.Grouping grouping,
    Optional<String> groupProblem,
    List<ViewChoices.Column> columns) {

  public ShownView {
    Objects.requireNonNull(saved, "saved");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(grouping, "grouping");
    Objects.requireNonNull(groupProblem, "groupProblem");
    columns = List.copyOf(columns);
  }

  /** The ids of the columns shown, in order. */
  public List<String> columnIds() {
    return columns.stream().map(ViewChoices.Column::id).toList();
  }

  /** The picked view's id as a request parameter, or an empty string. */
  public String viewParam() {
    return saved.map(v -> Long.toString(v.id())).orElse("");
  }

  /**
   * Whether the page shows something its saved view would not: another query ({@code saveQuery},
   * what saving would store) or, on a board view, another grouping. False without a saved view.
   */
  public boolean unsaved(String saveQuery) {
    if (saved.isEmpty()) {
      return false;
    }
    SavedView view = saved.get();
    String savedGroup = view.groupBy().isEmpty() ? ViewChoices.STATUS : view.groupBy();
    return !view.query().equals(saveQuery.strip())
        || view.layout() == ViewLayout.BOARD && !grouping.key().equalsIgnoreCase(savedGroup);
  }

  /**
   * The query that keeps a list's type filter and column sort when it is saved as a view: {@code
   * type:feature owner:me sort:-updated} for the query box {@code owner:me}, the type {@code
   * feature} and the sort {@code -updated}.
   */
  public static String withTypeAndSort(String q, String type, String sort) {
    StringBuilder query = new StringBuilder();
    if (type != null && !type.isBlank()) {
      query.append("type:").append(type.strip());
    }
    if (q != null && !q.isBlank()) {
      query.append(query.length() > 0 ? " " : "").append(q.strip());
    }
    if (sort != null && !sort.isBlank()) {
      query.append(query.length() > 0 ? " " : "").append("sort:").append(sort.strip());
    }
    return query.toString();
  }
}
