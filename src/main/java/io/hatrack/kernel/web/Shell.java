package io.hatrack.kernel.web;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.WorkspaceAccess;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything the page layout needs around a page's own content: who is signed in, where they are
 * (workspace, product, section), the sidebar, breadcrumbs, unread notifications and a pending
 * message from the previous request.
 */
public record Shell(
    String title,
    User user,
    String csrf,
    Nav nav,
    List<Crumb> crumbs,
    long unread,
    Assets assets,
    Flash flash,
    Instant now) {

  /** Where the reader is and what the sidebar offers. */
  public record Nav(
      List<WorkspaceAccess> workspaces,
      WorkspaceAccess workspace,
      List<Product> products,
      Product product,
      String section,
      List<Section> sections) {
    public static final Nav NONE = new Nav(List.of(), null, List.of(), null, "", List.of());
  }

  /** A titled group of sidebar entries (the title may be empty). */
  public record Section(String title, List<Entry> entries) {}

  /** One sidebar entry. */
  public record Entry(String id, String label, String url, boolean current, boolean coming) {}

  /** One breadcrumb; the last one is the current page and has no link. */
  public record Crumb(String label, String url) {}

  /**
   * A message carried to the next page, with an optional one-click action (such as Undo, which
   * posts to {@code actionUrl}).
   */
  public record Flash(String kind, String message, String actionLabel, String actionUrl) {}

  public boolean signedIn() {
    return user != null;
  }

  public ZoneId zone() {
    return user == null ? java.time.ZoneOffset.UTC : user.zone();
  }

  /** Relative time such as "3 h ago". */
  public String ago(Instant at) {
    return Fmt.relative(at, now, zone());
  }

  /** Exact time in the reader's zone, for hover titles. */
  public String exact(Instant at) {
    return Fmt.exact(at, zone());
  }

  public String asset(String name) {
    return assets.url(name);
  }

  /** The base path of the current workspace, e.g. {@code /w/northwind}. */
  public String workspacePath() {
    return nav.workspace() == null ? "" : "/w/" + nav.workspace().workspace().slug();
  }

  /** The base path of the current product, e.g. {@code /w/northwind/checkout}. */
  public String productPath() {
    return nav.product() == null ? "" : workspacePath() + "/" + nav.product().slug();
  }
}
