package io.hatrack.definition.wireframes;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Images (PNG, JPEG, SVG) attached to any item: a work item, a page, a wireframe, anything with an
 * entity. The type is read from the bytes; SVGs are sanitised before they are stored. Editors of
 * the item's workspace attach and delete; every member sees them. Uploading the same name again
 * adds the next version and keeps the older ones.
 */
public final class AttachmentService {
  /** The largest image accepted, in bytes (5 MiB). */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  private final Database db;
  private final AttachmentStore store;
  private final ItemService items;
  private final AuditLog audit;
  private final Clock clock;

  /** An attachment's bytes, with the type and name to serve them under. */
  public record Content(String contentType, byte[] bytes, String name) {}

  /** The attachments of an item, with the reader's access to it. */
  public record Gallery(ItemAccess access, List<Attachment> attachments) {
    public boolean canEdit() {
      return access.role().atLeast(Role.EDITOR);
    }
  }

  public AttachmentService(
      Database db, AttachmentStore store, ItemService items, AuditLog audit, Clock clock) {
    this.db = db;
    this.store = store;
    this.items = items;
    this.audit = audit;
    this.clock = clock;
  }

  /** The reason an image of {@code size} bytes is refused, or null when it is small enough. */
  public static String tooLarge(String name, long size) {
    if (size <= MAX_BYTES) {
      return null;
    }
    return (name == null || name.isBlank() ? "the file" : name)
        + " is "
        + megabytes(size)
        + "; an image may be at most "
        + megabytes(MAX_BYTES);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace(".0 ", " ");
  }

  /**
   * Attaches the image {@code bytes} named {@code fileName} to the item (editors). An {@link
   * Invalid} for the field {@code file} when it is too large, not a PNG, JPEG or SVG image, or
   * named as another type; nothing is stored then.
   */
  public Attachment upload(User actor, String itemRef, String fileName, byte[] bytes) {
    String reason = tooLarge(UploadedImage.cleanName(fileName), bytes.length);
    if (reason != null) {
      throw Invalid.field("file", reason);
    }
    UploadedImage image = UploadedImage.inspect(fileName, bytes);
    String sha = sha256(image.bytes());
    return db.tx(
        h -> {
          ItemAccess access = items.access(h, actor, itemRef).require(Role.EDITOR, "attach images");
          Item item = access.item();
          int version = store.nextVersion(h, item.id(), image.name());
          long id =
              store.insert(
                  h,
                  new AttachmentStore.NewAttachment(
                      item.id(),
                      image.name(),
                      image.type().contentType(),
                      image.width(),
                      image.height(),
                      sha,
                      image.bytes(),
                      actor.id()),
                  version,
                  clock.instant());
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("attachment", image.name());
          after.put("version", version);
          after.put("content_type", image.type().contentType());
          after.put("size_bytes", image.bytes().length);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "attachment.added",
                  "attached "
                      + image.name()
                      + (version > 1 ? " (version " + version + ")" : "")
                      + " to "
                      + item.label(),
                  null,
                  after));
          return store.byId(h, id).orElseThrow();
        });
  }

  /**
   * The attachments of an item: the newest version of each name, or with {@code everyVersion} every
   * version (by name, newest first).
   */
  public Gallery list(User actor, String itemRef, boolean everyVersion) {
    return db.read(
        h -> {
          ItemAccess access = items.access(h, actor, itemRef);
          List<Attachment> list =
              everyVersion ? store.all(h, access.id()) : store.latest(h, access.id());
          return new Gallery(access, list);
        });
  }

  /** An attachment's description, for a member of its item's workspace. */
  public Attachment get(User actor, long attachmentId) {
    return db.read(h -> readable(h, actor, attachmentId));
  }

  private Attachment readable(Handle h, User actor, long attachmentId) {
    Attachment a = store.byId(h, attachmentId).orElseThrow(() -> new NotFound("attachment"));
    try {
      items.access(h, actor, a.itemId());
    } catch (NotFound e) {
      throw new NotFound("attachment");
    }
    return a;
  }

  /** An attachment's bytes, for a member of its item's workspace. */
  public Content content(User actor, long attachmentId) {
    return db.read(
        h -> {
          readable(h, actor, attachmentId);
          return content(h, attachmentId).orElseThrow(() -> new NotFound("attachment"));
        });
  }

  /**
   * The bytes of a live attachment with its content type and name, inside the caller's transaction.
   * Checks no permission: callers do.
   */
  public Optional<Content> content(Handle h, long attachmentId) {
    return store
        .content(h, attachmentId)
        .map(s -> new Content(s.contentType(), s.data(), s.name()));
  }

  /**
   * The description of a live attachment (its size, type, item), inside the caller's transaction.
   * Checks no permission: callers do.
   */
  public Optional<Attachment> describe(Handle h, long attachmentId) {
    return store.byId(h, attachmentId);
  }

  /**
   * The newest version of every image attached to a live item of the product, most recent first (at
   * most {@code limit}), inside the caller's transaction, for pickers of other hats. Checks no
   * permission.
   */
  public List<Attachment> inProduct(Handle h, long productId, int limit) {
    return store.latestInProduct(h, productId, limit);
  }

  /** Deletes one version of an attachment (editors of its item). */
  public void delete(User actor, long attachmentId) {
    db.txVoid(
        h -> {
          Attachment a = readable(h, actor, attachmentId);
          ItemAccess access =
              items.access(h, actor, a.itemId()).require(Role.EDITOR, "delete attachments");
          if (!store.markDeleted(h, attachmentId, clock.instant())) {
            throw new NotFound("attachment");
          }
          audit.record(
              h,
              access
                  .item()
                  .change(
                      actor.id(),
                      "attachment.deleted",
                      "removed "
                          + a.name()
                          + " (version "
                          + a.version()
                          + ") from "
                          + access.item().label(),
                      Map.of("attachment", a.name(), "version", a.version()),
                      null));
        });
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
