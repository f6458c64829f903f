package org.lmeval.platform.plugin;

import java.util.List;

/**
 * One line of {@code lm-eval plugins}: a plugin (or a jar that failed to become one) and what it registered.
 *
 * @param id the plugin id
 * @param version the plugin's version, or ""
 * @param apiVersion the API version it was built for, or ""
 * @param source where it came from (jar path, "classpath", "osgi:...")
 * @param loaded whether it loaded
 * @param components what it registered, as "kind name" strings (e.g. "model dummy")
 * @param error why it failed, or null
 */
public record PluginStatus(String id, String version, String apiVersion, String source, boolean loaded,
    List<String> components, String error) {
  public PluginStatus {
    components = List.copyOf(components);
  }
}
