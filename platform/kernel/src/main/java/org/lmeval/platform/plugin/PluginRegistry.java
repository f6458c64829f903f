package org.lmeval.platform.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Plugin;
import org.lmeval.api.cache.ResponseCacheFactory;
import org.lmeval.api.dataset.DatasetProvider;
import org.lmeval.api.filter.FilterFactory;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.task.DocFunction;
import org.lmeval.api.task.DocTransform;
import org.lmeval.api.task.TaskSource;
import org.lmeval.platform.boundary.Boundary;
import org.lmeval.platform.boundary.ClassLoaderSafeAggregation;
import org.lmeval.platform.boundary.ClassLoaderSafeDatasetProvider;
import org.lmeval.platform.boundary.ClassLoaderSafeDocFunction;
import org.lmeval.platform.boundary.ClassLoaderSafeDocTransform;
import org.lmeval.platform.boundary.ClassLoaderSafeFilterFactory;
import org.lmeval.platform.boundary.ClassLoaderSafeMetricFactory;
import org.lmeval.platform.boundary.ClassLoaderSafeModelBackend;
import org.lmeval.platform.boundary.ClassLoaderSafeResponseCacheFactory;
import org.lmeval.platform.boundary.ClassLoaderSafeTaskSource;
import org.lmeval.platform.boundary.ResultValidator;

/**
 * Every component of every loaded plugin, by kind. {@link #install(PluginLoad.Loaded)} is the one path for every
 * plugin source (class path, plugins folder, Felix, tests). It wraps each component in its
 * {@code ClassLoaderSafe*} wrapper, so everything the registry hands out calls the plugin through the boundary.
 * A plugin is installed all or nothing: if one of its names clashes, none of its components stays registered.
 */
public final class PluginRegistry {
  private final Registry<ModelBackend> modelBackends;
  private final Registry<MetricFactory> metrics;
  private final Registry<Aggregation> aggregations;
  private final Registry<FilterFactory> filters;
  private final Registry<DocTransform> docTransforms;
  private final Registry<DocFunction> docFunctions;
  private final Registry<ResponseCacheFactory> responseCaches;
  private final List<DatasetProvider> datasetProviders = new ArrayList<>();
  private final Map<String, Origin> datasetProviderOrigins = new HashMap<>();
  private final List<TaskSource> taskSources = new ArrayList<>();
  private boolean frozen;

  /** @param failedPlugins summaries of plugins that failed to load, for unknown-name messages */
  public PluginRegistry(Supplier<List<String>> failedPlugins) {
    modelBackends = new Registry<>("model", failedPlugins);
    metrics = new Registry<>("metric", failedPlugins);
    aggregations = new Registry<>("aggregation", failedPlugins);
    filters = new Registry<>("filter", failedPlugins);
    docTransforms = new Registry<>("doc transform", failedPlugins);
    docFunctions = new Registry<>("doc function", failedPlugins);
    responseCaches = new Registry<>("response cache", failedPlugins);
  }

  /**
   * Registers all components of one plugin object (its class loader is the TCCL, its API version unknown) and
   * returns them as "kind name" strings. A clash throws {@code PLUGIN_LOAD_FAILED} naming both origins and
   * registers nothing.
   */
  public synchronized List<String> install(Plugin plugin, Origin origin) {
    ClassLoader loader = plugin.getClass().getClassLoader();
    return install(new PluginLoad.Loaded(origin, "", loader == null ? ClassLoader.getSystemClassLoader() : loader,
        List.of(plugin), List.of()));
  }

  /**
   * Registers every component of a loaded plugin (all its entry points and kernel-made task sources) and returns
   * them as "kind name" strings, e.g. "model dummy". All or nothing: a clash with a registered name, or within
   * the plugin, throws {@code PLUGIN_LOAD_FAILED} naming both origins, and nothing of the plugin stays
   * registered. A failure in the plugin's own code is translated by the boundary.
   */
  public synchronized List<String> install(PluginLoad.Loaded loaded) {
    if (frozen) {
      throw new IllegalStateException("the plugin registry is frozen");
    }
    Origin origin = loaded.origin();
    Boundary boundary = new Boundary(origin.pluginId(), origin.version(), loaded.apiVersion(), loaded.loader());
    List<Staged<?>> staged = new ArrayList<>();
    List<DatasetProvider> newProviders = new ArrayList<>();
    List<TaskSource> newSources = new ArrayList<>();
    for (Plugin plugin : loaded.plugins()) {
      String entry = "entry point " + plugin.getClass().getName();
      stage(staged, modelBackends, collect(boundary, entry, "modelBackends()", plugin::modelBackends),
          b -> new ClassLoaderSafeModelBackend(b, boundary), ModelBackend::name);
      stage(staged, metrics, collect(boundary, entry, "metrics()", plugin::metrics),
          m -> new ClassLoaderSafeMetricFactory(m, boundary), MetricFactory::name);
      stage(staged, aggregations, collect(boundary, entry, "aggregations()", plugin::aggregations),
          a -> new ClassLoaderSafeAggregation(a, boundary), Aggregation::name);
      stage(staged, filters, collect(boundary, entry, "filters()", plugin::filters),
          f -> new ClassLoaderSafeFilterFactory(f, boundary), FilterFactory::name);
      stage(staged, docTransforms, collect(boundary, entry, "docTransforms()", plugin::docTransforms),
          t -> new ClassLoaderSafeDocTransform(t, boundary), DocTransform::name);
      stage(staged, docFunctions, collect(boundary, entry, "docFunctions()", plugin::docFunctions),
          f -> new ClassLoaderSafeDocFunction(f, boundary), DocFunction::name);
      stage(staged, responseCaches, collect(boundary, entry, "responseCaches()", plugin::responseCaches),
          c -> new ClassLoaderSafeResponseCacheFactory(c, boundary), ResponseCacheFactory::name);
      for (DatasetProvider d : collect(boundary, entry, "datasetProviders()", plugin::datasetProviders)) {
        newProviders.add(new ClassLoaderSafeDatasetProvider(d, boundary));
      }
      for (TaskSource s : collect(boundary, entry, "taskSources()", plugin::taskSources)) {
        newSources.add(new ClassLoaderSafeTaskSource(s, boundary));
      }
    }
    for (TaskSource s : loaded.taskSources()) {
      newSources.add(new ClassLoaderSafeTaskSource(s, boundary));
    }

    // Check everything before registering anything.
    Map<String, String> seen = new HashMap<>();
    for (Staged<?> s : staged) {
      s.registry().checkRegistrable(s.name(), origin);
      if (seen.put(s.registry().kind() + "\u0000" + s.name(), s.name()) != null) {
        throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "duplicate " + s.registry().kind() + " name '"
            + s.name() + "': registered twice by " + origin);
      }
    }
    Map<String, Origin> providerNames = new HashMap<>(datasetProviderOrigins);
    for (DatasetProvider d : newProviders) {
      Origin existing = providerNames.putIfAbsent(d.name(), origin);
      if (existing != null) {
        throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "duplicate dataset provider name '" + d.name()
            + "': registered by " + existing + " and by " + origin);
      }
    }

    List<String> components = new ArrayList<>();
    for (Staged<?> s : staged) {
      s.register(origin);
      components.add(s.registry().kind() + " " + s.name());
    }
    for (DatasetProvider d : newProviders) {
      datasetProviders.add(d);
      datasetProviderOrigins.put(d.name(), origin);
      components.add("dataset provider " + d.name());
    }
    for (TaskSource s : newSources) {
      taskSources.add(s);
      components.add("task source " + s.id());
    }
    return components;
  }

  /** A wrapped component waiting for the all-or-nothing check. */
  private record Staged<T>(Registry<T> registry, String name, T component) {
    void register(Origin origin) {
      registry.register(name, component, origin);
    }
  }

  private static <T> void stage(List<Staged<?>> staged, Registry<T> registry, List<T> components,
      Function<T, T> wrap, Function<T, String> name) {
    for (T component : components) {
      T wrapped = wrap.apply(component);
      staged.add(new Staged<>(registry, name.apply(wrapped), wrapped));
    }
  }

  /** Calls an entry point's accessor through the boundary and checks the collection for nulls. */
  private static <T> List<T> collect(Boundary boundary, String entry, String accessor,
      Supplier<Collection<T>> components) {
    List<T> list = boundary.call(entry, accessor, ErrorCode.PLUGIN_LOAD_FAILED, () -> {
      Collection<T> c = components.get();
      return c == null ? null : new ArrayList<>(c);
    });
    return ResultValidator.noNulls(boundary, entry, accessor, ErrorCode.PLUGIN_LOAD_FAILED, list,
        i -> "component " + i);
  }

  /** Registers a task source that is not part of a plugin (a task bundle's YAML tree). */
  public synchronized void addTaskSource(TaskSource source) {
    if (frozen) {
      throw new IllegalStateException("the plugin registry is frozen");
    }
    taskSources.add(source);
  }

  public synchronized void freeze() {
    frozen = true;
    modelBackends.freeze();
    metrics.freeze();
    aggregations.freeze();
    filters.freeze();
    docTransforms.freeze();
    docFunctions.freeze();
    responseCaches.freeze();
  }

  public synchronized boolean frozen() {
    return frozen;
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

  public Registry<DocFunction> docFunctions() {
    return docFunctions;
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
