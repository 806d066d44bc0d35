package io.hatrack.discovery.portal;

import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The product team's side of the portal: turning it on, moderating ideas and comments, setting the
 * public status, merging duplicate ideas (votes move along; a voter of both counts once; the merged
 * idea's address leads to the target), answering as the team, and linking ideas to the features
 * they support. Reading needs membership, changing needs the editor role, the settings the admin
 * role.
 */
public final class PortalModeration {
  private final Database db;
  private final PortalStore store;
  private final ProductService products;
  private final IdeaInbox inbox;
  private final FeedbackService feedback;
  private final AuditLog audit;
  private final Clock clock;

  PortalModeration(
      Database db,
      PortalStore store,
      ProductService products,
      IdeaInbox inbox,
      FeedbackService feedback,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.inbox = inbox;
    this.feedback = feedback;
    this.audit = audit;
    this.clock = clock;
  }

  /** The product of {@code productRef}, as {@code actor} may see it. */
  public io.hatrack.kernel.work.Product product(User actor, String productRef) {
    return products.access(actor, productRef).product();
  }

  // ---- Settings ---------------------------------------------------------------------------------

  public PortalSettings settings(User actor, String productRef) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          return store.settings(h, product.id()).orElse(PortalSettings.off(product.id()));
        });
  }

  /**
   * Saves the portal's settings if they are still at {@code expectedVersion} (1 for a portal never
   * set up, whose default settings count as the first version). Needs the admin role: it publishes
   * a page for anyone.
   */
  public PortalSettings saveSettings(
      User actor,
      String productRef,
      long expectedVersion,
      boolean enabled,
      boolean approveFirst,
      String intro) {
    String text = intro == null ? "" : intro.strip();
    new Validation().optionalText("intro", text, 1_000).orThrow();
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.ADMIN, "set up the portal");
          PortalSettings wanted =
              new PortalSettings(product.id(), enabled, approveFirst, text, expectedVersion);
          PortalSettings now = store.settings(h, product.id()).orElse(null);
          Instant at = clock.instant();
          if (now == null && expectedVersion == 1) {
            store.insertSettings(h, wanted, actor.id(), at);
          } else if (now == null
              || !store.updateSettings(h, wanted, expectedVersion, actor.id(), at)) {
            throw Conflict.staleVersion(
                "portal settings", expectedVersion, now == null ? 1 : now.version());
          }
          audit.record(
              h,
              new Change(
                  product.workspace().id(),
                  product.id(),
                  null,
                  actor.id(),
                  "portal.settings",
                  (enabled ? "turned on" : "turned off")
                      + " the feedback portal of "
                      + product.product().name()
                      + (approveFirst ? " (new posts wait for approval)" : ""),
                  null,
                  Map.of("enabled", enabled, "approveFirst", approveFirst),
                  true));
          return store.settings(h, product.id()).orElseThrow();
        });
  }

  // ---- Ideas ------------------------------------------------------------------------------------

  /** A page of a product's ideas for members, with how many wait for moderation. */
  public record IdeaList(
      ProductAccess product,
      PortalSettings settings,
      List<Idea> ideas,
      long total,
      long pending,
      List<IdeaComment> pendingComments) {}

  /** Which ideas a member lists: of one visibility and one status, or all; in an order. */
  public record Filter(
      Visibility visibility, IdeaStatus status, PortalStore.Order order, int offset, int limit) {}

  public IdeaList ideas(User actor, String productRef, Filter f) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          PortalStore.IdeaQuery q =
              new PortalStore.IdeaQuery(
                  product.id(),
                  false,
                  f.status(),
                  f.visibility(),
                  f.order(),
                  f.offset(),
                  f.limit());
          return new IdeaList(
              product,
              store.settings(h, product.id()).orElse(PortalSettings.off(product.id())),
              store.ideas(h, q),
              store.countIdeas(h, q),
              store.pendingCount(h, product.id()),
              store.pendingComments(h, product.id(), 50));
        });
  }

  /** An idea with every comment (hidden and waiting ones too) and its first voters. */
  public record IdeaDetail(
      ProductAccess product,
      Idea idea,
      List<IdeaComment> comments,
      List<String> voters,
      List<Link> links) {}

  public IdeaDetail idea(User actor, String productRef, long id) {
    IdeaDetail detail =
        db.read(
            h -> {
              ProductAccess product = products.access(h, actor, productRef);
              Idea idea = idea(h, product, id);
              return new IdeaDetail(
                  product,
                  idea,
                  store.comments(h, id, false),
                  store.voterEmails(h, id, 200),
                  List.of());
            });
    List<Link> linked = feedback.links(actor, Long.toString(id));
    return new IdeaDetail(
        detail.product(), detail.idea(), detail.comments(), detail.voters(), linked);
  }

  private Idea idea(Handle h, ProductAccess product, long id) {
    return store
        .idea(h, id)
        .filter(i -> i.productId() == product.id())
        .orElseThrow(() -> new NotFound("idea"));
  }

  /** A change to an idea's public face; null fields are kept. */
  public record IdeaPatch(
      String title, String description, IdeaStatus status, Visibility visibility) {}

  /** Changes an idea if it is still at {@code expectedVersion}. */
  public Idea update(User actor, String productRef, long id, long expectedVersion, IdeaPatch p) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "moderate the portal");
          Idea before = idea(h, product, id);
          String title = p.title() == null ? before.title() : p.title().strip();
          String description =
              p.description() == null ? before.description() : p.description().strip();
          new Validation()
              .text("title", title, PortalService.MAX_TITLE)
              .optionalText("description", description, PortalService.MAX_TEXT)
              .orThrow();
          if (before.mergedInto() != null) {
            throw Conflict.state("This idea was merged into another one; change that one instead.");
          }
          IdeaStatus status = p.status() == null ? before.status() : p.status();
          Visibility visibility = p.visibility() == null ? before.visibility() : p.visibility();
          if (!store.updateIdea(
              h, id, expectedVersion, title, description, status, visibility, clock.instant())) {
            throw Conflict.staleVersion("idea", expectedVersion, before.version());
          }
          audit.record(
              h,
              new Change(
                  product.workspace().id(),
                  product.id(),
                  id,
                  actor.id(),
                  "portal.idea.updated",
                  summary(before, status, visibility),
                  Map.of("status", before.status().id(), "visibility", before.visibility().id()),
                  Map.of("status", status.id(), "visibility", visibility.id()),
                  true));
          return store.idea(h, id).orElseThrow();
        });
  }

  private static String summary(Idea before, IdeaStatus status, Visibility visibility) {
    String what = "\u201c" + before.title() + "\u201d";
    if (visibility != before.visibility()) {
      return switch (visibility) {
        case APPROVED -> "approved the portal idea " + what;
        case HIDDEN -> "hid the portal idea " + what;
        case PENDING -> "sent the portal idea " + what + " back to moderation";
      };
    }
    if (status != before.status()) {
      return "set the portal idea " + what + " to " + status.label();
    }
    return "edited the portal idea " + what;
  }

  /**
   * Merges {@code sources} into {@code target}, all in one transaction: their votes move to the
   * target (a voter of both counts once), their comments too, and their addresses lead to it.
   */
  public Idea merge(User actor, String productRef, long target, List<Long> sources) {
    if (sources == null || sources.isEmpty()) {
      throw Invalid.field("ideas", "must name at least one idea to merge into the target");
    }
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "merge portal ideas");
          Idea into = idea(h, product, target);
          if (into.mergedInto() != null) {
            throw Invalid.field("target", "was itself merged into another idea");
          }
          List<String> titles = new ArrayList<>();
          for (long id : new LinkedHashSet<>(sources)) {
            if (id == target) {
              throw Invalid.field("ideas", "cannot contain the target idea itself");
            }
            Idea from =
                store
                    .idea(h, id)
                    .filter(i -> i.productId() == product.id())
                    .orElseThrow(() -> Invalid.field("ideas", "has an idea not in this product"));
            if (from.mergedInto() != null) {
              throw Invalid.field("ideas", "\u201c" + from.title() + "\u201d was merged already");
            }
            store.moveVotes(h, id, target);
            store.moveComments(h, id, target);
            store.markMerged(h, id, target, clock.instant());
            titles.add(from.title());
          }
          // The ideas' feedback merges too: the inbox keeps every source and customer.
          inbox.merge(h, actor, target, List.copyOf(new LinkedHashSet<>(sources)));
          int votes = store.recount(h, target);
          audit.record(
              h,
              new Change(
                  product.workspace().id(),
                  product.id(),
                  target,
                  actor.id(),
                  "portal.idea.merged",
                  "merged "
                      + titles.stream().map(t -> "\u201c" + t + "\u201d").toList()
                      + " into the portal idea \u201c"
                      + into.title()
                      + "\u201d ("
                      + votes
                      + " votes)",
                  null,
                  Map.of("merged", sources, "votes", votes),
                  true));
          return store.idea(h, target).orElseThrow();
        });
  }

  // ---- Comments ---------------------------------------------------------------------------------

  /** Approves, hides or sends back a comment. */
  public IdeaComment moderateComment(
      User actor, String productRef, long commentId, Visibility visibility) {
    Objects.requireNonNull(visibility, "visibility");
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "moderate the portal");
          IdeaComment c = store.comment(h, commentId).orElseThrow(() -> new NotFound("comment"));
          idea(h, product, c.ideaId());
          store.setCommentVisibility(h, commentId, visibility);
          audit.record(
              h,
              new Change(
                  product.workspace().id(),
                  product.id(),
                  c.ideaId(),
                  actor.id(),
                  "portal.comment." + visibility.id(),
                  (visibility == Visibility.HIDDEN ? "hid" : "approved")
                      + " a portal comment by "
                      + c.authorName(),
                  Map.of("visibility", c.visibility().id()),
                  Map.of("visibility", visibility.id()),
                  true));
          return store.comment(h, commentId).orElseThrow();
        });
  }

  /** Answers on an idea as the team: shown at once, marked as the team's. */
  public IdeaComment reply(User actor, String productRef, long ideaId, String body) {
    String text = body == null ? "" : body.strip();
    new Validation().text("body", text, PortalService.MAX_TEXT).orThrow();
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "answer on the portal");
          idea(h, product, ideaId);
          long id =
              store.insertComment(
                  h,
                  new PortalStore.NewComment(
                      ideaId,
                      actor.name(),
                      null,
                      actor.id(),
                      true,
                      text,
                      Visibility.APPROVED,
                      clock.instant()));
          return store.comment(h, id).orElseThrow();
        });
  }

  // ---- Links ------------------------------------------------------------------------------------

  /**
   * Links an idea's feedback to the feature (or any work item) it supports, so that the feature's
   * demand counts it.
   */
  public Link linkToFeature(User actor, String productRef, long ideaId, String featureRef) {
    db.read(h -> idea(h, products.access(h, actor, productRef), ideaId));
    if (featureRef == null || featureRef.isBlank()) {
      throw Invalid.field("feature", "must be the key of a work item, such as CHK-12");
    }
    try {
      return feedback.link(actor, Long.toString(ideaId), featureRef.strip());
    } catch (Invalid e) {
      // The inbox names its field "target"; here it is the feature.
      throw Invalid.field("feature", e.errors().get(0).reason());
    }
  }
}
