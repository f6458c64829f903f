package org.lmeval.platform.plugin;

import java.util.List;

/** What plugin loading found: every plugin that loaded or failed, in load order. */
public record LoadReport(List<PluginStatus> plugins) {
  public LoadReport {
    plugins = List.copyOf(plugins);
  }

  public List<PluginStatus> failures() {
    return plugins.stream().filter(p -> !p.loaded()).toList();
  }

  /** "id (source): error" for each failure, for unknown-component messages. */
  public List<String> failureSummaries() {
    return failures().stream().map(p -> p.id() + " (" + p.source() + "): " + p.error()).toList();
  }
}
