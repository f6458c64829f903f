package org.lmeval.platform.plugin;

/**
 * Where a component came from, for messages and {@code lm-eval plugins}.
 *
 * @param pluginId the plugin's id ({@code LmEval-Plugin-Id}, or the class name for classpath plugins)
 * @param version the plugin's version, or "" if unknown
 * @param source where it was loaded from: a jar path, "classpath", "osgi:bundle-name", "test"
 */
public record Origin(String pluginId, String version, String source) {
  @Override
  public String toString() {
    return "plugin " + pluginId + (version.isEmpty() ? "" : " " + version) + " (" + source + ")";
  }
}
