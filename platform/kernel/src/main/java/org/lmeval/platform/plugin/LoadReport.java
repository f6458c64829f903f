package org.lmeval.platform.plugin;

import java.util.List;

/**
 * What plugin loading found: every plugin that loaded or failed, in load order, and the entries of
 * {@code plugins/} that were not plugins at all.
 *
 * @param plugins plugins that loaded or failed
 * @param skipped "path: reason" for each entry of {@code plugins/} that is neither a jar nor a plugin directory
 */
public record LoadReport(List<PluginStatus> plugins, List<String> skipped) {
  public LoadReport {
    plugins = List.copyOf(plugins);
    skipped = List.copyOf(skipped);
  }

  /** A report without skipped entries. */
  public LoadReport(List<PluginStatus> plugins) {
    this(plugins, List.of());
  }

  public List<PluginStatus> failures() {
    return plugins.stream().filter(p -> !p.loaded()).toList();
  }

  /** "id (source): error" for each failure, for unknown-component messages. */
  public List<String> failureSummaries() {
    return failures().stream().map(p -> p.id() + " (" + p.source() + "): " + p.error()).toList();
  }
}
