package io.hatrack.discovery.customers;

import io.hatrack.kernel.Invalid;
import java.util.List;

/**
 * Which customers a listing shows and in what order: words of the name, domain or external id;
 * exact segment, plan and tier; and a sort ({@code name}, {@code revenue}, {@code segment}, {@code
 * plan}, {@code tier} or {@code updated}, with {@code -} in front for descending).
 */
public record CustomerFilter(String q, String segment, String plan, String tier, String sort) {
  /** The sorts a listing accepts. */
  public static final List<String> SORTS =
      List.of("name", "revenue", "segment", "plan", "tier", "updated");

  /** Every customer, by name. */
  public static final CustomerFilter ALL = new CustomerFilter(null, null, null, null, null);

  public CustomerFilter {
    q = clean(q);
    segment = clean(segment);
    plan = clean(plan);
    tier = clean(tier);
    sort = clean(sort).isEmpty() ? "name" : clean(sort);
    String column = sort.startsWith("-") ? sort.substring(1) : sort;
    if (!SORTS.contains(column)) {
      throw Invalid.field(
          "sort", "must be one of " + String.join(", ", SORTS) + ", with - for descending");
    }
  }

  private static String clean(String text) {
    return text == null ? "" : text.strip();
  }

  /** The sort column without its direction. */
  public String sortColumn() {
    return sort.startsWith("-") ? sort.substring(1) : sort;
  }

  public boolean descending() {
    return sort.startsWith("-");
  }

  /** True when anything narrows the listing. */
  public boolean narrowed() {
    return !q.isEmpty() || !segment.isEmpty() || !plan.isEmpty() || !tier.isEmpty();
  }
}
