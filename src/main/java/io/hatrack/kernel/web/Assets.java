package io.hatrack.kernel.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The static files of the web UI, addressed by a hash of their content ({@code
 * /assets/3fa2c1/app.css}) so that browsers may cache them forever and still never run a stale one
 * after an upgrade.
 */
public final class Assets {
  /** A static file in memory. */
  public record Asset(String name, String hash, String contentType, byte[] bytes) {
    public String url() {
      return "/assets/" + hash + "/" + name;
    }
  }

  private final Map<String, Asset> byName = new LinkedHashMap<>();

  /** Serves these files: logical name to classpath location. */
  public Assets(Map<String, String> files) {
    files.forEach((name, location) -> byName.put(name, load(name, location)));
  }

  /** Hatrack's own files plus htmx from its WebJar. */
  public static Assets standard(String htmxVersion) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("app.css", "static/app.css");
    files.put("app.js", "static/app.js");
    files.put("icons.svg", "static/icons.svg");
    files.put("favicon.svg", "static/favicon.svg");
    files.put("definition.js", "static/definition.js");
    files.put("sortable.min.js", "META-INF/resources/webjars/sortablejs/1.15.6/Sortable.min.js");
    files.put("echarts.min.js", "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js");
    files.put("definition-prototypes.js", "static/definition-prototypes.js");
    files.put("discovery-research.js", "static/discovery-research.js");
    files.put("roadmap.js", "static/roadmap.js");
    files.put("planning-roi.js", "static/planning-roi.js");
    files.put("planning-plans.js", "static/planning-plans.js");
    files.put("planning-backlog.js", "static/planning-backlog.js");
    files.put("delivery-sprints.js", "static/delivery-sprints.js");
    files.put(
        "htmx.min.js", "META-INF/resources/webjars/htmx.org/" + htmxVersion + "/dist/htmx.min.js");
    return new Assets(files);
  }

  private static Asset load(String name, String location) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(location)) {
      if (in == null) {
        throw new IllegalStateException("static file missing from the build: " + location);
      }
      byte[] bytes = in.readAllBytes();
      String hash =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
              .substring(0, 12);
      return new Asset(name, hash, contentType(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }

  /** The URL of a file by its logical name, e.g. {@code url("app.css")}. */
  public String url(String name) {
    Asset asset = byName.get(name);
    if (asset == null) {
      throw new IllegalArgumentException("no asset named " + name);
    }
    return asset.url();
  }

  public Optional<Asset> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
