package io.hatrack.definition.prototypes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One screen of a prototype, in its place in the prototype's order, with its hotspots.
 *
 * @param sourceId the wireframe or attachment shown, for screens from a {@link ScreenSource}; null
 *     for uploaded images
 * @param contentType the type of an uploaded image; null for screens from a source
 * @param width the image's width when the screen was added (a source's image may change since)
 */
public record Screen(
    long id,
    long prototypeId,
    String name,
    int position,
    ScreenKind kind,
    Long sourceId,
    String contentType,
    int width,
    int height,
    long createdBy,
    Instant createdAt,
    List<Hotspot> hotspots) {
  public Screen {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    hotspots = List.copyOf(hotspots);
  }

  /** This screen with {@code list} as its hotspots. */
  public Screen withHotspots(List<Hotspot> list) {
    return new Screen(
        id,
        prototypeId,
        name,
        position,
        kind,
        sourceId,
        contentType,
        width,
        height,
        createdBy,
        createdAt,
        list);
  }

  /** This screen at another size (the current size of its source's image). */
  public Screen withSize(int newWidth, int newHeight) {
    return new Screen(
        id,
        prototypeId,
        name,
        position,
        kind,
        sourceId,
        contentType,
        newWidth,
        newHeight,
        createdBy,
        createdAt,
        hotspots);
  }
}
