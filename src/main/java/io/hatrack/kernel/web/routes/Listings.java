package io.hatrack.kernel.web.routes;

import io.hatrack.kernel.Cursor;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Turns a page of rows fetched by id (one more than asked, to know if there are more) into JSON.
 */
public final class Listings {
  private Listings() {}

  /**
   * @param rows up to {@code limit + 1} rows; the extra one only says that another page exists
   * @param id the id the next page continues from
   */
  public static <T, R> KernelJson.ListJson<R> of(
      List<T> rows, int limit, long total, ToLongFunction<T> id, Function<T, R> json) {
    boolean more = rows.size() > limit;
    List<T> shown = more ? rows.subList(0, limit) : rows;
    String next = more ? Cursor.encode(id.applyAsLong(shown.get(shown.size() - 1))) : null;
    return new KernelJson.ListJson<>(shown.stream().map(json).toList(), total, next);
  }

  /** A complete, unpaged list. */
  public static <T, R> KernelJson.ListJson<R> all(List<T> rows, Function<T, R> json) {
    return new KernelJson.ListJson<>(rows.stream().map(json).toList(), rows.size(), null);
  }
}
