package io.hatrack.discovery.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.Link;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * The portal over the API, for members: its settings, its ideas with votes, status and moderation
 * state, changing them (with {@code If-Match}), merging duplicates, linking ideas to features and
 * moderating comments. What visitors do (post, vote, comment) happens on the public pages only,
 * where their e-mail address is verified.
 */
public final class PortalApi implements Routes {
  private static final String TAG = "Portal";
  private static final String BASE = "/api/v1/products/{product}/portal";
  private static final String IDEAS = BASE + "/ideas";
  private static final String IDEA = IDEAS + "/{idea}";

  private final PortalModeration moderation;
  private final ObjectMapper json;

  PortalApi(PortalModeration moderation, ObjectMapper json) {
    this.moderation = moderation;
    this.json = json;
  }

  // ---- JSON -------------------------------------------------------------------------------------

  /** A product's portal: on or off, whether new posts wait for approval, its public address. */
  public record PortalSettingsJson(
      boolean enabled, boolean approveFirst, String intro, String publicUrl, long version) {}

  /** Changing the portal's settings; absent fields are kept. */
  public record PortalSettingsInput(Boolean enabled, Boolean approveFirst, String intro) {}

  /**
   * A portal idea. {@code status}: under_review, planned, in_progress, done or declined; {@code
   * visibility}: pending (waiting for approval), approved (shown) or hidden; {@code merged_into}:
   * the idea it was merged into. {@code item} is its item's key, for links.
   */
  public record PortalIdeaJson(
      long id,
      String item,
      String title,
      String description,
      String status,
      String visibility,
      int votes,
      int comments,
      String author,
      String authorEmail,
      Long mergedInto,
      Instant createdAt,
      Instant updatedAt,
      long version,
      String publicUrl) {
    static PortalIdeaJson of(Idea i, String productSlug) {
      return new PortalIdeaJson(
          i.id(),
          i.key(),
          i.title(),
          i.description(),
          i.status().id(),
          i.visibility().id(),
          i.votes(),
          i.comments(),
          i.authorName(),
          i.authorEmail(),
          i.mergedInto(),
          i.createdAt(),
          i.updatedAt(),
          i.version(),
          PortalService.path(productSlug) + "/" + i.id());
    }
  }

  /** A comment on an idea; {@code from_team}: written by a member, as the team's answer. */
  public record PortalCommentJson(
      long id,
      long idea,
      String author,
      String email,
      boolean fromTeam,
      String body,
      String visibility,
      Instant createdAt) {
    static PortalCommentJson of(IdeaComment c) {
      return new PortalCommentJson(
          c.id(),
          c.ideaId(),
          c.authorName(),
          c.email(),
          c.fromTeam(),
          c.body(),
          c.visibility().id(),
          c.createdAt());
    }
  }

  /** A link of the idea to an item, as seen from the idea. */
  public record PortalLinkJson(long id, String type, String label, String item, String title) {
    static PortalLinkJson of(Link l) {
      return new PortalLinkJson(l.id(), l.type(), l.label(), l.other().key(), l.other().title());
    }
  }

  /** An idea with its comments (waiting and hidden ones too), its voters and its links. */
  public record PortalIdeaDetailJson(
      PortalIdeaJson idea,
      List<PortalCommentJson> comments,
      List<String> voters,
      List<PortalLinkJson> links) {}

  /** A change to an idea; absent fields are kept. */
  public record PortalIdeaPatch(
      String title, String description, String status, String visibility) {}

  /** Ideas to merge into the idea of the address. */
  public record PortalMergeInput(List<Long> ideas) {}

  /** The item an idea supports, by key or id (for example a feature, {@code CHK-12}). */
  public record PortalLinkInput(String item) {}

  /** Approving or hiding a comment: {@code visibility} approved, hidden or pending. */
  public record PortalCommentPatch(String visibility) {}

  // ---- Routes -----------------------------------------------------------------------------------

  @Override
  public void register(Router r) {
    r.get(BASE + "/settings", this::settings)
        .summary("A product's feedback portal settings")
        .tag(TAG)
        .etag()
        .returns(200, PortalSettingsJson.class);
    r.put(BASE + "/settings", this::saveSettings)
        .summary(
            "Turn the portal on or off, and choose whether new posts wait for approval (admins)")
        .tag(TAG)
        .body(PortalSettingsInput.class)
        .ifMatch()
        .etag()
        .returns(200, PortalSettingsJson.class);
    r.get(IDEAS, this::list)
        .summary("A product's portal ideas with votes, status and moderation state")
        .description(
            "Most votes first, or newest first with sort=new. Filters: status ("
                + IdeaStatus.ids()
                + ") and visibility (pending, approved, hidden).")
        .tag(TAG)
        .query("sort", "top (default) or new")
        .query("status", "one public status")
        .query("visibility", "pending, approved or hidden")
        .paged()
        .returnsList(PortalIdeaJson.class);
    r.get(IDEA, this::get)
        .summary("A portal idea with its comments, voters and links")
        .tag(TAG)
        .etag()
        .returns(200, PortalIdeaDetailJson.class);
    r.patch(IDEA, this::update)
        .summary("Moderate a portal idea or set its public status (editors)")
        .tag(TAG)
        .body(PortalIdeaPatch.class)
        .ifMatch()
        .etag()
        .returns(200, PortalIdeaJson.class);
    r.post(IDEA + "/merge", this::merge)
        .summary("Merge duplicate ideas into this one (editors)")
        .description(
            "In one transaction: the votes of the merged ideas move to this one (a voter of"
                + " several counts once), their comments too, and their public addresses lead"
                + " here.")
        .tag(TAG)
        .body(PortalMergeInput.class)
        .returns(200, PortalIdeaJson.class);
    r.post(IDEA + "/links", this::link)
        .summary("Link an idea to the feature it supports (editors)")
        .tag(TAG)
        .body(PortalLinkInput.class)
        .returns(201, PortalLinkJson.class);
    r.patch(BASE + "/comments/{comment}", this::moderateComment)
        .summary("Approve or hide a comment on a portal idea (editors)")
        .tag(TAG)
        .body(PortalCommentPatch.class)
        .returns(200, PortalCommentJson.class);
  }

  private static String product(Context ctx) {
    return ctx.pathParam("product");
  }

  private PortalSettingsJson settingsJson(Context ctx, PortalSettings s) {
    Requests.etag(ctx, s.version());
    String slug = moderation.product(Requests.user(ctx), Long.toString(s.productId())).slug();
    return new PortalSettingsJson(
        s.enabled(), s.approveFirst(), s.intro(), PortalService.path(slug), s.version());
  }

  private void settings(Context ctx) {
    ctx.json(settingsJson(ctx, moderation.settings(Requests.user(ctx), product(ctx))));
  }

  private void saveSettings(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    PortalSettingsInput in = Requests.body(ctx, json, PortalSettingsInput.class);
    PortalSettings now = moderation.settings(Requests.user(ctx), product(ctx));
    PortalSettings saved =
        moderation.saveSettings(
            Requests.user(ctx),
            product(ctx),
            expected,
            in.enabled() != null ? in.enabled() : now.enabled(),
            in.approveFirst() != null ? in.approveFirst() : now.approveFirst(),
            in.intro() != null ? in.intro() : now.intro());
    ctx.json(settingsJson(ctx, saved));
  }

  private void list(Context ctx) {
    int limit = Requests.limit(ctx, 50);
    String cursor = ctx.queryParam("cursor");
    int offset = cursor == null || cursor.isBlank() ? 0 : (int) Cursor.decode(cursor.trim(), 1)[0];
    String visibility = ctx.queryParam("visibility");
    String status = ctx.queryParam("status");
    String sort = ctx.queryParam("sort");
    if (sort != null && !sort.equals("top") && !sort.equals("new")) {
      throw Invalid.field("sort", "must be top or new");
    }
    PortalModeration.IdeaList list =
        moderation.ideas(
            Requests.user(ctx),
            product(ctx),
            new PortalModeration.Filter(
                visibility == null ? null : visibility(visibility, "visibility"),
                status == null ? null : status(status),
                "new".equals(sort) ? PortalStore.Order.NEW : PortalStore.Order.TOP,
                offset,
                limit));
    String slug = list.product().product().slug();
    boolean more = offset + list.ideas().size() < list.total();
    ctx.json(
        new ListJson<>(
            list.ideas().stream().map(i -> PortalIdeaJson.of(i, slug)).toList(),
            list.total(),
            more ? Cursor.encode(offset + limit) : null));
  }

  private void get(Context ctx) {
    PortalModeration.IdeaDetail d =
        moderation.idea(Requests.user(ctx), product(ctx), Requests.idParam(ctx, "idea"));
    Requests.etag(ctx, d.idea().version());
    ctx.json(
        new PortalIdeaDetailJson(
            PortalIdeaJson.of(d.idea(), d.product().product().slug()),
            d.comments().stream().map(PortalCommentJson::of).toList(),
            d.voters(),
            d.links().stream().map(PortalLinkJson::of).toList()));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    PortalIdeaPatch p = Requests.body(ctx, json, PortalIdeaPatch.class);
    Idea saved =
        moderation.update(
            Requests.user(ctx),
            product(ctx),
            Requests.idParam(ctx, "idea"),
            expected,
            new PortalModeration.IdeaPatch(
                p.title(),
                p.description(),
                p.status() == null ? null : status(p.status()),
                p.visibility() == null ? null : visibility(p.visibility(), "visibility")));
    Requests.etag(ctx, saved.version());
    ctx.json(PortalIdeaJson.of(saved, slugOf(ctx, saved)));
  }

  private void merge(Context ctx) {
    PortalMergeInput in = Requests.body(ctx, json, PortalMergeInput.class);
    Idea into =
        moderation.merge(
            Requests.user(ctx),
            product(ctx),
            Requests.idParam(ctx, "idea"),
            in.ideas() == null ? List.of() : in.ideas());
    Requests.etag(ctx, into.version());
    ctx.json(PortalIdeaJson.of(into, slugOf(ctx, into)));
  }

  private void link(Context ctx) {
    PortalLinkInput in = Requests.body(ctx, json, PortalLinkInput.class);
    Link link =
        moderation.linkToFeature(
            Requests.user(ctx), product(ctx), Requests.idParam(ctx, "idea"), in.item());
    ctx.status(201).json(PortalLinkJson.of(link));
  }

  private void moderateComment(Context ctx) {
    PortalCommentPatch in = Requests.body(ctx, json, PortalCommentPatch.class);
    IdeaComment c =
        moderation.moderateComment(
            Requests.user(ctx),
            product(ctx),
            Requests.idParam(ctx, "comment"),
            visibility(in.visibility(), "visibility"));
    ctx.json(PortalCommentJson.of(c));
  }

  private String slugOf(Context ctx, Idea idea) {
    return moderation.product(Requests.user(ctx), Long.toString(idea.productId())).slug();
  }

  private static IdeaStatus status(String id) {
    return IdeaStatus.parse(id.trim())
        .orElseThrow(() -> Invalid.field("status", "must be one of " + IdeaStatus.ids()));
  }

  private static Visibility visibility(String id, String field) {
    return Visibility.parse(id == null ? "" : id.trim())
        .orElseThrow(() -> Invalid.field(field, "must be pending, approved or hidden"));
  }
}
