package io.hatrack.delivery.ceremonies;

/**
 * Someone present at a sprint review: a workspace member ({@code userId}) or anyone else by name,
 * such as a customer.
 */
public record Stakeholder(long id, Long userId, String name) {
  public boolean member() {
    return userId != null;
  }
}
