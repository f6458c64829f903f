package org.lmeval.platform.plugin;

import java.util.List;

/**
 * Somewhere plugins come from: the {@code plugins/} folder, an embedded OSGi framework, the class path.
 * The kernel installs what {@link #load()} returns into one registry; the source keeps what the plugins need
 * at run time (class loaders, the framework) until {@link #close()}.
 */
public interface PluginSource extends AutoCloseable {
  /** Finds and creates the plugins of this source. Never throws for one bad plugin: it becomes a failure. */
  List<PluginLoad> load();

  /** Releases class loaders, frameworks and extracted files this source holds. */
  @Override
  default void close() {}
}
