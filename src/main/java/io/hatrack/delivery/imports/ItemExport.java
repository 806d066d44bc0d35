package io.hatrack.delivery.imports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemService;
import io.hatrack.delivery.DeliveryHat;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Exports the live work items of a product (every type, or one), as CSV or JSON, page by page so
 * that a large product is never held in memory whole. The scope is the definition hat's work items
 * (objectives, initiatives, epics, features, stories, bugs and tasks), the same records the
 * importers create; other hats' items (feedback, documents, decisions) have their own exports. The
 * CSV's columns read back through the generic CSV import ({@code key}, {@code title}, {@code type},
 * {@code status}, {@code parent}, {@code estimate}, {@code tags}, {@code owner}, {@code
 * description}).
 */
public final class ItemExport {
  /** The columns of the CSV, and the fields of each JSON object. */
  public static final List<String> COLUMNS =
      List.of(
          "key",
          "type",
          "title",
          "status",
          "status_category",
          "parent",
          "owner",
          "estimate",
          "size",
          "tags",
          "description",
          "created_at",
          "updated_at");

  private static final int PAGE = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeliveryHat.Kernel k;

  public ItemExport(DeliveryHat.Kernel kernel) {
    this.k = kernel;
  }

  /** The formats: csv or json. */
  public enum Format {
    CSV("text/csv; charset=utf-8"),
    JSON("application/json");

    private final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }

    public String contentType() {
      return contentType;
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Format parse(String value) {
      for (Format f : values()) {
        if (f.id().equalsIgnoreCase(value == null ? "csv" : value.strip())) {
          return f;
        }
      }
      throw Invalid.field("format", "must be csv or json");
    }
  }

  /** Checks that the reader may see the product and that the type exists, before writing. */
  public void check(User actor, String productRef, String type) {
    k.definition().workItems().list(actor, productRef, type, null, "key", null, 1);
  }

  /** Writes the items and answers how many were written. */
  public long export(User actor, String productRef, Format format, String type, Writer out) {
    try {
      return format == Format.CSV
          ? csv(actor, productRef, type, out)
          : json(actor, productRef, type, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface PageWriter {
    void write(WorkItem item, List<String> tags) throws IOException;
  }

  private long pages(User actor, String productRef, String type, PageWriter writer)
      throws IOException {
    WorkItemService items = k.definition().workItems();
    String cursor = null;
    long count = 0;
    do {
      WorkItemService.Listing page = items.list(actor, productRef, type, null, "key", cursor, PAGE);
      List<WorkItem> list = page.slice().items();
      Map<Long, List<String>> tags =
          k.db().read(h -> items.tags(h, list.stream().map(WorkItem::id).toList()));
      for (WorkItem w : list) {
        writer.write(w, tags.getOrDefault(w.id(), List.of()));
        count++;
      }
      cursor = page.slice().nextCursor();
    } while (cursor != null);
    return count;
  }

  private long csv(User actor, String productRef, String type, Writer out) throws IOException {
    CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
    printer.printRecord(COLUMNS);
    long n =
        pages(
            actor,
            productRef,
            type,
            (w, tags) -> {
              printer.printRecord(values(w, tags));
            });
    printer.flush();
    return n;
  }

  private static List<Object> values(WorkItem w, List<String> tags) {
    return List.of(
        w.key(),
        w.type().id(),
        w.title(),
        w.state().name(),
        w.state().category().id(),
        w.parent() == null ? "" : w.parent().key(),
        w.owner() == null ? "" : w.owner().handle(),
        w.estimate() == null ? "" : w.estimateText(),
        w.size() == null ? "" : w.size().id(),
        String.join(";", tags),
        w.description(),
        w.item().createdAt().toString(),
        w.item().updatedAt().toString());
  }

  private long json(User actor, String productRef, String type, Writer out) throws IOException {
    JsonGenerator g = JSON.getFactory().createGenerator(out);
    g.writeStartArray();
    long n =
        pages(
            actor,
            productRef,
            type,
            (w, tags) -> {
              g.writeStartObject();
              g.writeStringField("key", w.key());
              g.writeStringField("type", w.type().id());
              g.writeStringField("title", w.title());
              g.writeStringField("status", w.state().name());
              g.writeStringField("status_category", w.state().category().id());
              g.writeStringField("parent", w.parent() == null ? null : w.parent().key());
              g.writeStringField("owner", w.owner() == null ? null : w.owner().handle());
              if (w.estimate() == null) {
                g.writeNullField("estimate");
              } else {
                g.writeNumberField("estimate", w.estimate());
              }
              g.writeStringField("size", w.size() == null ? null : w.size().id());
              g.writeArrayFieldStart("tags");
              for (String t : tags) {
                g.writeString(t);
              }
              g.writeEndArray();
              g.writeStringField("description", w.description());
              g.writeStringField("created_at", w.item().createdAt().toString());
              g.writeStringField("updated_at", w.item().updatedAt().toString());
              g.writeEndObject();
            });
    g.writeEndArray();
    g.flush();
    return n;
  }
}
