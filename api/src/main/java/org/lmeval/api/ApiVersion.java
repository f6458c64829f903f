package org.lmeval.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this API as {@code major.minor}; plugins declare the one they were built for. */
public record ApiVersion(int major, int minor) {

  /** The version of the API on the class path, read from the API jar itself. */
  public static ApiVersion current() {
    try (InputStream in = ApiVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("org/lmeval/api/version.properties is missing from the API jar");
      }
      Properties p = new Properties();
      p.load(in);
      return parse(p.getProperty("api.version"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses {@code "1.0"}; a bare major ({@code "1"}) means minor 0. */
  public static ApiVersion parse(String text) {
    if (text == null || !text.trim().matches("\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException("not an API version (expected major.minor, e.g. 1.0): '" + text + "'");
    }
    String[] parts = text.trim().split("\\.");
    return new ApiVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
  }

  /** A plugin built for {@code pluginVersion} runs here if the majors are equal and its minor is not newer. */
  public boolean accepts(ApiVersion pluginVersion) {
    return major == pluginVersion.major && pluginVersion.minor <= minor;
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
