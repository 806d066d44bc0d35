package io.hatrack.kernel.web;

import io.hatrack.kernel.audit.ActivityEntry;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Comment;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.LinkType;
import java.util.List;

/**
 * The collaboration side of an item page, the same for every hat: details, watchers, tags, links,
 * activity and the comment thread; {@code sections} are the addresses of the hats' own side
 * sections for this item (such as a feature's demand), loaded into the side panel as fragments.
 */
public record ItemPanel(
    ItemAccess access,
    String createdBy,
    String updatedBy,
    List<RenderedComment> comments,
    long commentTotal,
    List<Link> links,
    List<LinkType> linkTypes,
    List<String> tags,
    boolean watching,
    List<User> watchers,
    List<ActivityEntry> activity,
    long viewerId,
    String workspaceSlug,
    List<String> sections) {

  /** A comment with its Markdown rendered to safe HTML. */
  public record RenderedComment(Comment comment, String html) {}

  /** The path every collaboration form posts to, e.g. {@code /items/42}. */
  public String base() {
    return "/items/" + access.id();
  }

  public boolean canComment() {
    return access.role().atLeast(Role.COMMENTER);
  }

  public boolean canEdit() {
    return access.role().atLeast(Role.EDITOR);
  }

  public boolean canModerate() {
    return access.role().atLeast(Role.ADMIN);
  }

  /** The address for suggesting @mentions and item keys while typing. */
  public String suggestUrl() {
    return "/w/" + workspaceSlug + "/suggest";
  }
}
