package io.hatrack.discovery.portal;

import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.javalin.http.Context;
import java.util.List;

/**
 * The dev mailbox at {@code /dev/mailbox}: the mails Hatrack would have sent (verification links of
 * the portal), newest first, optionally to one address ({@code ?to=}). Open to everyone on a demo
 * or development installation, to administrators (for their workspaces' mails) otherwise.
 */
public final class MailboxPages implements Routes {
  public static final String PATH = "/dev/mailbox";

  private final Outbox outbox;
  private final Html html;

  MailboxPages(Outbox outbox, Html html) {
    this.outbox = outbox;
    this.html = html;
  }

  @Override
  public void register(Router r) {
    r.getPage(PATH, this::mailbox);
  }

  private void mailbox(Context ctx) {
    ctx.header("X-Robots-Tag", "noindex");
    ctx.header("Cache-Control", "no-store");
    String to = ctx.queryParam("to");
    List<Mail> mails = outbox.mails(Requests.userOrNull(ctx), to, 100);
    html.page(
        ctx,
        "discovery/portal/mailbox.jte",
        html.shells().anonymous(ctx, "Dev mailbox"),
        "mails",
        mails,
        "to",
        to == null ? "" : to.strip(),
        "open",
        outbox.open());
  }
}
