package io.hatrack.discovery.portal;

import java.time.Duration;

/**
 * How much one client address and one e-mail address may do on the portal within {@link #window()}:
 * post ideas, vote (or withdraw votes), comment, and ask for verification mails.
 */
public record PortalLimits(
    Duration window,
    int ideasPerClient,
    int ideasPerEmail,
    int votesPerClient,
    int votesPerEmail,
    int commentsPerClient,
    int commentsPerEmail,
    int mailsPerClient,
    int mailsPerEmail) {

  /** The limits of a running Hatrack: generous for people, tight for scripts. */
  public static final PortalLimits STANDARD =
      new PortalLimits(Duration.ofHours(1), 10, 5, 120, 60, 30, 15, 20, 5);

  /** What is limited; its id names the counter. */
  public enum Kind {
    IDEA("idea", "ideas"),
    VOTE("vote", "votes"),
    COMMENT("comment", "comments"),
    MAIL("mail", "verification mails");

    private final String id;
    private final String plural;

    Kind(String id, String plural) {
      this.id = id;
      this.plural = plural;
    }

    public String id() {
      return id;
    }

    public String plural() {
      return plural;
    }
  }

  int perClient(Kind kind) {
    return switch (kind) {
      case IDEA -> ideasPerClient;
      case VOTE -> votesPerClient;
      case COMMENT -> commentsPerClient;
      case MAIL -> mailsPerClient;
    };
  }

  int perEmail(Kind kind) {
    return switch (kind) {
      case IDEA -> ideasPerEmail;
      case VOTE -> votesPerEmail;
      case COMMENT -> commentsPerEmail;
      case MAIL -> mailsPerEmail;
    };
  }
}
