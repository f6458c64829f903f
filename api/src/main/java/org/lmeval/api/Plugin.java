package org.lmeval.api;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.cache.ResponseCacheFactory;
import org.lmeval.api.dataset.DatasetProvider;
import org.lmeval.api.filter.FilterFactory;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.task.DocFunction;
import org.lmeval.api.task.DocTransform;
import org.lmeval.api.task.TaskSource;

/**
 * The one entry point of a plugin jar, listed in {@code META-INF/services/org.lmeval.api.Plugin}.
 *
 * <p>A plugin contributes factories; each is cheap to construct, stateless, thread-safe and named by
 * {@code name()}. Heavy work happens in {@code open()} / {@code create()}. A plugin must not keep static
 * registries, run discovery in static initializers or install shutdown hooks.
 */
public interface Plugin {
  default Collection<ModelBackend> modelBackends() { return List.of(); }

  default Collection<MetricFactory> metrics() { return List.of(); }

  default Collection<Aggregation> aggregations() { return List.of(); }

  default Collection<FilterFactory> filters() { return List.of(); }

  default Collection<TaskSource> taskSources() { return List.of(); }

  default Collection<DocTransform> docTransforms() { return List.of(); }

  default Collection<DocFunction> docFunctions() { return List.of(); }

  default Collection<DatasetProvider> datasetProviders() { return List.of(); }

  default Collection<ResponseCacheFactory> responseCaches() { return List.of(); }
}
