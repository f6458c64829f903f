package org.lmeval.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Plugin;
import org.lmeval.platform.plugin.LoadReport;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.plugin.PluginStatus;

/** The facade the CLI and tests use: loads plugins into one frozen registry. */
public final class Kernel implements AutoCloseable {
  private final PluginRegistry registry;
  private final LoadReport loadReport;

  private Kernel(PluginRegistry registry, LoadReport loadReport) {
    this.registry = registry;
    this.loadReport = loadReport;
  }

  /** Loads every plugin the config names; load failures are recorded, or fatal with strictPlugins. */
  public static Kernel start(KernelConfig config) {
    List<PluginStatus> statuses = new ArrayList<>();
    PluginRegistry registry = new PluginRegistry(
        () -> new LoadReport(statuses).failureSummaries());
    if (config.scanClasspath()) {
      ServiceLoader.load(Plugin.class, Kernel.class.getClassLoader()).stream().forEach(provider -> {
        String id = provider.type().getName();
        try {
          install(registry, statuses, provider.get(), new Origin(id, "", "classpath"));
        } catch (RuntimeException | ServiceConfigurationError e) {
          statuses.add(new PluginStatus(id, "", "", "classpath", false, List.of(), String.valueOf(e.getMessage())));
        }
      });
    }
    for (Plugin plugin : config.extraPlugins()) {
      install(registry, statuses, plugin, new Origin(plugin.getClass().getName(), "", "test"));
    }
    LoadReport report = new LoadReport(statuses);
    if (config.strictPlugins() && !report.failures().isEmpty()) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED,
          "plugins failed to load (--strict-plugins): " + String.join("; ", report.failureSummaries()));
    }
    registry.freeze();
    return new Kernel(registry, report);
  }

  private static void install(PluginRegistry registry, List<PluginStatus> statuses, Plugin plugin, Origin origin) {
    try {
      List<String> components = registry.install(plugin, origin);
      statuses.add(new PluginStatus(origin.pluginId(), origin.version(), "", origin.source(), true, components, null));
    } catch (EvalException e) {
      statuses.add(new PluginStatus(origin.pluginId(), origin.version(), "", origin.source(), false, List.of(),
          e.getMessage()));
    }
  }

  public PluginRegistry registry() {
    return registry;
  }

  public LoadReport loadReport() {
    return loadReport;
  }

  @Override
  public void close() {
    // Releases plugin resources (Felix framework, class loaders) once those sources exist.
  }
}
