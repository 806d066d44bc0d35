package io.hatrack.discovery.portal;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether visitors of the portal see an idea or a comment: pending until a member approves it (when
 * the portal asks for approval first), approved, or hidden by a member.
 */
public enum Visibility {
  PENDING("pending", "Waiting for approval"),
  APPROVED("approved", "Shown"),
  HIDDEN("hidden", "Hidden");

  private final String id;
  private final String label;

  Visibility(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static Optional<Visibility> parse(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }
}
