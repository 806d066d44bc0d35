package io.hatrack.kernel.work;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of link between items, with how it reads in each direction: a "depends-on" link reads
 * "depends on" from its source and "blocks" from its target. Symmetric types read the same.
 */
public record LinkType(String id, String outward, String inward) {
  private static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");

  public LinkType {
    Objects.requireNonNull(outward, "outward");
    Objects.requireNonNull(inward, "inward");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a link type id is lowercase words joined by '-'");
    }
  }

  public boolean symmetric() {
    return outward.equals(inward);
  }

  /** How the link reads from its source ({@code outgoing}) or from its target. */
  public String label(boolean outgoing) {
    return outgoing ? outward : inward;
  }
}
