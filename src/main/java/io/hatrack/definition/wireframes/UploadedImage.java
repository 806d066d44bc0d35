package io.hatrack.definition.wireframes;

import io.hatrack.kernel.Invalid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An uploaded file recognised as an image from its bytes, never from its name or the type the
 * browser declared: PNG and JPEG by their signatures, SVG by parsing it as XML with an {@code
 * <svg>} root (and then sanitised). A name whose extension says another type is refused, so that
 * nobody downloads {@code photo.png} and gets a JPEG. Pure: no I/O.
 *
 * @param bytes the bytes to store: as uploaded for PNG and JPEG, sanitised for SVG
 * @param width in pixels, or null when an SVG states no size
 * @param height in pixels, or null when an SVG states no size
 */
public record UploadedImage(String name, Type type, byte[] bytes, Integer width, Integer height) {

  /** The longest file name kept, in characters. */
  public static final int MAX_NAME = 200;

  /** The image types Hatrack accepts. */
  public enum Type {
    PNG("image/png", "a PNG image", "png", Set.of("png")),
    JPEG("image/jpeg", "a JPEG image", "jpg", Set.of("jpg", "jpeg", "jpe", "jfif")),
    SVG("image/svg+xml", "an SVG image", "svg", Set.of("svg"));

    private final String contentType;
    private final String described;
    private final String extension;
    private final Set<String> extensions;

    Type(String contentType, String described, String extension, Set<String> extensions) {
      this.contentType = contentType;
      this.described = described;
      this.extension = extension;
      this.extensions = extensions;
    }

    public String contentType() {
      return contentType;
    }

    /** How messages name it, e.g. "a JPEG image". */
    public String described() {
      return described;
    }

    /** The usual extension, without the dot. */
    public String extension() {
      return extension;
    }

    /** The type a name's extension claims, if it is one of the accepted ones. */
    static Type ofExtension(String extension) {
      for (Type t : values()) {
        if (t.extensions.contains(extension)) {
          return t;
        }
      }
      return null;
    }

    public static Type ofContentType(String contentType) {
      for (Type t : values()) {
        if (t.contentType.equals(contentType)) {
          return t;
        }
      }
      throw new IllegalArgumentException("not an image type Hatrack stores: " + contentType);
    }
  }

  /**
   * Recognises the image in {@code bytes} uploaded as {@code fileName}; an {@link Invalid} for the
   * field {@code file} that names the file and says what it is when it is not a PNG, JPEG or SVG
   * image, or when its name claims another type.
   */
  public static UploadedImage inspect(String fileName, byte[] bytes) {
    String name = cleanName(fileName);
    if (bytes.length == 0) {
      throw Invalid.field("file", name + " is empty");
    }
    Type type = sniff(name, bytes);
    String extension = extension(name);
    if (extension != null) {
      Type claimed = Type.ofExtension(extension);
      if (claimed != type) {
        throw Invalid.field(
            "file",
            name
                + " is "
                + type.described()
                + (claimed == null
                    ? ", but its name ends in ." + extension
                    : ", not " + claimed.described())
                + ": name it "
                + baseName(name)
                + "."
                + type.extension()
                + " or choose another file");
      }
    }
    if (type == Type.SVG) {
      try {
        SvgSanitizer.Sanitized svg = SvgSanitizer.sanitize(bytes);
        return new UploadedImage(name, type, svg.svg(), svg.width(), svg.height());
      } catch (IllegalArgumentException e) {
        throw Invalid.field("file", name + " " + e.getMessage());
      }
    }
    int[] size = rasterSize(name, type, bytes);
    return new UploadedImage(name, type, bytes, size[0], size[1]);
  }

  /** The name without any folder a browser sent along, trimmed and checked. */
  static String cleanName(String fileName) {
    String name = fileName == null ? "" : fileName;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw Invalid.field("file", "needs a file name");
    }
    if (name.length() > MAX_NAME) {
      throw Invalid.field("file", "the file name must be at most " + MAX_NAME + " characters");
    }
    return name;
  }

  private static Type sniff(String name, byte[] b) {
    if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Type.PNG;
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return Type.JPEG;
    }
    String other = otherKnownType(b);
    if (other != null) {
      throw Invalid.field(
          "file", name + " is " + other + "; only PNG, JPEG and SVG images can be attached");
    }
    if (SvgSanitizer.looksLikeXml(b)) {
      return Type.SVG;
    }
    throw Invalid.field(
        "file", name + " is not a PNG, JPEG or SVG image (its content is not an image we know)");
  }

  private static String otherKnownType(byte[] b) {
    if (starts(b, 'G', 'I', 'F', '8')) {
      return "a GIF image";
    }
    if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E') {
      return "a WebP image";
    }
    if (starts(b, '%', 'P', 'D', 'F')) {
      return "a PDF document";
    }
    if (starts(b, 'B', 'M')) {
      return "a BMP image";
    }
    if (starts(b, 'I', 'I', 0x2A, 0x00) || starts(b, 'M', 'M', 0x00, 0x2A)) {
      return "a TIFF image";
    }
    if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
      return "an HEIC or MP4 file";
    }
    if (starts(b, 'P', 'K', 0x03, 0x04)) {
      return "a ZIP archive";
    }
    return null;
  }

  private static boolean starts(byte[] bytes, int... signature) {
    if (bytes.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((bytes[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  private static int[] rasterSize(String name, Type type, byte[] bytes) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw unreadable(name, type, "no reader recognises it");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof Invalid invalid) {
        throw invalid;
      }
      throw unreadable(name, type, e.getMessage());
    }
  }

  private static Invalid unreadable(String name, Type type, String why) {
    return Invalid.field(
        "file",
        name
            + " starts like "
            + type.described()
            + " but cannot be read"
            + (why == null ? "" : " (" + why + ")"));
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return null;
    }
    String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return extension.matches("[a-z0-9]{1,5}") ? extension : null;
  }

  private static String baseName(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? name : name.substring(0, dot);
  }
}
