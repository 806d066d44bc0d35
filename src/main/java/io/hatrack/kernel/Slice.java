package io.hatrack.kernel;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer listing: its items, how many there are in all, and the cursor of the next
 * page (null on the last page).
 */
public record Slice<T>(List<T> items, long total, String nextCursor) {
  public Slice {
    items = List.copyOf(items);
  }

  public <R> Slice<R> map(Function<T, R> f) {
    return new Slice<>(items.stream().map(f).toList(), total, nextCursor);
  }
}
