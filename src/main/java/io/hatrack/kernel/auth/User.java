package io.hatrack.kernel.auth;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A person who signs in to Hatrack. The handle is what others type to mention them ({@code @ana}).
 */
public record User(
    long id,
    String email,
    String handle,
    String name,
    String timeZone,
    boolean hasPassword,
    Instant createdAt) {
  public User {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeZone, "timeZone");
  }

  /** The user's time zone, falling back to UTC when the stored one is unknown to this JVM. */
  public ZoneId zone() {
    try {
      return ZoneId.of(timeZone);
    } catch (java.time.DateTimeException e) {
      return java.time.ZoneOffset.UTC;
    }
  }

  /** One or two letters for the avatar, e.g. {@code AL} for Ana Lima. */
  public String initials() {
    String[] parts = name.trim().split("\\s+");
    String first = parts[0].isEmpty() ? "?" : parts[0].substring(0, 1);
    String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
    return (first + last).toUpperCase(java.util.Locale.ROOT);
  }
}
