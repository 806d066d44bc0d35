package io.hatrack.definition.prototypes;

import io.hatrack.definition.prototypes.ScreenSource.ScreenImage;
import io.hatrack.kernel.Invalid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Checks an uploaded screen image by its content, never by its name: a PNG, JPEG or SVG image of at
 * most {@link #MAX_BYTES}, with its size read from its header. SVG is sanitised: scripts, foreign
 * objects, event handler attributes and links other than to the image itself or to embedded
 * pictures are dropped, so that the file is only ever a picture.
 */
public final class UploadedImages {
  /** The largest image accepted, in bytes. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /** The largest width or height accepted, in pixels. */
  public static final int MAX_SIDE = 20_000;

  public static final String PNG = "image/png";
  public static final String JPEG = "image/jpeg";
  public static final String SVG = "image/svg+xml";

  private static final String FIELD = "image";
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Set<String> DROPPED_ELEMENTS =
      Set.of("script", "foreignobject", "handler", "listener", "iframe", "embed", "object");
  private static final Set<String> ANIMATIONS =
      Set.of("set", "animate", "animatemotion", "animatetransform");
  private static final Pattern SAFE_DATA_IMAGE =
      Pattern.compile(
          "^data:image/(png|jpeg|gif|webp);base64,[a-z0-9+/=\\s]*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern LENGTH = Pattern.compile("^\\s*([0-9]*\\.?[0-9]+)\\s*(px)?\\s*$");

  private UploadedImages() {}

  /**
   * The image in {@code bytes}, ready to keep and serve; an {@link Invalid} on the field {@code
   * image} saying what is wrong otherwise.
   *
   * @param declaredType the content type the client claimed, or null; a claim of another image type
   *     than the content's is refused, so that mislabelled files are noticed
   */
  public static ScreenImage read(byte[] bytes, String declaredType) {
    if (bytes == null || bytes.length == 0) {
      throw Invalid.field(FIELD, "is empty; choose a PNG, JPEG or SVG file");
    }
    if (bytes.length > MAX_BYTES) {
      throw Invalid.field(
          FIELD, "is " + megabytes(bytes.length) + " MB; the largest accepted is 5 MB");
    }
    ScreenImage image;
    if (startsWith(bytes, PNG_SIGNATURE)) {
      image = png(bytes);
    } else if (bytes.length > 3
        && (bytes[0] & 0xff) == 0xff
        && (bytes[1] & 0xff) == 0xd8
        && (bytes[2] & 0xff) == 0xff) {
      image = jpeg(bytes);
    } else if (looksLikeXml(bytes)) {
      image = svg(bytes);
    } else {
      throw Invalid.field(FIELD, "must be a PNG, JPEG or SVG image; this file is none of them");
    }
    checkClaim(declaredType, image.contentType());
    if (image.width() > MAX_SIDE || image.height() > MAX_SIDE) {
      throw Invalid.field(
          FIELD,
          "is "
              + image.width()
              + " × "
              + image.height()
              + " pixels; the largest accepted side is "
              + MAX_SIDE);
    }
    return image;
  }

  private static String megabytes(int bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }

  private static void checkClaim(String declaredType, String actual) {
    if (declaredType == null) {
      return;
    }
    String claimed = declaredType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (claimed.equals("image/jpg") || claimed.equals("image/pjpeg")) {
      claimed = JPEG;
    }
    boolean claimsAnImage = claimed.equals(PNG) || claimed.equals(JPEG) || claimed.equals(SVG);
    if (claimsAnImage && !claimed.equals(actual)) {
      throw Invalid.field(
          FIELD, "is labelled " + claimed + " but its content is " + name(actual) + " image");
    }
  }

  private static String name(String contentType) {
    return switch (contentType) {
      case PNG -> "a PNG";
      case JPEG -> "a JPEG";
      default -> "an SVG";
    };
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static ScreenImage png(byte[] b) {
    // The first chunk of every PNG is IHDR: length (4), type (4), width (4), height (4), ...
    if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
      throw Invalid.field(FIELD, "is not a readable PNG image (its header is missing)");
    }
    long width = uint32(b, 16);
    long height = uint32(b, 20);
    return new ScreenImage(PNG, b, side(width), side(height));
  }

  private static long uint32(byte[] b, int at) {
    return ((long) (b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }

  private static int uint16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static int side(long pixels) {
    if (pixels <= 0) {
      throw Invalid.field(FIELD, "has no size (its width or height is 0)");
    }
    return (int) Math.min(pixels, Integer.MAX_VALUE);
  }

  /** Walks the JPEG's segments to the frame header (SOFn), which holds the size. */
  private static ScreenImage jpeg(byte[] b) {
    int i = 2;
    while (i + 3 < b.length) {
      if ((b[i] & 0xff) != 0xff) {
        break;
      }
      int marker = b[i + 1] & 0xff;
      if (marker == 0xff) {
        i++;
        continue;
      }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
        i += 2;
        continue;
      }
      if (marker == 0xda || marker == 0xd9) {
        break;
      }
      int length = uint16(b, i + 2);
      boolean frame =
          marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (frame && i + 8 < b.length) {
        int height = uint16(b, i + 5);
        int width = uint16(b, i + 7);
        return new ScreenImage(JPEG, b, side(width), side(height));
      }
      if (length < 2) {
        break;
      }
      i += 2 + length;
    }
    throw Invalid.field(FIELD, "is not a readable JPEG image (its frame header is missing)");
  }

  private static boolean looksLikeXml(byte[] b) {
    int i = 0;
    if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < b.length && Character.isWhitespace(b[i])) {
      i++;
    }
    return i < b.length && b[i] == '<';
  }

  private static ScreenImage svg(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\u0000') >= 0) {
      throw Invalid.field(FIELD, "must be a PNG, JPEG or SVG image; this file is none of them");
    }
    Document doc = Jsoup.parse(text, "", Parser.xmlParser());
    Element root = null;
    for (Node node : doc.childNodes()) {
      if (node instanceof Element e) {
        if (root != null) {
          throw Invalid.field(FIELD, "is not an SVG image: it has more than one root element");
        }
        root = e;
      }
    }
    if (root == null || !local(root.tagName()).equals("svg")) {
      throw Invalid.field(FIELD, "must be a PNG, JPEG or SVG image; this file is none of them");
    }
    sanitise(root);
    if (!root.hasAttr("xmlns")) {
      root.attr("xmlns", "http://www.w3.org/2000/svg");
    }
    int[] size = svgSize(root);
    Document clean = new Document("");
    clean.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false);
    clean.outputSettings().escapeMode(Entities.EscapeMode.xhtml);
    clean.appendChild(root.clone());
    byte[] out = clean.outerHtml().getBytes(StandardCharsets.UTF_8);
    if (out.length > MAX_BYTES) {
      throw Invalid.field(FIELD, "is larger than 5 MB");
    }
    return new ScreenImage(SVG, out, size[0], size[1]);
  }

  private static String local(String tagName) {
    int colon = tagName.indexOf(':');
    return (colon < 0 ? tagName : tagName.substring(colon + 1)).toLowerCase(Locale.ROOT);
  }

  /** Drops what could run or load something; keeps shapes, text, styles and embedded pictures. */
  private static void sanitise(Element element) {
    for (Element child : new ArrayList<>(element.children())) {
      String name = local(child.tagName());
      if (DROPPED_ELEMENTS.contains(name) || (ANIMATIONS.contains(name) && animatesLink(child))) {
        child.remove();
      } else {
        sanitise(child);
      }
    }
    for (Attribute attribute : new ArrayList<>(element.attributes().asList())) {
      String key = attribute.getKey().toLowerCase(Locale.ROOT);
      String value = attribute.getValue() == null ? "" : attribute.getValue();
      if (key.startsWith("on") || (isLink(key) && !safeLink(value))) {
        element.removeAttr(attribute.getKey());
      }
    }
    for (Node node : new ArrayList<>(element.childNodes())) {
      if (!(node instanceof Element) && !(node instanceof TextNode)) {
        node.remove();
      }
    }
  }

  private static boolean isLink(String attribute) {
    return attribute.equals("href") || attribute.endsWith(":href");
  }

  private static boolean animatesLink(Element animation) {
    return isLink(animation.attr("attributeName").trim().toLowerCase(Locale.ROOT));
  }

  private static boolean safeLink(String value) {
    String v = value.strip();
    return v.startsWith("#") || SAFE_DATA_IMAGE.matcher(v).matches();
  }

  /** The size from width and height in pixels, or else from the view box. */
  private static int[] svgSize(Element root) {
    Double width = length(root.attr("width"));
    Double height = length(root.attr("height"));
    String[] box = root.attr("viewBox").trim().split("[\\s,]+");
    if ((width == null || height == null) && box.length == 4) {
      try {
        double boxWidth = Double.parseDouble(box[2]);
        double boxHeight = Double.parseDouble(box[3]);
        if (width == null && height == null) {
          width = boxWidth;
          height = boxHeight;
        } else if (width == null && boxHeight > 0) {
          width = height * boxWidth / boxHeight;
        } else if (height == null && boxWidth > 0) {
          height = width * boxHeight / boxWidth;
        }
      } catch (NumberFormatException e) {
        throw Invalid.field(FIELD, "is an SVG image whose viewBox is not four numbers");
      }
    }
    if (width == null || height == null) {
      throw Invalid.field(
          FIELD,
          "is an SVG image without a size: give its svg element a width and height or a viewBox");
    }
    long w = Math.round(width);
    long h = Math.round(height);
    return new int[] {side(w), side(h)};
  }

  private static Double length(String text) {
    Matcher m = LENGTH.matcher(text == null ? "" : text);
    return m.matches() ? Double.valueOf(m.group(1)) : null;
  }
}
