package io.hatrack.definition.wireframes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Makes an SVG image safe to serve and to show: parses it as XML (no DTDs loaded, no entities
 * declared), keeps only elements in the SVG namespace, and drops whatever can run code or reach
 * outside the image: {@code script} and {@code foreignObject} elements, event handler attributes,
 * animations that set links or handlers, links other than to {@code #fragments} or to embedded
 * {@code data:image/} pictures, styles that import or point at other addresses, comments and
 * processing instructions. Reads the image's size from {@code width}/{@code height} or its {@code
 * viewBox}. Pure: no I/O.
 */
public final class SvgSanitizer {
  /** The SVG namespace. */
  public static final String SVG_NS = "http://www.w3.org/2000/svg";

  private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
  private static final int MAX_DEPTH = 256;

  private static final Set<String> DROPPED_ELEMENTS =
      Set.of("script", "foreignobject", "iframe", "object", "embed", "handler", "listener");
  private static final Set<String> ANIMATIONS =
      Set.of("set", "animate", "animatemotion", "animatetransform", "animatecolor");
  private static final Pattern SAFE_LINK =
      Pattern.compile("(?i)^(#.*|data:image/(png|jpe?g|gif|webp)[;,].*)$", Pattern.DOTALL);
  private static final Pattern URL_REF =
      Pattern.compile("(?i)url\\(\\s*['\"]?\\s*([^'\")\\s]*)", Pattern.DOTALL);
  private static final Pattern SCRIPT_SCHEME =
      Pattern.compile("(?i)(java|vb)script:|expression\\(");
  private static final Pattern DIMENSION =
      Pattern.compile("^\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(px|pt|pc|mm|cm|in)?\\s*$");

  /** An SVG made safe, as UTF-8 bytes, with its size in pixels when it states one. */
  public record Sanitized(byte[] svg, Integer width, Integer height) {}

  private SvgSanitizer() {}

  /** True when the bytes look like XML text at all (after a byte order mark and white space). */
  public static boolean looksLikeXml(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < bytes.length && Character.isWhitespace(bytes[i])) {
      i++;
    }
    return i < bytes.length && bytes[i] == '<';
  }

  /**
   * The safe form of {@code bytes}; an {@link IllegalArgumentException} saying why when they are
   * not an SVG image (not well-formed XML, another root element, entity declarations).
   */
  public static Sanitized sanitize(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher doctype = Pattern.compile("(?is)<!DOCTYPE[^>\\[]*\\[").matcher(head);
    if (doctype.find() || head.contains("<!ENTITY")) {
      throw new IllegalArgumentException(
          "declares XML entities in a DOCTYPE, which an SVG image does not need");
    }
    Document doc = parse(bytes);
    Element root = doc.getDocumentElement();
    String rootName = localName(root);
    if (!rootName.equals("svg")) {
      throw new IllegalArgumentException(
          "is XML whose root element is <" + root.getNodeName() + ">, not <svg>");
    }
    if (root.getNamespaceURI() != null && !SVG_NS.equals(root.getNamespaceURI())) {
      throw new IllegalArgumentException(
          "has an <svg> root in the namespace " + root.getNamespaceURI() + ", not SVG's");
    }
    clean(doc, root);
    if (root.getNamespaceURI() == null) {
      // Browsers draw an image/svg+xml document only in the SVG namespace.
      root = intoSvgNamespace(doc, root);
    }
    int[] size = size(root);
    return new Sanitized(
        serialize(doc), size == null ? null : size[0], size == null ? null : size[1]);
  }

  private static Document parse(byte[] bytes) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH));
      DocumentBuilder builder = f.newDocumentBuilder();
      builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      builder.setErrorHandler(QUIET);
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (SAXParseException e) {
      throw new IllegalArgumentException(
          "is not well-formed XML (line " + e.getLineNumber() + ": " + e.getMessage() + ")", e);
    } catch (SAXException e) {
      throw new IllegalArgumentException("is not well-formed XML (" + e.getMessage() + ")", e);
    } catch (IOException | ParserConfigurationException e) {
      throw new IllegalStateException("cannot read XML", e);
    }
  }

  /** Fails on errors instead of printing them to the console. */
  private static final ErrorHandler QUIET =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          // Warnings do not stop an image.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private static void clean(Document doc, Element root) {
    for (Node child = doc.getFirstChild(); child != null; ) {
      Node next = child.getNextSibling();
      if (child != root) {
        doc.removeChild(child);
      }
      child = next;
    }
    Deque<Element> todo = new ArrayDeque<>();
    todo.push(root);
    String rootNs = root.getNamespaceURI();
    while (!todo.isEmpty()) {
      Element element = todo.pop();
      cleanAttributes(element);
      List<Node> children = new ArrayList<>();
      for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
        children.add(c);
      }
      for (Node c : children) {
        switch (c.getNodeType()) {
          case Node.ELEMENT_NODE -> {
            Element e = (Element) c;
            if (keep(e, rootNs)) {
              todo.push(e);
            } else {
              element.removeChild(e);
            }
          }
          case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
            // Text is drawn or, inside <style>, checked with its element.
          }
          default -> element.removeChild(c);
        }
      }
    }
  }

  private static Element intoSvgNamespace(Document doc, Element root) {
    Element renamed = (Element) doc.renameNode(root, SVG_NS, root.getNodeName());
    Deque<Element> todo = new ArrayDeque<>();
    todo.push(renamed);
    while (!todo.isEmpty()) {
      Element element = todo.pop();
      for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c.getNodeType() == Node.ELEMENT_NODE) {
          todo.push((Element) doc.renameNode(c, SVG_NS, c.getNodeName()));
        }
      }
    }
    return renamed;
  }

  private static boolean keep(Element e, String rootNs) {
    String ns = e.getNamespaceURI();
    if (ns == null ? rootNs != null : !ns.equals(SVG_NS)) {
      return false;
    }
    String name = localName(e);
    if (DROPPED_ELEMENTS.contains(name)) {
      return false;
    }
    if (ANIMATIONS.contains(name)) {
      String target = e.getAttribute("attributeName").strip().toLowerCase(Locale.ROOT);
      if (target.endsWith("href") || target.startsWith("on") || target.isEmpty()) {
        return false;
      }
    }
    if (name.equals("style")) {
      return safeStyle(e.getTextContent());
    }
    return true;
  }

  private static void cleanAttributes(Element element) {
    NamedNodeMap attributes = element.getAttributes();
    List<Attr> drop = new ArrayList<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String name = localName(a);
      String value = a.getValue();
      String ns = a.getNamespaceURI();
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
        continue;
      }
      boolean unsafe =
          name.startsWith("on")
              || (name.equals("base") && XMLConstants.XML_NS_URI.equals(ns))
              || (name.equals("href") && !SAFE_LINK.matcher(value.strip()).matches())
              || (ns != null && !XLINK_NS.equals(ns) && !XMLConstants.XML_NS_URI.equals(ns))
              || SCRIPT_SCHEME.matcher(value.replaceAll("[\\s\\u0000-\\u001F]", "")).find()
              || !safeStyle(value);
      if (unsafe) {
        drop.add(a);
      }
    }
    for (Attr a : drop) {
      element.removeAttributeNode(a);
    }
  }

  /** A style (or attribute value) that imports nothing and points only inside the image. */
  private static boolean safeStyle(String css) {
    String lower = css.toLowerCase(Locale.ROOT);
    if (lower.contains("@import") || SCRIPT_SCHEME.matcher(lower.replaceAll("\\s", "")).find()) {
      return false;
    }
    Matcher m = URL_REF.matcher(css);
    while (m.find()) {
      if (!SAFE_LINK.matcher(m.group(1)).matches()) {
        return false;
      }
    }
    return true;
  }

  private static String localName(Node n) {
    String name = n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    return name.toLowerCase(Locale.ROOT);
  }

  private static int[] size(Element root) {
    Double width = length(root.getAttribute("width"));
    Double height = length(root.getAttribute("height"));
    if (width == null || height == null) {
      String[] box = root.getAttribute("viewBox").strip().split("[\\s,]+");
      if (box.length == 4) {
        try {
          double w = Double.parseDouble(box[2]);
          double h = Double.parseDouble(box[3]);
          if (width == null && height == null) {
            width = w;
            height = h;
          } else if (width == null && h > 0) {
            width = height * w / h;
          } else if (height == null && w > 0) {
            height = width * h / w;
          }
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    if (width == null || height == null || width <= 0 || height <= 0) {
      return null;
    }
    return new int[] {(int) Math.round(width), (int) Math.round(height)};
  }

  /** An SVG length in pixels; null for percentages, em and anything unreadable. */
  private static Double length(String value) {
    Matcher m = DIMENSION.matcher(value);
    if (!m.matches()) {
      return null;
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "px" : m.group(2);
    return switch (unit) {
      case "pt" -> number * 4 / 3;
      case "pc" -> number * 16;
      case "mm" -> number * 96 / 25.4;
      case "cm" -> number * 96 / 2.54;
      case "in" -> number * 96;
      default -> number;
    };
  }

  private static byte[] serialize(Document doc) {
    try {
      TransformerFactory tf = TransformerFactory.newInstance();
      tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.METHOD, "xml");
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write the cleaned SVG", e);
    }
  }
}
