package org.lmeval.tasks.parity;

import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.task.ClasspathTaskSources;
import org.lmeval.plugin.datasets.LocalDatasetsPlugin;
import org.lmeval.plugin.filters.FiltersPlugin;
import org.lmeval.plugin.metrics.MetricsPlugin;
import org.lmeval.plugin.transforms.TransformsPlugin;

/** A frozen registry with the real first-party plugins, the bundled tasks, and the given model plugins. */
final class ParityRegistry {
  private ParityRegistry() {}

  static PluginRegistry with(Plugin... models) {
    PluginRegistry registry = new PluginRegistry(List::of);
    registry.install(new LocalDatasetsPlugin(), new Origin("datasets-local", "", "test"));
    registry.install(new TransformsPlugin(), new Origin("tasks-transforms", "", "test"));
    registry.install(new MetricsPlugin(), new Origin("metrics-core", "", "test"));
    registry.install(new FiltersPlugin(), new Origin("filters-core", "", "test"));
    for (Plugin model : models) {
      registry.install(model, new Origin(model.getClass().getSimpleName(), "", "test"));
    }
    ClasspathTaskSources.find(ParityRegistry.class.getClassLoader()).forEach(registry::addTaskSource);
    registry.freeze();
    return registry;
  }
}
