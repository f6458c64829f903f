package org.lmeval.plugin.h2cache;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Where a cache is, from the {@code --use_cache} value:
 *
 * <ul>
 *   <li>a path {@code PATH}: the embedded H2 file {@code PATH.mv.db} ({@code PATH} may already end in
 *       {@code .mv.db}); directories are created;
 *   <li>{@code jdbc:h2:file:PATH[;SETTING=...]} or {@code jdbc:h2:PATH}: the same, with the user's settings;
 *   <li>{@code jdbc:h2:tcp://host[:port]/NAME} or {@code jdbc:h2:ssl://...}: a cache held by an H2 server
 *       ({@code lm-eval cache serve}).
 * </ul>
 *
 * @param url the JDBC URL without the settings the cache adds
 * @param file the {@code .mv.db} file of an embedded cache, or null for a server
 * @param display what messages call it: the file, or the URL without its settings
 */
record H2Location(String url, Path file, String display) {
  static final String SUFFIX = ".mv.db";

  static H2Location parse(String location) {
    if (location == null || location.isBlank()) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--use_cache needs a path (an H2 cache file) or a "
          + "jdbc:h2:tcp://host:port/name URL");
    }
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
      return new H2Location(location, null, withoutSettings(location));
    }
    if (lower.startsWith("jdbc:h2:mem:")) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--use_cache " + location + ": an in-memory H2 database "
          + "forgets every response when the run ends; give a file path or a jdbc:h2:tcp:// URL");
    }
    if (lower.startsWith("jdbc:h2:zip:") || lower.startsWith("jdbc:h2:split:") || lower.startsWith("jdbc:h2:nio")
        || lower.startsWith("jdbc:h2:async:") || lower.startsWith("jdbc:h2:memfs:")) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--use_cache " + location + ": only file paths, "
          + "jdbc:h2:file: and jdbc:h2:tcp:/ssl: URLs are supported");
    }
    String settings = "";
    String pathText = location;
    if (lower.startsWith("jdbc:h2:")) {
      pathText = location.substring("jdbc:h2:".length());
      if (pathText.toLowerCase(Locale.ROOT).startsWith("file:")) {
        pathText = pathText.substring("file:".length());
      }
      int semicolon = pathText.indexOf(';');
      if (semicolon >= 0) {
        settings = pathText.substring(semicolon);
        pathText = pathText.substring(0, semicolon);
      }
    } else if (location.indexOf(';') >= 0) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--use_cache " + location + ": a cache path cannot "
          + "contain ';' (H2 reads it as a setting); use another path or a jdbc:h2:file: URL");
    }
    if (pathText.startsWith("~/") || pathText.equals("~")) {
      pathText = System.getProperty("user.home") + pathText.substring(1);
    }
    Path base;
    try {
      base = Path.of(pathText).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--use_cache " + location + " is not a valid path: "
          + e.getMessage());
    }
    String name = base.getFileName() == null ? "" : base.getFileName().toString();
    if (name.endsWith(SUFFIX)) {
      name = name.substring(0, name.length() - SUFFIX.length());
      base = base.resolveSibling(name);
    }
    if (name.isEmpty()) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--use_cache " + location + " names no file");
    }
    Path file = base.resolveSibling(name + SUFFIX);
    return new H2Location("jdbc:h2:file:" + base + settings, file, file.toString());
  }

  boolean embedded() {
    return file != null;
  }

  /** Whether the embedded file exists. */
  boolean exists() {
    return file != null && Files.exists(file);
  }

  private static String withoutSettings(String url) {
    int semicolon = url.indexOf(';');
    return semicolon < 0 ? url : url.substring(0, semicolon);
  }
}
