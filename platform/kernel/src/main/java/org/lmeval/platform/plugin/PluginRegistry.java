package org.lmeval.platform.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.lmeval.api.Plugin;
import org.lmeval.api.cache.ResponseCacheFactory;
import org.lmeval.api.dataset.DatasetProvider;
import org.lmeval.api.filter.FilterFactory;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.task.DocTransform;
import org.lmeval.api.task.TaskSource;

/**
 * Every component of every loaded plugin, by kind. {@link #install} is the one path for every plugin
 * source (class path, plugins folder, Felix, tests).
 */
public final class PluginRegistry {
  private final Registry<ModelBackend> modelBackends;
  private final Registry<MetricFactory> metrics;
  private final Registry<Aggregation> aggregations;
  private final Registry<FilterFactory> filters;
  private final Registry<DocTransform> docTransforms;
  private final Registry<ResponseCacheFactory> responseCaches;
  private final List<DatasetProvider> datasetProviders = new ArrayList<>();
  private final List<TaskSource> taskSources = new ArrayList<>();
  private boolean frozen;

  /** @param failedPlugins summaries of plugins that failed to load, for unknown-name messages */
  public PluginRegistry(Supplier<List<String>> failedPlugins) {
    modelBackends = new Registry<>("model", failedPlugins);
    metrics = new Registry<>("metric", failedPlugins);
    aggregations = new Registry<>("aggregation", failedPlugins);
    filters = new Registry<>("filter", failedPlugins);
    docTransforms = new Registry<>("doc transform", failedPlugins);
    responseCaches = new Registry<>("response cache", failedPlugins);
  }

  /**
   * Registers all components of {@code plugin} and returns them as "kind name" strings. A duplicate
   * name throws {@code PLUGIN_LOAD_FAILED}; components registered before the clash stay registered.
   */
  public synchronized List<String> install(Plugin plugin, Origin origin) {
    if (frozen) {
      throw new IllegalStateException("the plugin registry is frozen");
    }
    List<String> components = new ArrayList<>();
    for (ModelBackend b : plugin.modelBackends()) {
      modelBackends.register(b.name(), b, origin);
      components.add("model " + b.name());
    }
    for (MetricFactory m : plugin.metrics()) {
      metrics.register(m.name(), m, origin);
      components.add("metric " + m.name());
    }
    for (Aggregation a : plugin.aggregations()) {
      aggregations.register(a.name(), a, origin);
      components.add("aggregation " + a.name());
    }
    for (FilterFactory f : plugin.filters()) {
      filters.register(f.name(), f, origin);
      components.add("filter " + f.name());
    }
    for (DocTransform t : plugin.docTransforms()) {
      docTransforms.register(t.name(), t, origin);
      components.add("doc transform " + t.name());
    }
    for (ResponseCacheFactory c : plugin.responseCaches()) {
      responseCaches.register(c.name(), c, origin);
      components.add("response cache " + c.name());
    }
    for (DatasetProvider d : plugin.datasetProviders()) {
      datasetProviders.add(d);
      components.add("dataset provider " + d.name());
    }
    for (TaskSource s : plugin.taskSources()) {
      taskSources.add(s);
      components.add("task source " + s.id());
    }
    return components;
  }

  /** Registers a task source that is not part of a plugin (a task bundle's YAML tree). */
  public synchronized void addTaskSource(TaskSource source) {
    taskSources.add(source);
  }

  public synchronized void freeze() {
    frozen = true;
    modelBackends.freeze();
    metrics.freeze();
    aggregations.freeze();
    filters.freeze();
    docTransforms.freeze();
    responseCaches.freeze();
  }

  public Registry<ModelBackend> modelBackends() {
    return modelBackends;
  }

  public Registry<MetricFactory> metrics() {
    return metrics;
  }

  public Registry<Aggregation> aggregations() {
    return aggregations;
  }

  public Registry<FilterFactory> filters() {
    return filters;
  }

  public Registry<DocTransform> docTransforms() {
    return docTransforms;
  }

  public Registry<ResponseCacheFactory> responseCaches() {
    return responseCaches;
  }

  /** Dataset providers, highest priority first. */
  public synchronized List<DatasetProvider> datasetProviders() {
    List<DatasetProvider> sorted = new ArrayList<>(datasetProviders);
    sorted.sort(Comparator.comparingInt(DatasetProvider::priority).reversed());
    return List.copyOf(sorted);
  }

  /** Task sources in registration order. */
  public synchronized List<TaskSource> taskSources() {
    return List.copyOf(taskSources);
  }
}
