package io.hatrack.discovery.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.SecretTokens;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.db.Settings;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Json;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.util.List;

/**
 * The public feedback portal put together: its store, services, public pages, the dev mailbox, the
 * team's pages, the API and the demo part, so that the discovery hat wires it in a few lines.
 */
public final class Portal {
  /** What the portal takes from the kernel. */
  public record Kernel(
      Database db,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      FeedbackService feedback,
      AuditLog audit,
      Clock clock) {}

  /** Set to {@code open} (environment) to open the dev mailbox to everyone, as the demo does. */
  public static final String MAILBOX_ENV = "HATRACK_DEV_MAILBOX";

  private final Kernel kernel;
  private final PortalService portal;
  private final PortalModeration moderation;
  private final Outbox outbox;

  public Portal(Kernel k, PortalLimits limits) {
    this.kernel = k;
    PortalStore store = new PortalStore();
    this.outbox =
        new Outbox(
            k.db(),
            store,
            k.workspaces(),
            k.products(),
            k.clock(),
            "open".equalsIgnoreCase(System.getenv(MAILBOX_ENV)));
    PortalThrottle throttle = new PortalThrottle(k.db(), limits, k.clock());
    IdeaInbox inbox = new IdeaInbox(k.products(), k.feedback());
    k.feedback().listen(new IdeaMerges(store, k.clock()));
    this.portal =
        new PortalService(
            k.db(),
            store,
            k.products(),
            inbox,
            outbox,
            throttle,
            k.audit(),
            Json.mapper(),
            k.clock());
    this.moderation =
        new PortalModeration(
            k.db(), store, k.products(), inbox, k.feedback(), k.audit(), k.clock());
  }

  public PortalService portal() {
    return portal;
  }

  public PortalModeration moderation() {
    return moderation;
  }

  public Outbox outbox() {
    return outbox;
  }

  /** The public pages, the dev mailbox, the team's pages and the API. */
  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    VisitorCookie cookie =
        new VisitorCookie(
            new Settings(kernel.db())
                .getOrCreate("portal_visitor_key", () -> SecretTokens.generate("")),
            kernel.clock());
    return List.of(
        new PortalApi(moderation, json),
        new PortalPages(portal, cookie, html),
        new MailboxPages(outbox, html),
        new PortalRoutes(moderation, kernel.products(), panels));
  }

  /** The portal's part of the demo story. */
  public DemoSeed demo() {
    return new PortalDemo(portal, moderation, outbox, kernel.items());
  }
}
