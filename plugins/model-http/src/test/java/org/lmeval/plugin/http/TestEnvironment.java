package org.lmeval.plugin.http;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.filter.FilterFactory;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvaluationResult;
import org.lmeval.platform.eval.Evaluator;
import org.lmeval.plugin.datasets.LocalDatasetsPlugin;
import org.lmeval.plugin.metrics.MetricsPlugin;
import org.lmeval.server.ChainRuleLanguageModel;

/** Shared test setup: the shared data folder, a kernel with the HTTP plugin, and evaluations. */
final class TestEnvironment {
  private TestEnvironment() {}

  /** {@code lmeval.shared.dir} if it exists, else {@code /work/shared}. */
  static Path shared() {
    String p = System.getProperty("lmeval.shared.dir");
    if (p != null && Files.isDirectory(Path.of(p))) {
      return Path.of(p);
    }
    return Path.of("/work/shared");
  }

  static Path datasets() {
    return shared().resolve("datasets/hf");
  }

  static Path tasks() {
    try {
      return Path.of(TestEnvironment.class.getResource("/tasks").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A plugin registering {@code chain} (the in-process {@link ChainRuleLanguageModel}) and lm-eval's default filter
   * {@code take_first} (the filters plugin is not part of this module's test class path).
   */
  static final class InProcessModels implements Plugin {
    @Override
    public Collection<FilterFactory> filters() {
      return List.of(new FilterFactory() {
        @Override
        public String name() {
          return "take_first";
        }

        @Override
        public Filter create(Options kwargs) {
          return (responses, docs) -> responses.stream().map(r -> r instanceof List<?> l ? l.get(0) : r).toList();
        }
      });
    }

    @Override
    public Collection<ModelBackend> modelBackends() {
      return List.of(new ModelBackend() {
        @Override
        public String name() {
          return "chain";
        }

        @Override
        public LanguageModel open(Options modelArgs) {
          modelArgs.intValue("max_length");
          return new ChainRuleLanguageModel();
        }
      });
    }
  }

  static Kernel kernel() {
    return Kernel.start(KernelConfig.of(new MetricsPlugin(), new LocalDatasetsPlugin(), new HttpPlugin(),
        new InProcessModels()));
  }

  static EvaluationResult evaluate(Kernel kernel, String model, Map<String, Object> modelArgs, String task,
      double limit) {
    return evaluate(kernel, Map.of(), model, modelArgs, task, limit);
  }

  /** An evaluation whose process environment is {@code env}. */
  static EvaluationResult evaluate(Kernel kernel, Map<String, String> env, String model,
      Map<String, Object> modelArgs, String task, double limit) {
    EvalSettings settings = EvalSettings.builder()
        .environment(env)
        .model(model)
        .modelArgs(new LinkedHashMap<>(modelArgs))
        .tasks(List.of(task))
        .limit(limit)
        .includePaths(List.of(tasks()))
        .datasetDir(datasets())
        .build();
    return new Evaluator(kernel.registry()).evaluate(settings);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> scores(EvaluationResult r, String task) {
    return (Map<String, Object>) ((Map<String, Object>) r.results().get("results")).get(task);
  }
}
