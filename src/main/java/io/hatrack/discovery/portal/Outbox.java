package io.hatrack.discovery.portal;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the portal's mails go on this machine, which sends none: each is logged (SLF4J, at INFO,
 * with its link) and kept for a week in the development outbox that the dev mailbox page shows. The
 * mailbox is open to everyone on a demo or development installation ({@link #open()}) and to the
 * administrators of the mails' workspaces otherwise.
 */
public final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  /** How long mails stay in the outbox. */
  public static final Duration KEPT = Duration.ofDays(7);

  private final Database db;
  private final PortalStore store;
  private final WorkspaceService workspaces;
  private final ProductService products;
  private final Clock clock;
  private final boolean openByEnvironment;

  /** The installation setting that opens the mailbox to everyone (set by the demo). */
  static final String OPEN_SETTING = "dev_mailbox";

  Outbox(
      Database db,
      PortalStore store,
      WorkspaceService workspaces,
      ProductService products,
      Clock clock,
      boolean openByEnvironment) {
    this.db = db;
    this.store = store;
    this.workspaces = workspaces;
    this.products = products;
    this.clock = clock;
    this.openByEnvironment = openByEnvironment;
  }

  /**
   * Whether anyone may read the dev mailbox: on a demo installation, or when the environment says
   * this is a development machine ({@code HATRACK_DEV_MAILBOX=open}).
   */
  public boolean open() {
    return openByEnvironment
        || db.read(h -> store.setting(h, OPEN_SETTING)).map("open"::equals).orElse(false);
  }

  /** Opens the dev mailbox to everyone on this installation (the demo, development set-ups). */
  public void openToEveryone() {
    db.txVoid(h -> store.putSetting(h, OPEN_SETTING, "open"));
  }

  /** "Sends" a mail inside the caller's transaction: logs it and keeps it in the outbox. */
  void send(Handle h, Long productId, String to, String subject, String body, String link) {
    store.deleteMailsBefore(h, clock.instant().minus(KEPT));
    long id = store.insertMail(h, productId, to, subject, body, link, clock.instant());
    LOG.info("Mail {} not sent (development outbox) to {}: {} {}", id, to, subject, link);
  }

  /**
   * The newest mails, to {@code recipient} when given, as {@code reader} may see them: all of them
   * on an open mailbox; else those of the products of workspaces the reader administers.
   */
  public List<Mail> mails(User reader, String recipient, int limit) {
    String to = recipient == null || recipient.isBlank() ? null : Emails.normalise(recipient);
    if (open()) {
      return db.read(h -> store.mails(h, to, null, limit));
    }
    if (reader == null) {
      throw new io.hatrack.kernel.Forbidden(
          "The dev mailbox is open on demo and development installations only; sign in as an"
              + " administrator to read the mails of your workspaces.");
    }
    List<Long> mine =
        workspaces.mine(reader).stream()
            .filter(w -> w.can(io.hatrack.kernel.auth.Role.ADMIN))
            .flatMap(w -> products.list(w).stream())
            .map(Product::id)
            .toList();
    return db.read(h -> store.mails(h, to, mine, limit));
  }
}
