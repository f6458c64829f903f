package org.lmeval.platform.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.dataset.DatasetProvider;
import org.lmeval.api.dataset.DatasetRequest;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.filter.FilterFactory;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.api.task.DocFunction;
import org.lmeval.api.task.DocTransform;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginRegistry;

/** Task YAML folders in a temp dir, an in-memory dataset provider that records what was loaded, a registry. */
final class TaskTestSupport {
  final Path root;
  final Map<String, List<Map<String, Object>>> splits = new LinkedHashMap<>();
  final List<String> loaded = new ArrayList<>();
  final List<DocTransform> transforms = new ArrayList<>();
  final List<DocFunction> functions = new ArrayList<>();
  final List<MetricFactory> metrics = new ArrayList<>();
  final List<FilterFactory> filters = new ArrayList<>();

  TaskTestSupport(Path root) {
    this.root = root;
  }

  /** Writes a file under the root (parents created). */
  TaskTestSupport file(String path, String text) {
    try {
      Path p = root.resolve(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Registers the documents of one split: key "path/name/split" (name "default" when null). */
  TaskTestSupport split(String key, List<Map<String, Object>> docs) {
    splits.put(key, docs);
    return this;
  }

  TaskTestSupport transform(String name, UnaryOperator<Map<String, Object>> perDoc) {
    transforms.add(new DocTransform() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Map<String, Object>> apply(List<Map<String, Object>> docs) {
        return docs.stream().map(perDoc).toList();
      }
    });
    return this;
  }

  /** Registers a doc function ({@code doc_to_*: !function}) under the given dotted name. */
  TaskTestSupport function(String name, Function<Map<String, Object>, Object> body) {
    functions.add(new DocFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Object apply(Map<String, Object> doc) {
        return body.apply(doc);
      }
    });
    return this;
  }

  /** Registers a metric name (for {@code process_results: !function}); it cannot score. */
  TaskTestSupport metric(String name) {
    metrics.add(new MetricFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean higherIsBetter() {
        return true;
      }

      @Override
      public String defaultAggregation() {
        return "mean";
      }

      @Override
      public Metric create(Options kwargs) {
        throw new UnsupportedOperationException("test metric");
      }
    });
    return this;
  }

  /** Registers a filter under a dotted name; it returns the requests' responses unchanged. */
  TaskTestSupport filter(String name) {
    filters.add(new FilterFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Filter create(Options kwargs) {
        return (responses, docs) -> responses;
      }
    });
    return this;
  }

  PluginRegistry registry() {
    PluginRegistry reg = new PluginRegistry(List::of);
    reg.install(new Plugin() {
      @Override
      public Collection<DatasetProvider> datasetProviders() {
        return List.of(new DatasetProvider() {
          @Override
          public String name() {
            return "in-memory";
          }

          @Override
          public Optional<List<Map<String, Object>>> load(DatasetRequest r) {
            String key = r.path() + "/" + (r.name() == null ? "default" : r.name()) + "/" + r.split();
            loaded.add(key);
            return Optional.ofNullable(splits.get(key));
          }
        });
      }

      @Override
      public Collection<DocTransform> docTransforms() {
        return transforms;
      }

      @Override
      public Collection<DocFunction> docFunctions() {
        return functions;
      }

      @Override
      public Collection<MetricFactory> metrics() {
        return metrics;
      }

      @Override
      public Collection<FilterFactory> filters() {
        return filters;
      }
    }, new Origin("test", "", "test"));
    reg.addTaskSource(new DirectoryTaskSource(root));
    reg.freeze();
    return reg;
  }

  TaskManager manager() {
    return new TaskManager(registry(), List.of(), null);
  }

  static EvalSettings.Builder settings() {
    return EvalSettings.builder();
  }

  /** Documents {"question": "q<i>", "answer": <i % 4>} for i in [0, n). */
  static List<Map<String, Object>> qa(int n, String prefix) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("question", prefix + i);
      d.put("answer", i % 4);
      docs.add(d);
    }
    return docs;
  }
}
