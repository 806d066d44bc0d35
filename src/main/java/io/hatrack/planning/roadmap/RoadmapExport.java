package io.hatrack.planning.roadmap;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A roadmap as a file: CSV of its entries, or its timeline as SVG or PNG. */
public final class RoadmapExport {
  /** The formats, with their content types. */
  public enum Format {
    CSV("text/csv; charset=utf-8", "csv"),
    SVG("image/svg+xml", "svg"),
    PNG("image/png", "png");

    private final String contentType;
    private final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    public String contentType() {
      return contentType;
    }

    public String extension() {
      return extension;
    }

    public static Format parse(String value) {
      for (Format f : values()) {
        if (f.extension.equalsIgnoreCase(value == null ? "" : value.strip())) {
          return f;
        }
      }
      throw io.hatrack.kernel.Invalid.field("format", "must be one of csv, svg, png");
    }
  }

  /** A file: its bytes, type and name. */
  public record File(byte[] bytes, String contentType, String name) {}

  public static final List<String> COLUMNS =
      List.of("key", "title", "type", "horizon", "start", "end", "release", "team", "public");

  private RoadmapExport() {}

  /** One row per entry, in the columns of {@link #COLUMNS}; dates as ISO text. */
  public static String csv(List<RoadmapEntry> entries) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        new CSVPrinter(
            out,
            CSVFormat.DEFAULT
                .builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\r\n")
                .get())) {
      for (RoadmapEntry e : entries) {
        csv.printRecord(
            e.key(),
            e.title(),
            e.type(),
            e.horizon().id(),
            e.start() == null ? "" : e.start().toString(),
            e.end() == null ? "" : e.end().toString(),
            e.release(),
            e.team() == null ? "" : e.team(),
            e.isPublic() ? "true" : "false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The file of {@code format} for a timeline view; {@code base} names the file. */
  public static File file(Format format, RoadmapService.TimelineView view, String base) {
    String title =
        view.roadmap().product().product().name()
            + " roadmap by "
            + view.lane().label().toLowerCase(Locale.ROOT)
            + ", "
            + view.timeline().from()
            + " to "
            + view.timeline().to();
    byte[] bytes =
        switch (format) {
          case CSV -> csv(view.roadmap().entries()).getBytes(StandardCharsets.UTF_8);
          case SVG -> TimelineSvg.document(view.timeline(), title).getBytes(StandardCharsets.UTF_8);
          case PNG -> TimelinePng.render(view.timeline());
        };
    return new File(bytes, format.contentType(), base + "." + format.extension());
  }
}
