package io.hatrack.kernel.web.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.audit.ActivityEntry;
import io.hatrack.kernel.auth.ApiToken;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Comment;
import io.hatrack.kernel.work.Invitation;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.LinkType;
import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.Notification;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.WorkspaceAccess;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of the kernel's API, one record per resource, and how domain values become them.
 * Their names (without the {@code Json} suffix) are the OpenAPI schema names.
 */
public final class KernelJson {
  private KernelJson() {}

  /** A listing page. */
  public record ListJson<T>(List<T> items, long total, String nextCursor) {}

  /** A person. */
  public record UserJson(long id, String handle, String name, String email, String timeZone) {
    public static UserJson of(User u) {
      return new UserJson(u.id(), u.handle(), u.name(), u.email(), u.timeZone());
    }
  }

  /** A workspace with the caller's role. */
  public record WorkspaceJson(
      long id, String slug, String name, String role, long version, Instant createdAt, String url) {
    public static WorkspaceJson of(WorkspaceAccess w) {
      return new WorkspaceJson(
          w.id(),
          w.workspace().slug(),
          w.workspace().name(),
          w.role().id(),
          w.workspace().version(),
          w.workspace().createdAt(),
          "/w/" + w.workspace().slug());
    }
  }

  /** Creating a workspace; the slug is proposed from the name when absent. */
  public record WorkspaceInput(String name, String slug) {}

  /** Renaming a workspace. */
  public record WorkspacePatch(String name) {}

  /** A member with their role. */
  public record MemberJson(
      long userId, String handle, String name, String email, String role, Instant since) {
    public static MemberJson of(Member m) {
      return new MemberJson(
          m.user().id(),
          m.user().handle(),
          m.user().name(),
          m.user().email(),
          m.role().id(),
          m.since());
    }
  }

  /** Adding an existing account to a workspace. */
  public record MemberInput(String email, String role) {}

  /** Changing a member's role. */
  public record RoleInput(String role) {}

  /** An invitation; {@code url} is present only in the answer that creates it. */
  public record InvitationJson(
      long id,
      String email,
      String role,
      String invitedBy,
      Instant createdAt,
      Instant expiresAt,
      String url) {
    public static InvitationJson of(Invitation i, String url) {
      return new InvitationJson(
          i.id(), i.email(), i.role().id(), i.inviterName(), i.createdAt(), i.expiresAt(), url);
    }
  }

  /** Creating an invitation; without an e-mail the link works for whoever opens it first. */
  public record InvitationInput(String email, String role) {}

  /** A product. */
  public record ProductJson(
      long id,
      long workspaceId,
      String name,
      String slug,
      String key,
      String description,
      long version,
      Instant createdAt,
      Instant updatedAt,
      String portalUrl) {
    public static ProductJson of(Product p) {
      return new ProductJson(
          p.id(),
          p.workspaceId(),
          p.name(),
          p.slug(),
          p.key(),
          p.description(),
          p.version(),
          p.createdAt(),
          p.updatedAt(),
          "/p/" + p.slug());
    }
  }

  /** Creating or editing a product; absent fields are proposed (create) or kept (edit). */
  public record ProductInput(String name, String slug, String key, String description) {}

  /** Any item, whatever its hat. */
  public record ItemJson(
      long id,
      String key,
      String kind,
      String title,
      long version,
      long workspaceId,
      Long productId,
      long createdBy,
      Instant createdAt,
      long updatedBy,
      Instant updatedAt,
      String url) {
    public static ItemJson of(Item i) {
      return new ItemJson(
          i.id(),
          i.key(),
          i.kind(),
          i.title(),
          i.version(),
          i.workspaceId(),
          i.productId(),
          i.createdBy(),
          i.createdAt(),
          i.updatedBy(),
          i.updatedAt(),
          "/i/" + (i.key() != null ? i.key() : Long.toString(i.id())));
    }
  }

  /** Who wrote something. */
  public record AuthorJson(long id, String handle, String name) {}

  /** A comment, with its Markdown rendered to safe HTML. */
  public record CommentJson(
      long id,
      long itemId,
      AuthorJson author,
      String body,
      String bodyHtml,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    public static CommentJson of(Comment c, String html) {
      return new CommentJson(
          c.id(),
          c.itemId(),
          new AuthorJson(c.authorId(), c.authorHandle(), c.authorName()),
          c.body(),
          html,
          c.version(),
          c.createdAt(),
          c.updatedAt());
    }
  }

  /** Writing or editing a comment. */
  public record CommentInput(String body) {}

  /** A link as seen from one item: {@code direction} is outgoing or incoming. */
  public record LinkJson(
      long id, String type, String direction, String label, ItemJson item, Instant createdAt) {
    public static LinkJson of(Link l) {
      return new LinkJson(
          l.id(),
          l.type(),
          l.outgoing() ? "outgoing" : "incoming",
          l.label(),
          ItemJson.of(l.other()),
          l.createdAt());
    }
  }

  /** Linking an item to a target item (id or key) with a type such as depends-on. */
  public record LinkInput(String target, String type) {}

  /** A link type and how it reads each way. */
  public record LinkTypeJson(String id, String outward, String inward) {
    public static LinkTypeJson of(LinkType t) {
      return new LinkTypeJson(t.id(), t.outward(), t.inward());
    }
  }

  /** An item's tags. */
  public record TagsJson(List<String> tags) {}

  /** One tag to add. */
  public record TagInput(String name) {}

  /** A workspace tag and how many live items carry it. */
  public record TagCountJson(String name, long items) {}

  /** Whether the caller watches an item, and who does. */
  public record WatchersJson(boolean watching, List<UserJson> watchers) {}

  /** One change, with the changed values before and after. */
  public record ActivityJson(
      long id,
      String action,
      String summary,
      Long actorId,
      String actorName,
      Long itemId,
      Long productId,
      JsonNode before,
      JsonNode after,
      Instant at) {
    public static ActivityJson of(ActivityEntry a, ObjectMapper json) {
      return new ActivityJson(
          a.id(),
          a.action(),
          a.summary(),
          a.actorId(),
          a.actorName(),
          a.entityId(),
          a.productId(),
          parse(json, a.beforeJson()),
          parse(json, a.afterJson()),
          a.at());
    }

    private static JsonNode parse(ObjectMapper json, String text) {
      if (text == null) {
        return null;
      }
      try {
        return json.readTree(text);
      } catch (IOException e) {
        return json.getNodeFactory().textNode(text);
      }
    }
  }

  /** A notification. */
  public record NotificationJson(
      long id,
      String reason,
      String summary,
      String actorName,
      ItemJson item,
      boolean read,
      Instant createdAt) {
    public static NotificationJson of(Notification n) {
      return new NotificationJson(
          n.id(),
          n.reason(),
          n.summary(),
          n.actorName(),
          n.item() == null ? null : ItemJson.of(n.item()),
          !n.unread(),
          n.createdAt());
    }
  }

  /** The unread count. */
  public record UnreadJson(long unread) {}

  /** An API token as listed. */
  public record TokenJson(
      long id,
      String name,
      String prefix,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    public static TokenJson of(ApiToken t) {
      return new TokenJson(
          t.id(), t.name(), t.prefix(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
    }
  }

  /** A new token with its secret, shown this once. */
  public record NewTokenJson(TokenJson token, String secret) {}

  /** Creating a token. */
  public record TokenInput(String name) {}
}
