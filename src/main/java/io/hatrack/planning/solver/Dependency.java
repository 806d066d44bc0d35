package io.hatrack.planning.solver;

import io.hatrack.kernel.Invalid;

/**
 * Item {@code item} depends on item {@code dependsOn}: when the item is planned, the item it
 * depends on is planned in the same period or earlier.
 */
public record Dependency(String item, String dependsOn) {
  public Dependency {
    if (item == null || dependsOn == null) {
      throw Invalid.field("dependencies", "a dependency names two items");
    }
  }
}
