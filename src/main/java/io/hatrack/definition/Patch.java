package io.hatrack.definition;

/**
 * One field of a partial update: either left as it is, or set to a value (which may be null to
 * clear it). JSON {@code PATCH} bodies need the difference between "absent" and "null".
 */
public record Patch<T>(boolean present, T value) {
  private static final Patch<?> KEEP = new Patch<>(false, null);

  @SuppressWarnings("unchecked")
  public static <T> Patch<T> keep() {
    return (Patch<T>) KEEP;
  }

  public static <T> Patch<T> of(T value) {
    return new Patch<>(true, value);
  }

  /** The new value when present, else {@code current}. */
  public T or(T current) {
    return present ? value : current;
  }
}
