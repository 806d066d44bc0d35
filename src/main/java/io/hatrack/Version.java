package io.hatrack;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Hatrack's version, as the build recorded it. */
public final class Version {
  private Version() {}

  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/hatrack-build.properties")) {
      if (in == null) {
        return "development";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "development");
    } catch (IOException e) {
      return "development";
    }
  }
}
