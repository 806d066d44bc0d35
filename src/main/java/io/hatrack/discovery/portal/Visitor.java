package io.hatrack.discovery.portal;

import io.hatrack.kernel.auth.User;

/**
 * Who acts on the portal: a signed-in member ({@code user}), a visitor whose e-mail address was
 * verified ({@code email}, normalised), or an anonymous visitor (neither).
 */
public record Visitor(User user, String email) {
  public static final Visitor ANONYMOUS = new Visitor(null, null);

  public static Visitor of(User user, String verifiedEmail) {
    return new Visitor(user, user != null ? null : verifiedEmail);
  }

  /** Whether the visitor may act without a verification mail first. */
  public boolean known() {
    return user != null || email != null;
  }

  /** The key of the visitor's vote: one vote per idea and key. */
  public String voterKey() {
    if (user != null) {
      return "user:" + user.id();
    }
    if (email != null) {
      return "email:" + email;
    }
    throw new IllegalStateException("an anonymous visitor has no vote");
  }

  /** The name shown next to what the visitor writes when they give none. */
  public String defaultName() {
    if (user != null) {
      return user.name();
    }
    return email == null ? "" : email.substring(0, email.indexOf('@'));
  }
}
