package io.hatrack.definition.prototypes;

import io.hatrack.kernel.work.Item;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of the prototypes API. Their names without the {@code Json} suffix are the
 * OpenAPI schema names.
 */
public final class PrototypeJson {
  private PrototypeJson() {}

  /** A prototype in a listing. */
  public record PrototypeSummaryJson(
      long id,
      String key,
      String title,
      long version,
      long productId,
      int screens,
      Instant createdAt,
      Instant updatedAt,
      String url) {
    static PrototypeSummaryJson of(PrototypeSummary s) {
      Item i = s.item();
      return new PrototypeSummaryJson(
          i.id(),
          i.key(),
          i.title(),
          i.version(),
          i.productId(),
          s.screens(),
          i.createdAt(),
          i.updatedAt(),
          "/i/" + i.key());
    }
  }

  /**
   * A prototype with its screens in order, each with its hotspots. {@code start_screen_id} is the
   * screen playing starts on (the chosen one, else the first; null without screens).
   */
  public record PrototypeDetailJson(
      long id,
      String key,
      String kind,
      String title,
      String description,
      Long startScreenId,
      List<PrototypeScreenJson> screens,
      long version,
      long productId,
      long createdBy,
      Instant createdAt,
      long updatedBy,
      Instant updatedAt,
      String url) {
    static PrototypeDetailJson of(Prototype p) {
      Item i = p.item();
      return new PrototypeDetailJson(
          i.id(),
          i.key(),
          PrototypeStore.KIND,
          i.title(),
          p.description(),
          p.start().map(Screen::id).orElse(null),
          p.screens().stream().map(s -> PrototypeScreenJson.of(p, s)).toList(),
          i.version(),
          i.productId(),
          i.createdBy(),
          i.createdAt(),
          i.updatedBy(),
          i.updatedAt(),
          "/i/" + i.key());
    }
  }

  /**
   * A screen. {@code source_kind} is image (uploaded to the prototype), wireframe or attachment
   * ({@code source_id} names which); {@code image_url} serves its image.
   */
  public record PrototypeScreenJson(
      long id,
      String name,
      int position,
      String sourceKind,
      Long sourceId,
      String contentType,
      int width,
      int height,
      String imageUrl,
      List<PrototypeHotspotJson> hotspots) {
    static PrototypeScreenJson of(Prototype p, Screen s) {
      return new PrototypeScreenJson(
          s.id(),
          s.name(),
          s.position(),
          s.kind().id(),
          s.sourceId(),
          s.contentType(),
          s.width(),
          s.height(),
          "/api/v1/prototypes/" + p.id() + "/screens/" + s.id() + "/image",
          s.hotspots().stream().map(PrototypeHotspotJson::of).toList());
    }
  }

  /** A hotspot: x, y, w, h are fractions (0 to 1) of the screen's width and height. */
  public record PrototypeHotspotJson(
      long id,
      long screenId,
      double x,
      double y,
      double w,
      double h,
      long targetScreenId,
      String label) {
    static PrototypeHotspotJson of(Hotspot hs) {
      HotspotArea a = hs.area();
      return new PrototypeHotspotJson(
          hs.id(), hs.screenId(), a.x(), a.y(), a.w(), a.h(), hs.targetScreenId(), hs.label());
    }
  }

  /** A share link, without its token (which is only shown when the link is made). */
  public record PrototypeShareJson(
      long id,
      String label,
      boolean active,
      long createdBy,
      String createdByName,
      Instant createdAt,
      Instant revokedAt) {
    static PrototypeShareJson of(ShareLink l) {
      return new PrototypeShareJson(
          l.id(),
          l.label(),
          l.active(),
          l.createdBy(),
          l.createdByName(),
          l.createdAt(),
          l.revokedAt());
    }
  }

  /** A new share link with its token and address: shown once, never again. */
  public record PrototypeShareCreatedJson(
      long id,
      String label,
      boolean active,
      Instant createdAt,
      String token,
      String path,
      String url) {}

  /** A candidate screen from the product's wireframes or image attachments. */
  public record PrototypeScreenCandidateJson(String sourceKind, long sourceId, String label) {}

  /** Making or editing a prototype; null (or absent) keeps a field when editing. */
  public record PrototypeInput(String title, String description, Long startScreenId) {}

  /**
   * Adding a screen from a wireframe or an image attachment of the product (images are uploaded as
   * multipart/form-data instead).
   */
  public record PrototypeScreenInput(String name, String sourceKind, Long sourceId) {}

  /** Renaming a screen and/or moving it to another place (0 = first). */
  public record PrototypeScreenPatch(String name, Integer position) {}

  /** Drawing a hotspot, or changing one (absent fields are kept). */
  public record PrototypeHotspotInput(
      Double x, Double y, Double w, Double h, Long targetScreenId, String label) {
    PrototypeService.HotspotInput toInput() {
      return new PrototypeService.HotspotInput(x, y, w, h, targetScreenId, label);
    }
  }

  /** Making a share link; the label says whom it is for. */
  public record PrototypeShareInput(String label) {}
}
