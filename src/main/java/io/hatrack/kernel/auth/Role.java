package io.hatrack.kernel.auth;

import io.hatrack.kernel.Invalid;
import java.util.Locale;

/**
 * A member's role in a workspace, from least to most powerful. Each role can do everything the
 * roles before it can.
 */
public enum Role {
  /** Reads everything in the workspace. */
  VIEWER("Viewer", "Can read everything in the workspace"),
  /** Also comments, mentions and watches. */
  COMMENTER("Commenter", "Can read, comment and watch"),
  /** Also creates, edits, links, tags and deletes items. */
  EDITOR("Editor", "Can create and edit items"),
  /** Also manages products, members and invitations. */
  ADMIN("Admin", "Can manage products, members and invitations"),
  /** Also manages owners and the workspace itself. */
  OWNER("Owner", "Full control, including the workspace itself");

  private final String label;
  private final String description;

  Role(String label, String description) {
    this.label = label;
    this.description = description;
  }

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  /** The lowercase name used in the API and the database, e.g. {@code editor}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** Parses an API or form value; {@code field} names the input in the error. */
  public static Role parse(String field, String value) {
    if (value != null) {
      for (Role role : values()) {
        if (role.id().equalsIgnoreCase(value.trim())) {
          return role;
        }
      }
    }
    throw Invalid.field(field, "must be one of owner, admin, editor, commenter, viewer");
  }
}
