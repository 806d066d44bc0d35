package io.hatrack.discovery.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.SecretTokens;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The public side of the feedback portal: the idea list and idea pages, and what visitors do there
 * (post an idea, vote or withdraw a vote, comment). A visitor who is neither signed in nor verified
 * gives an e-mail address; the action then waits for a one-time link sent to it (kept hashed,
 * expiring after a day), and following the link verifies the address and performs it. One vote per
 * idea and voter; everything is rate limited per client and per e-mail address.
 */
public final class PortalService {
  public static final int MAX_TITLE = 140;
  public static final int MIN_TITLE = 4;
  public static final int MAX_TEXT = 5_000;
  public static final int MAX_NAME = 80;

  /** How long a verification link works. */
  public static final Duration LINK_LIFETIME = Duration.ofHours(24);

  private final Database db;
  private final PortalStore store;
  private final ProductService products;
  private final IdeaInbox inbox;
  private final Outbox outbox;
  private final PortalThrottle throttle;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  PortalService(
      Database db,
      PortalStore store,
      ProductService products,
      IdeaInbox inbox,
      Outbox outbox,
      PortalThrottle throttle,
      AuditLog audit,
      ObjectMapper json,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.inbox = inbox;
    this.outbox = outbox;
    this.throttle = throttle;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** The path of a product's portal. */
  public static String path(String productSlug) {
    return "/p/" + productSlug + "/feedback";
  }

  // ---- Reading ----------------------------------------------------------------------------------

  /** The list page: ideas visitors see, in {@code order}, of one status or all. */
  public record Board(
      Product product,
      PortalSettings settings,
      List<Idea> ideas,
      long total,
      Set<Long> voted,
      PortalStore.Order order,
      IdeaStatus status,
      int offset,
      int limit) {
    public boolean more() {
      return offset + ideas.size() < total;
    }
  }

  public Board board(
      String slug,
      Visitor visitor,
      PortalStore.Order order,
      IdeaStatus status,
      int offset,
      int limit) {
    Product product = portalProduct(slug);
    return db.read(
        h -> {
          PortalSettings settings = enabledSettings(h, product);
          PortalStore.IdeaQuery q =
              new PortalStore.IdeaQuery(product.id(), true, status, null, order, offset, limit);
          return new Board(
              product,
              settings,
              store.ideas(h, q),
              store.countIdeas(h, q),
              voted(h, product, visitor),
              order,
              status,
              offset,
              limit);
        });
  }

  /** An idea's page; {@code movedTo} is set when it was merged into another idea. */
  public record IdeaPage(
      Product product,
      PortalSettings settings,
      Idea idea,
      List<IdeaComment> comments,
      boolean voted,
      Long movedTo) {}

  public IdeaPage idea(String slug, long id, Visitor visitor) {
    Product product = portalProduct(slug);
    return db.read(
        h -> {
          PortalSettings settings = enabledSettings(h, product);
          Idea idea = store.idea(h, id).filter(i -> i.productId() == product.id()).orElse(null);
          if (idea == null) {
            throw new NotFound("idea");
          }
          if (idea.mergedInto() != null) {
            return new IdeaPage(product, settings, idea, List.of(), false, idea.mergedInto());
          }
          if (!visibleTo(idea, visitor)) {
            throw new NotFound("idea");
          }
          boolean voted = visitor.known() && voted(h, product, visitor).contains(idea.id());
          return new IdeaPage(
              product, settings, idea, store.comments(h, idea.id(), true), voted, null);
        });
  }

  /** Approved ideas to all; a pending idea to its author too, so they see it is waiting. */
  private static boolean visibleTo(Idea idea, Visitor visitor) {
    if (idea.visibility() == Visibility.APPROVED) {
      return true;
    }
    if (idea.visibility() == Visibility.PENDING) {
      return (visitor.email() != null && visitor.email().equals(idea.authorEmail()))
          || (visitor.user() != null
              && Long.valueOf(visitor.user().id()).equals(idea.authorUserId()));
    }
    return false;
  }

  private Set<Long> voted(Handle h, Product product, Visitor visitor) {
    return visitor.known() ? store.votedIdeas(h, product.id(), visitor.voterKey()) : Set.of();
  }

  /**
   * The product of a portal that is on, for other public pages under its address (the public
   * roadmap); not found when there is no such product or its portal is off.
   */
  public Product openPortal(String slug) {
    Product product = portalProduct(slug);
    db.read(h -> enabledSettings(h, product));
    return product;
  }

  /** The product of a portal address; not found when it has none or its portal is off. */
  private Product portalProduct(String slug) {
    return products.publicBySlug(slug).orElseThrow(() -> new NotFound("portal"));
  }

  private PortalSettings enabledSettings(Handle h, Product product) {
    PortalSettings s = store.settings(h, product.id()).orElse(PortalSettings.off(product.id()));
    if (!s.enabled()) {
      throw new NotFound("portal");
    }
    return s;
  }

  // ---- Acting -----------------------------------------------------------------------------------

  /**
   * What became of an action: done ({@code idea} is the idea concerned), or waiting for the
   * verification mail sent to {@code mailedTo}. {@code message} says which, for people.
   */
  public record Outcome(Idea idea, String mailedTo, String message) {
    public boolean waiting() {
      return mailedTo != null;
    }
  }

  /** What a verification link performs, kept as JSON with it. */
  record Pending(String title, String description, String name, Long idea, String body) {}

  /** Posts an idea, or sends the mail that verifies its author first. */
  public Outcome post(String slug, Visitor visitor, IdeaDraft draft, String client) {
    Product product = portalProduct(slug);
    String title = strip(draft.title());
    String description = strip(draft.description());
    String name = strip(draft.name());
    Validation v = new Validation();
    v.text("title", title, MAX_TITLE)
        .check(
            "title",
            title.isEmpty() || title.length() >= MIN_TITLE,
            "must have at least " + MIN_TITLE + " characters")
        .optionalText("description", description, MAX_TEXT)
        .optionalText("name", name, MAX_NAME);
    String email = checkedEmail(v, visitor, draft.email());
    v.orThrow();
    requireEnabled(product);
    if (isVerified(visitor, email)) {
      throttle.count(PortalLimits.Kind.IDEA, product.id(), client, mailOf(visitor));
      Idea idea = db.tx(h -> createIdea(h, product, visitor, title, description, name));
      return new Outcome(
          idea,
          null,
          idea.visibility() == Visibility.APPROVED
              ? "Thank you! Your idea is posted."
              : "Thank you! Your idea is posted and will appear once the team has approved it.");
    }
    return mail(
        product,
        email,
        client,
        "idea",
        new Pending(title, description, name, null, null),
        "Confirm your idea \u201c" + title + "\u201d",
        "to post your idea \u201c" + title + "\u201d");
  }

  /** Votes for an idea, or sends the mail that verifies the voter first. */
  public Outcome vote(String slug, long ideaId, Visitor visitor, String email, String client) {
    Product product = portalProduct(slug);
    Idea idea = listedIdea(product, ideaId);
    Validation v = new Validation();
    String address = checkedEmail(v, visitor, email);
    v.orThrow();
    if (isVerified(visitor, address)) {
      throttle.count(PortalLimits.Kind.VOTE, product.id(), client, mailOf(visitor));
      return db.tx(
          h -> {
            if (!addVote(h, idea, visitor)) {
              throw Conflict.state(
                  "You have already voted for \u201c"
                      + idea.title()
                      + "\u201d: each person votes once. You may withdraw your vote.");
            }
            return new Outcome(store.idea(h, idea.id()).orElseThrow(), null, "Vote counted.");
          });
    }
    return mail(
        product,
        address,
        client,
        "vote",
        new Pending(null, null, null, idea.id(), null),
        "Confirm your vote for \u201c" + idea.title() + "\u201d",
        "to count your vote for \u201c" + idea.title() + "\u201d");
  }

  /** Withdraws the visitor's vote for an idea. */
  public Outcome withdraw(String slug, long ideaId, Visitor visitor, String client) {
    Product product = portalProduct(slug);
    Idea idea = listedIdea(product, ideaId);
    if (!visitor.known()) {
      throw Conflict.state("You have not voted for this idea from this browser.");
    }
    throttle.count(PortalLimits.Kind.VOTE, product.id(), client, mailOf(visitor));
    return db.tx(
        h -> {
          if (!store.deleteVote(h, idea.id(), visitor.voterKey())) {
            throw Conflict.state("You have not voted for \u201c" + idea.title() + "\u201d.");
          }
          store.recount(h, idea.id());
          return new Outcome(store.idea(h, idea.id()).orElseThrow(), null, "Vote withdrawn.");
        });
  }

  /** Comments on an idea, or sends the mail that verifies the author first. */
  public Outcome comment(
      String slug, long ideaId, Visitor visitor, CommentDraft draft, String client) {
    Product product = portalProduct(slug);
    Idea idea = listedIdea(product, ideaId);
    String body = strip(draft.body());
    String name = strip(draft.name());
    Validation v = new Validation();
    v.text("body", body, MAX_TEXT).optionalText("name", name, MAX_NAME);
    String email = checkedEmail(v, visitor, draft.email());
    v.orThrow();
    if (isVerified(visitor, email)) {
      throttle.count(PortalLimits.Kind.COMMENT, product.id(), client, mailOf(visitor));
      return db.tx(h -> addComment(h, product, idea, visitor, name, body));
    }
    return mail(
        product,
        email,
        client,
        "comment",
        new Pending(null, null, name, idea.id(), body),
        "Confirm your comment on \u201c" + idea.title() + "\u201d",
        "to publish your comment on \u201c" + idea.title() + "\u201d");
  }

  /** What following a verification link did: the verified address and the action performed. */
  public record Verified(String email, Outcome outcome) {}

  /**
   * Follows a verification link: verifies its address and performs the action waiting for it. A
   * link works once and for {@link #LINK_LIFETIME}; a vote already counted is not counted again.
   */
  public Verified verify(String slug, String token) {
    Product product = portalProduct(slug);
    String hash = SecretTokens.hash(token == null ? "" : token.trim());
    return db.tx(
        h -> {
          PortalStore.Verification ver =
              store
                  .verification(h, hash)
                  .filter(x -> x.productId() == product.id())
                  .orElseThrow(() -> new NotFound("verification link"));
          if (ver.usedAt() != null || !store.useVerification(h, ver.id(), clock.instant())) {
            throw Conflict.state(
                "This link has been used already. Your address is verified in the browser where"
                    + " you followed it; ask for a new link to act from another one.");
          }
          if (clock.instant().isAfter(ver.expiresAt())) {
            throw Conflict.state(
                "This link has expired: links work for 24 hours. Please try again to get a new"
                    + " one.");
          }
          enabledSettings(h, product);
          Visitor visitor = Visitor.of(null, ver.email());
          Pending p = read(ver.payload());
          return new Verified(ver.email(), perform(h, product, visitor, ver.action(), p));
        });
  }

  private Outcome perform(Handle h, Product product, Visitor visitor, String action, Pending p) {
    if ("idea".equals(action)) {
      Idea idea = createIdea(h, product, visitor, p.title(), p.description(), p.name());
      return new Outcome(
          idea,
          null,
          idea.visibility() == Visibility.APPROVED
              ? "Your address is verified and your idea is posted. Thank you!"
              : "Your address is verified and your idea is posted; it will appear once the team"
                  + " has approved it.");
    }
    Idea idea =
        store
            .idea(h, p.idea())
            .filter(i -> i.productId() == product.id())
            .orElseThrow(() -> new NotFound("idea"));
    if (idea.mergedInto() != null) {
      idea = store.idea(h, idea.mergedInto()).orElseThrow(() -> new NotFound("idea"));
    }
    if ("vote".equals(action)) {
      boolean counted = addVote(h, idea, visitor);
      return new Outcome(
          store.idea(h, idea.id()).orElseThrow(),
          null,
          counted
              ? "Your address is verified and your vote is counted. Thank you!"
              : "Your address is verified. You had already voted for this idea, so it counts"
                  + " once.");
    }
    Outcome done = addComment(h, product, idea, visitor, p.name(), p.body());
    return new Outcome(done.idea(), null, "Your address is verified. " + done.message());
  }

  // ---- Rules ------------------------------------------------------------------------------------

  private Idea createIdea(
      Handle h, Product product, Visitor visitor, String title, String description, String name) {
    PortalSettings settings = enabledSettings(h, product);
    User owner =
        store
            .firstOwner(h, product.id())
            .orElseThrow(() -> new NotFound("owner of the product's workspace"));
    Instant now = clock.instant();
    long id = inbox.create(h, owner, product.id(), title, textOf(title, description), now);
    String shown = name == null || name.isBlank() ? visitor.defaultName() : name;
    store.insertIdea(
        h,
        new PortalStore.NewIdea(
            id,
            product.id(),
            title,
            description,
            settings.newVisibility(),
            shown,
            visitor.email(),
            visitor.user() == null ? null : visitor.user().id(),
            now));
    // The author votes for their own idea, as on most boards.
    store.insertVote(
        h,
        id,
        visitor.voterKey(),
        visitor.email(),
        visitor.user() == null ? null : visitor.user().id(),
        now);
    store.recount(h, id);
    audit.record(
        h,
        new Change(
            product.workspaceId(),
            product.id(),
            id,
            visitor.user() == null ? null : visitor.user().id(),
            "portal.idea.posted",
            "posted the idea \u201c" + title + "\u201d on the portal",
            null,
            Map.of("title", title, "author", shown),
            true));
    return store.idea(h, id).orElseThrow();
  }

  /** The text of the idea's item in the product's feedback: its title and description. */
  static String textOf(String title, String description) {
    return description == null || description.isBlank() ? title : title + "\n\n" + description;
  }

  private boolean addVote(Handle h, Idea idea, Visitor visitor) {
    boolean added =
        store.insertVote(
            h,
            idea.id(),
            visitor.voterKey(),
            visitor.email(),
            visitor.user() == null ? null : visitor.user().id(),
            clock.instant());
    if (added) {
      store.recount(h, idea.id());
    }
    return added;
  }

  private Outcome addComment(
      Handle h, Product product, Idea idea, Visitor visitor, String name, String body) {
    PortalSettings settings = enabledSettings(h, product);
    String shown = name == null || name.isBlank() ? visitor.defaultName() : name;
    Visibility visibility = settings.newVisibility();
    store.insertComment(
        h,
        new PortalStore.NewComment(
            idea.id(),
            shown,
            visitor.email(),
            visitor.user() == null ? null : visitor.user().id(),
            false,
            body,
            visibility,
            clock.instant()));
    return new Outcome(
        store.idea(h, idea.id()).orElseThrow(),
        null,
        visibility == Visibility.APPROVED
            ? "Your comment is published."
            : "Your comment will appear once the team has approved it.");
  }

  /** An idea visitors may vote for and comment on. */
  private Idea listedIdea(Product product, long id) {
    return db.read(
        h -> {
          enabledSettings(h, product);
          Idea idea = store.idea(h, id).filter(i -> i.productId() == product.id()).orElse(null);
          if (idea == null || idea.visibility() == Visibility.HIDDEN) {
            throw new NotFound("idea");
          }
          if (idea.mergedInto() != null) {
            throw Conflict.state("This idea was merged into another one; vote and comment there.");
          }
          if (idea.visibility() == Visibility.PENDING) {
            throw Conflict.state(
                "This idea is waiting for the team's approval; votes and comments open then.");
          }
          return idea;
        });
  }

  private void requireEnabled(Product product) {
    db.read(h -> enabledSettings(h, product));
  }

  /** Whether the action can happen now: a member, or a visitor verified for this address. */
  private static boolean isVerified(Visitor visitor, String email) {
    return visitor.user() != null
        || (visitor.email() != null && (email == null || email.equals(visitor.email())));
  }

  private static String mailOf(Visitor visitor) {
    return visitor.user() != null ? visitor.user().email() : visitor.email();
  }

  /**
   * The address to verify, checked: needed when the visitor is neither signed in nor verified; null
   * when it may be left out.
   */
  private static String checkedEmail(Validation v, Visitor visitor, String given) {
    String email = Emails.normalise(given);
    if (email == null || email.isEmpty()) {
      v.check("email", visitor.known(), "is needed to verify that you are a person");
      return null;
    }
    v.check("email", Emails.valid(email), "must be an e-mail address such as ana@example.com");
    return email;
  }

  private Outcome mail(
      Product product,
      String email,
      String client,
      String action,
      Pending pending,
      String subject,
      String purpose) {
    throttle.count(PortalLimits.Kind.MAIL, product.id(), client, email);
    String token = SecretTokens.generate("");
    String link = path(product.slug()) + "/verify?t=" + token;
    String body =
        "Hello,\n\nSomeone, probably you, asked "
            + purpose
            + " on the feedback portal of "
            + product.name()
            + ". Follow this link within 24 hours to confirm your address "
            + email
            + ":\n\n"
            + link
            + "\n\nIf it was not you, ignore this mail: nothing happens without the link.\n";
    db.txVoid(
        h -> {
          Instant now = clock.instant();
          store.insertVerification(
              h,
              product.id(),
              email,
              SecretTokens.hash(token),
              action,
              write(pending),
              now,
              now.plus(LINK_LIFETIME));
          outbox.send(h, product.id(), email, subject, body, link);
        });
    return new Outcome(
        null,
        email,
        "Almost done: we sent a link to "
            + email
            + ". Follow it within 24 hours to confirm your address.");
  }

  private String write(Pending p) {
    try {
      return json.writeValueAsString(p);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a pending action is plain data", e);
    }
  }

  private Pending read(String payload) {
    try {
      return json.readValue(payload, Pending.class);
    } catch (JsonProcessingException e) {
      throw Invalid.field("t", "is not a link this portal sent");
    }
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}
