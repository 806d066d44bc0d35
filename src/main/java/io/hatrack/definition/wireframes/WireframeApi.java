package io.hatrack.definition.wireframes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ListJson;
import io.hatrack.kernel.work.Item;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** Wireframes over the API: Salt source in, SVG out, every version kept. */
public final class WireframeApi implements Routes {
  private static final String TAG = "Wireframes";
  private static final String ONE = "/api/v1/wireframes/{id}";

  private final WireframeService wireframes;
  private final ObjectMapper json;

  public WireframeApi(WireframeService wireframes, ObjectMapper json) {
    this.wireframes = wireframes;
    this.json = json;
  }

  /** A wireframe in a listing: everything but the source. */
  public record WireframeSummaryJson(
      long id,
      String key,
      String title,
      long version,
      int sourceVersion,
      long productId,
      Instant createdAt,
      Instant updatedAt,
      String svgUrl,
      String url) {
    static WireframeSummaryJson of(WireframeSummary s) {
      Item i = s.item();
      return new WireframeSummaryJson(
          i.id(),
          i.key(),
          i.title(),
          i.version(),
          s.sourceVersion(),
          i.productId(),
          i.createdAt(),
          i.updatedAt(),
          versionSvgUrl(i.id(), s.sourceVersion()),
          "/i/" + i.key());
    }
  }

  /**
   * A wireframe. {@code svg_url} is the drawing of its current version; {@code version} is the ETag
   * for changes, {@code source_version} the number of the current saved source.
   */
  public record WireframeJson(
      long id,
      String key,
      String title,
      String kind,
      String source,
      long version,
      int sourceVersion,
      long productId,
      long createdBy,
      Instant createdAt,
      long updatedBy,
      Instant updatedAt,
      String svgUrl,
      String url) {}

  /** Writing a wireframe: a title and PlantUML Salt source (null keeps a field when editing). */
  public record WireframeInput(String title, String source) {}

  /** Drawing a source without saving it. */
  public record PreviewInput(String source) {}

  /** A saved version of the source; {@code source} only when one version is asked for. */
  public record VersionJson(
      int number,
      Integer restoredFrom,
      long createdBy,
      String createdByName,
      Instant createdAt,
      String source,
      String svgUrl) {
    static VersionJson of(WireframeVersion v) {
      return new VersionJson(
          v.number(),
          v.restoredFrom(),
          v.createdBy(),
          v.createdByName(),
          v.createdAt(),
          v.source(),
          versionSvgUrl(v.wireframeId(), v.number()));
    }
  }

  /** The versions of a wireframe, newest first. */
  public record VersionsJson(List<VersionJson> items, long total) {}

  static String versionSvgUrl(long id, int number) {
    return "/api/v1/wireframes/" + id + "/versions/" + number + ".svg";
  }

  @Override
  public void register(Router r) {
    r.get("/api/v1/products/{product}/wireframes", this::list)
        .summary("A product's wireframes, most recently updated first")
        .tag(TAG)
        .paged()
        .returnsList(WireframeSummaryJson.class);
    r.post("/api/v1/products/{product}/wireframes", this::create)
        .summary("Draw a wireframe in PlantUML Salt (editors)")
        .description(
            "The source may be a bare { block }, or wrapped in @startsalt/@endsalt or @startuml"
                + " with a salt line. A source that does not draw is refused (400) with its line"
                + " in the details of the field source, e.g. \"line 4: this { is never closed\";"
                + " !include, !import, !theme, %getenv and <img:...> are refused.")
        .tag(TAG)
        .body(WireframeInput.class)
        .returns(201, WireframeJson.class);
    r.post("/api/v1/wireframes/preview", this::preview)
        .summary("Draw a Salt source without saving it: the SVG, or 400 with the line at fault")
        .description("Answers image/svg+xml.")
        .tag(TAG)
        .body(PreviewInput.class)
        .returns(200, String.class);
    r.get(ONE + ".svg", this::svg)
        .summary("The drawing of a wireframe's current version (image/svg+xml)")
        .tag(TAG)
        .returns(200, String.class);
    r.get(ONE, this::get)
        .summary("A wireframe by id or key, with its source")
        .tag(TAG)
        .etag()
        .returns(200, WireframeJson.class);
    r.patch(ONE, this::update)
        .summary(
            "Change a wireframe's title and/or source (editors); a new source is a new version")
        .tag(TAG)
        .body(WireframeInput.class)
        .ifMatch()
        .etag()
        .returns(200, WireframeJson.class);
    r.delete(ONE, this::delete)
        .summary("Delete a wireframe (editors); it can be restored")
        .tag(TAG)
        .ifMatch()
        .noContent();
    r.post(ONE + "/restore", this::restore)
        .summary("Restore a deleted wireframe (editors)")
        .tag(TAG)
        .returns(200, WireframeJson.class);
    r.get(ONE + "/versions", this::versions)
        .summary("Every saved version of a wireframe's source, newest first")
        .tag(TAG)
        .returns(200, VersionsJson.class);
    r.get(ONE + "/versions/{number}.svg", this::versionSvg)
        .summary("The drawing of one saved version (image/svg+xml)")
        .tag(TAG)
        .returns(200, String.class);
    r.get(ONE + "/versions/{number}", this::version)
        .summary("One saved version, with its source")
        .tag(TAG)
        .returns(200, VersionJson.class);
    r.post(ONE + "/versions/{number}/restore", this::restoreVersion)
        .summary("Bring back an old version's source as the newest version (editors)")
        .tag(TAG)
        .ifMatch()
        .etag()
        .returns(200, WireframeJson.class);
  }

  private void list(Context ctx) {
    int limit = Requests.limit(ctx, 50);
    var slice =
        wireframes.list(
            Requests.user(ctx), ctx.pathParam("product"), ctx.queryParam("cursor"), limit);
    ctx.json(
        new ListJson<>(
            slice.items().stream().map(WireframeSummaryJson::of).toList(),
            slice.total(),
            slice.nextCursor()));
  }

  private void create(Context ctx) {
    WireframeInput input = Requests.body(ctx, json, WireframeInput.class);
    User user = Requests.user(ctx);
    Wireframe w = wireframes.create(user, ctx.pathParam("product"), input.title(), input.source());
    Requests.etag(ctx, w.version());
    ctx.header("Location", "/api/v1/wireframes/" + w.id());
    ctx.status(201).json(json(w));
  }

  private void preview(Context ctx) {
    PreviewInput input = Requests.body(ctx, json, PreviewInput.class);
    SaltRenderer.Rendering drawn = wireframes.preview(input.source());
    if (!drawn.ok()) {
      throw Invalid.field("source", drawn.problem().toString());
    }
    ImageAnswers.svg(ctx, drawn.svg(), "preview.svg", false);
  }

  private void get(Context ctx) {
    var view = wireframes.get(Requests.user(ctx), ctx.pathParam("id"));
    Requests.etag(ctx, view.wireframe().version());
    ctx.json(json(view));
  }

  /** The JSON of a wireframe, also for the uniform item endpoint. */
  WireframeJson json(WireframeService.WireframeView view) {
    return json(view.wireframe());
  }

  private static WireframeJson json(Wireframe w) {
    Item i = w.item();
    return new WireframeJson(
        i.id(),
        i.key(),
        i.title(),
        i.kind(),
        w.source(),
        i.version(),
        w.sourceVersion(),
        i.productId(),
        i.createdBy(),
        i.createdAt(),
        i.updatedBy(),
        i.updatedAt(),
        versionSvgUrl(i.id(), w.sourceVersion()),
        "/i/" + i.key());
  }

  private void update(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    WireframeInput input = Requests.body(ctx, json, WireframeInput.class);
    Wireframe w =
        wireframes.update(
            Requests.user(ctx), ctx.pathParam("id"), expected, input.title(), input.source());
    Requests.etag(ctx, w.version());
    ctx.json(json(w));
  }

  private void delete(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    wireframes.delete(Requests.user(ctx), ctx.pathParam("id"), expected);
    ctx.status(204);
  }

  private void restore(Context ctx) {
    Wireframe w = wireframes.restore(Requests.user(ctx), ctx.pathParam("id"));
    Requests.etag(ctx, w.version());
    ctx.json(json(w));
  }

  private void svg(Context ctx) {
    var view = wireframes.get(Requests.user(ctx), ctx.pathParam("id"));
    byte[] svg = wireframes.svg(Requests.user(ctx), Long.toString(view.wireframe().id()));
    ImageAnswers.svg(ctx, svg, fileName(view.wireframe().item(), null), false);
  }

  private void versions(Context ctx) {
    List<VersionJson> list =
        wireframes.versions(Requests.user(ctx), ctx.pathParam("id")).stream()
            .map(VersionJson::of)
            .toList();
    ctx.json(new VersionsJson(list, list.size()));
  }

  private static int number(Context ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("number"));
    } catch (NumberFormatException e) {
      throw new io.hatrack.kernel.NotFound("wireframe version");
    }
  }

  private void version(Context ctx) {
    ctx.json(
        VersionJson.of(wireframes.version(Requests.user(ctx), ctx.pathParam("id"), number(ctx))));
  }

  private void versionSvg(Context ctx) {
    User user = Requests.user(ctx);
    int number = number(ctx);
    var view = wireframes.get(user, ctx.pathParam("id"));
    byte[] svg = wireframes.versionSvg(user, Long.toString(view.wireframe().id()), number);
    ImageAnswers.svg(ctx, svg, fileName(view.wireframe().item(), number), true);
  }

  private void restoreVersion(Context ctx) {
    long expected = Requests.expectedVersion(ctx);
    Wireframe w =
        wireframes.restoreVersion(Requests.user(ctx), ctx.pathParam("id"), expected, number(ctx));
    Requests.etag(ctx, w.version());
    ctx.json(json(w));
  }

  static String fileName(Item item, Integer number) {
    String base = item.key() == null ? "wireframe-" + item.id() : item.key();
    return base + (number == null ? "" : "-v" + number) + ".svg";
  }
}
