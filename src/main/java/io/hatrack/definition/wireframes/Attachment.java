package io.hatrack.definition.wireframes;

import java.time.Instant;

/**
 * An image attached to an item, without its bytes. Uploading the same name again to the same item
 * adds the next {@code version}; the older ones stay.
 *
 * @param width in pixels, or null for an SVG that states no size
 * @param height in pixels, or null for an SVG that states no size
 * @param sha256 the hex SHA-256 of the stored bytes
 */
public record Attachment(
    long id,
    long itemId,
    String name,
    String contentType,
    long sizeBytes,
    Integer width,
    Integer height,
    int version,
    String sha256,
    long createdBy,
    String createdByName,
    Instant createdAt) {

  /** The size as people read it, e.g. {@code 14 KB} or {@code 1.2 MB}. */
  public String sizeText() {
    if (sizeBytes < 1024 * 1024) {
      return Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
  }
}
