package io.hatrack.definition.prototypes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeDetailJson;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeHotspotInput;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeHotspotJson;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeInput;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeScreenCandidateJson;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeScreenInput;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeScreenJson;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeScreenPatch;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeShareCreatedJson;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeShareInput;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeShareJson;
import io.hatrack.definition.prototypes.PrototypeJson.PrototypeSummaryJson;
import io.hatrack.definition.prototypes.PrototypeService.Edited;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.ItemAccess;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Prototypes over the API: the prototype, its screens and hotspots, and its share links. */
public final class PrototypeApi implements Routes {
  private static final String TAG = "Prototypes";
  private static final String ONE = "/api/v1/prototypes/{id}";
  private static final String SCREEN = ONE + "/screens/{screen}";
  private static final String HOTSPOT = SCREEN + "/hotspots/{hotspot}";

  private final PrototypeService prototypes;
  private final ObjectMapper json;

  public PrototypeApi(PrototypeService prototypes, ObjectMapper json) {
    this.prototypes = prototypes;
    this.json = json;
  }

  /** The prototype as the uniform {@code GET /api/v1/items/{item}} shows it. */
  public Object itemJson(User user, ItemAccess access) {
    return PrototypeDetailJson.of(prototypes.get(user, Long.toString(access.id())).prototype());
  }

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/prototypes", this::list)
        .summary("A product's prototypes, most recently updated first")
        .tag(TAG)
        .paged()
        .returnsList(PrototypeSummaryJson.class);
    r.post("/api/v1/products/{product}/prototypes", this::create)
        .summary("Make a prototype (editors); add screens to it next")
        .tag(TAG)
        .body(PrototypeInput.class)
        .returns(201, PrototypeDetailJson.class);
    r.get(ONE, this::get)
        .summary("A prototype by id or key, with its screens and their hotspots")
        .tag(TAG)
        .etag()
        .returns(200, PrototypeDetailJson.class);
    r.patch(ONE, this::update)
        .summary("Edit a prototype's title, description or start screen (editors)")
        .tag(TAG)
        .body(PrototypeInput.class)
        .ifMatch()
        .etag()
        .returns(200, PrototypeDetailJson.class);
    r.delete(ONE, this::delete)
        .summary("Delete a prototype (editors); its share links stop working; it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post(ONE + "/restore", this::restore)
        .summary("Restore a deleted prototype (editors)")
        .tag(TAG)
        .etag()
        .returns(200, PrototypeDetailJson.class);
    screens(r);
    hotspots(r);
    shares(r);
  }

  private void screens(Router r) {
    r.get(ONE + "/screen-candidates", this::candidates)
        .summary("The product's wireframes and image attachments that can become screens")
        .tag(TAG)
        .returnsList(PrototypeScreenCandidateJson.class);
    r.post(ONE + "/screens", this::addScreen)
        .summary(
            "Add a screen at the end (editors): an uploaded image, a wireframe or an attachment")
        .description(
            "Upload a PNG, JPEG or SVG image (at most 5 MB; its type is read from its content, SVG"
                + " is sanitised) as multipart/form-data with the file in the part 'image' and an"
                + " optional 'name'; or send JSON {source_kind: wireframe|attachment, source_id,"
                + " name} for one of the screen candidates. Needs If-Match with the prototype's"
                + " ETag; answers with the new ETag.")
        .tag(TAG)
        .body(PrototypeScreenInput.class)
        .ifMatch()
        .etag()
        .returns(201, PrototypeScreenJson.class);
    r.patch(SCREEN, this::changeScreen)
        .summary("Rename a screen or move it to another place (editors)")
        .tag(TAG)
        .body(PrototypeScreenPatch.class)
        .ifMatch()
        .etag()
        .returns(200, PrototypeScreenJson.class);
    r.delete(SCREEN, this::deleteScreen)
        .summary("Delete a screen with its hotspots and the hotspots that lead to it (editors)")
        .tag(TAG)
        .ifMatch()
        .etag()
        .noContent();
    r.get(SCREEN + "/image", this::image)
        .summary("The image a screen shows (PNG, JPEG or SVG), with its content type")
        .tag(TAG);
  }

  private void hotspots(Router r) {
    r.post(SCREEN + "/hotspots", this::addHotspot)
        .summary("Draw a hotspot on a screen that leads to another screen (editors)")
        .description(
            "x, y, w, h are fractions (0 to 1) of the screen's width and height; the rectangle"
                + " must lie inside the screen and have a size. The target must be a screen of"
                + " the same prototype.")
        .tag(TAG)
        .body(PrototypeHotspotInput.class)
        .ifMatch()
        .etag()
        .returns(201, PrototypeHotspotJson.class);
    r.patch(HOTSPOT, this::changeHotspot)
        .summary("Move, resize, re-target or relabel a hotspot (editors)")
        .tag(TAG)
        .body(PrototypeHotspotInput.class)
        .ifMatch()
        .etag()
        .returns(200, PrototypeHotspotJson.class);
    r.delete(HOTSPOT, this::deleteHotspot)
        .summary("Delete a hotspot (editors)")
        .tag(TAG)
        .ifMatch()
        .etag()
        .noContent();
  }

  private void shares(Router r) {
    r.post(ONE + "/shares", this::share)
        .summary("Make a read-only link that plays the prototype without signing in (editors)")
        .description("The answer holds the link's token and address: they are never shown again.")
        .tag(TAG)
        .body(PrototypeShareInput.class)
        .returns(201, PrototypeShareCreatedJson.class);
    r.get(ONE + "/shares", this::listShares)
        .summary("A prototype's share links, newest first, revoked ones included (editors)")
        .tag(TAG)
        .returnsList(PrototypeShareJson.class);
    r.delete(ONE + "/shares/{share}", this::revokeShare)
        .summary("Revoke a share link: from then on it answers 404 (editors)")
        .tag(TAG)
        .noContent();
  }

  // ---- Prototypes -------------------------------------------------------------------------

  private void list(Context ctx) {
    var slice =
        prototypes.list(
            Requests.user(ctx),
            ctx.pathParam("product"),
            ctx.queryParam("cursor"),
            Requests.limit(ctx, 50));
    ctx.json(
        new ListJson<>(
            slice.items().stream().map(PrototypeSummaryJson::of).toList(),
            slice.total(),
            slice.nextCursor()));
  }

  private void create(Context ctx) {
    PrototypeInput input = Requests.body(ctx, json, PrototypeInput.class);
    if (input.startScreenId() != null) {
      throw Invalid.field("start_screen_id", "cannot be set before the prototype has screens");
    }
    Prototype p =
        prototypes.create(
            Requests.user(ctx), ctx.pathParam("product"), input.title(), input.description());
    Requests.etag(ctx, p.version());
    ctx.header("Location", "/api/v1/prototypes/" + p.id());
    ctx.status(201).json(PrototypeDetailJson.of(p));
  }

  private void get(Context ctx) {
    Prototype p = prototypes.get(Requests.user(ctx), ctx.pathParam("id")).prototype();
    Requests.etag(ctx, p.version());
    ctx.json(PrototypeDetailJson.of(p));
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    PrototypeInput input = Requests.body(ctx, json, PrototypeInput.class);
    Prototype p =
        prototypes.update(
            Requests.user(ctx),
            ctx.pathParam("id"),
            expected,
            input.title(),
            input.description(),
            input.startScreenId());
    Requests.etag(ctx, p.version());
    ctx.json(PrototypeDetailJson.of(p));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    prototypes.delete(Requests.user(ctx), ctx.pathParam("id"), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    Prototype p = prototypes.restore(Requests.user(ctx), ctx.pathParam("id"));
    Requests.etag(ctx, p.version());
    ctx.json(PrototypeDetailJson.of(p));
  }

  // ---- Screens ----------------------------------------------------------------------------

  private void candidates(Context ctx) {
    List<PrototypeScreenCandidateJson> candidates =
        prototypes.candidates(Requests.user(ctx), ctx.pathParam("id")).stream()
            .map(c -> new PrototypeScreenCandidateJson(c.kind(), c.id(), c.label()))
            .toList();
    ctx.json(new ListJson<>(candidates, candidates.size(), null));
  }

  private void addScreen(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    User user = Requests.user(ctx);
    String ref = ctx.pathParam("id");
    Edited<Screen> added;
    if (ctx.isMultipartFormData()) {
      UploadedFile file = ctx.uploadedFile("image");
      if (file == null) {
        throw Invalid.field("image", "is required: send the file in the multipart part 'image'");
      }
      added =
          prototypes.addImage(
              user, ref, expected, ctx.formParam("name"), bytes(file), file.contentType());
    } else {
      PrototypeScreenInput input = Requests.body(ctx, json, PrototypeScreenInput.class);
      if (ScreenKind.IMAGE.id().equals(input.sourceKind())) {
        throw Invalid.field(
            "source_kind", "image screens are uploaded as multipart/form-data (part 'image')");
      }
      added =
          prototypes.addFromSource(
              user, ref, expected, input.name(), input.sourceKind(), input.sourceId());
    }
    screenAnswer(ctx, user, ref, added, 201);
  }

  /** The bytes of an upload, refusing oversize files before reading them. */
  static byte[] bytes(UploadedFile file) {
    if (file.size() > UploadedImages.MAX_BYTES) {
      throw Invalid.field("image", "is larger than 5 MB, the largest accepted");
    }
    try (InputStream in = file.content()) {
      return in.readNBytes(UploadedImages.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void screenAnswer(Context ctx, User user, String ref, Edited<Screen> edited, int status) {
    Prototype p = prototypes.get(user, ref).prototype();
    Screen screen = p.screen(edited.value().id()).orElse(edited.value());
    Requests.etag(ctx, edited.version());
    ctx.status(status).json(PrototypeScreenJson.of(p, screen));
  }

  private void changeScreen(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    PrototypeScreenPatch patch = Requests.body(ctx, json, PrototypeScreenPatch.class);
    User user = Requests.user(ctx);
    String ref = ctx.pathParam("id");
    Edited<Screen> changed =
        prototypes.changeScreen(
            user,
            ref,
            expected,
            Requests.idParam(ctx, "screen"),
            new PrototypeService.ScreenChanges(patch.name(), patch.position()));
    screenAnswer(ctx, user, ref, changed, 200);
  }

  private void deleteScreen(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    long version =
        prototypes.deleteScreen(
            Requests.user(ctx), ctx.pathParam("id"), expected, Requests.idParam(ctx, "screen"));
    Requests.etag(ctx, version);
    ctx.status(204);
  }

  private void image(Context ctx) {
    var image =
        prototypes.image(Requests.user(ctx), ctx.pathParam("id"), Requests.idParam(ctx, "screen"));
    ScreenImageAnswer.send(ctx, image);
  }

  // ---- Hotspots ---------------------------------------------------------------------------

  private void addHotspot(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    PrototypeHotspotInput input = Requests.body(ctx, json, PrototypeHotspotInput.class);
    Edited<Hotspot> added =
        prototypes.addHotspot(
            Requests.user(ctx),
            ctx.pathParam("id"),
            expected,
            Requests.idParam(ctx, "screen"),
            input.toInput());
    Requests.etag(ctx, added.version());
    ctx.status(201).json(PrototypeHotspotJson.of(added.value()));
  }

  private void changeHotspot(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    PrototypeHotspotInput input = Requests.body(ctx, json, PrototypeHotspotInput.class);
    Edited<Hotspot> changed =
        prototypes.changeHotspot(
            Requests.user(ctx),
            ctx.pathParam("id"),
            expected,
            Requests.idParam(ctx, "screen"),
            Requests.idParam(ctx, "hotspot"),
            input.toInput());
    Requests.etag(ctx, changed.version());
    ctx.json(PrototypeHotspotJson.of(changed.value()));
  }

  private void deleteHotspot(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    long version =
        prototypes.deleteHotspot(
            Requests.user(ctx),
            ctx.pathParam("id"),
            expected,
            Requests.idParam(ctx, "screen"),
            Requests.idParam(ctx, "hotspot"));
    Requests.etag(ctx, version);
    ctx.status(204);
  }

  // ---- Share links ------------------------------------------------------------------------

  private void share(Context ctx) {
    PrototypeShareInput input =
        ctx.bodyAsBytes().length == 0
            ? new PrototypeShareInput(null)
            : Requests.body(ctx, json, PrototypeShareInput.class);
    PrototypeService.NewShare made =
        prototypes.share(Requests.user(ctx), ctx.pathParam("id"), input.label());
    ShareLink link = made.link();
    ctx.status(201)
        .json(
            new PrototypeShareCreatedJson(
                link.id(),
                link.label(),
                link.active(),
                link.createdAt(),
                made.token(),
                made.path(),
                origin(ctx) + made.path()));
  }

  /** The scheme, host and port the caller reached this server at. */
  static String origin(Context ctx) {
    String url = ctx.fullUrl();
    int path = url.indexOf('/', url.indexOf("//") + 2);
    return path < 0 ? url : url.substring(0, path);
  }

  private void listShares(Context ctx) {
    List<PrototypeShareJson> links =
        prototypes.shares(Requests.user(ctx), ctx.pathParam("id")).stream()
            .map(PrototypeShareJson::of)
            .toList();
    ctx.json(new ListJson<>(links, links.size(), null));
  }

  private void revokeShare(Context ctx) {
    prototypes.revokeShare(Requests.user(ctx), ctx.pathParam("id"), Requests.idParam(ctx, "share"));
    ctx.status(204);
  }
}
