package org.lmeval.tasks.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.task.ClasspathTaskSources;
import org.lmeval.platform.task.DirectoryTaskSource;
import org.lmeval.platform.task.TaskManager;
import org.lmeval.plugin.datasets.LocalDatasetsPlugin;
import org.lmeval.plugin.transforms.TransformsPlugin;

/**
 * lm-eval 0.4.13's own winogrande YAML ({@code doc_to_text/doc_to_target/doc_to_choice: !function
 * preprocess_winogrande.*}), loaded as an {@code --include_path} folder, resolves to the registered Java doc
 * functions and builds exactly the requests of our bundled (Jinja) winogrande task. The YAML is copied at test
 * time from an installed lm-eval (system property {@code lmeval.lmEvalTasks}, else the project's venv); the test
 * is skipped when none is installed.
 */
class LmEvalWinograndeYamlTest {
  private static final Path DEFAULT_TASKS =
      Path.of("/work/venv-lmeval/lib/python3.11/site-packages/lm_eval/tasks");

  @TempDir
  Path include;

  private static Path lmEvalWinogrande() {
    String prop = System.getProperty("lmeval.lmEvalTasks");
    return (prop != null ? Path.of(prop) : DEFAULT_TASKS).resolve("winogrande");
  }

  private static PluginRegistry registry() {
    PluginRegistry registry = new PluginRegistry(List::of);
    registry.install(new LocalDatasetsPlugin(), new Origin("datasets-local", "", "test"));
    registry.install(new TransformsPlugin(), new Origin("tasks-transforms", "", "test"));
    registry.install(new org.lmeval.plugin.metrics.MetricsPlugin(), new Origin("metrics-core", "", "test"));
    return registry;
  }

  private static EvalTask winogrande(PluginRegistry registry) {
    registry.freeze();
    EvalSettings settings = EvalSettings.builder().datasetDir(SharedData.datasets()).numFewshot(0).build();
    List<EvalTask> tasks = new TaskManager(registry, List.of(), null).select(List.of("winogrande"), settings).tasks();
    assertEquals(1, tasks.size());
    return tasks.get(0);
  }

  @Test
  void lmEvalsOwnYamlBuildsTheRequestsOfTheBundledTask() throws IOException {
    Path source = lmEvalWinogrande();
    Assumptions.assumeTrue(Files.isRegularFile(source.resolve("default.yaml")), "no lm-eval installed at " + source);
    Path folder = Files.createDirectories(include.resolve("winogrande"));
    try (Stream<Path> files = Files.list(source)) {
      for (Path yaml : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
        Files.copy(yaml, folder.resolve(yaml.getFileName()));
      }
    }
    PluginRegistry lmEval = registry();
    lmEval.addTaskSource(new DirectoryTaskSource(include));
    EvalTask theirs = winogrande(lmEval);

    PluginRegistry bundled = registry();
    ClasspathTaskSources.find(getClass().getClassLoader()).forEach(bundled::addTaskSource);
    EvalTask ours = winogrande(bundled);

    List<Instance> expected = ours.instances();
    List<Instance> actual = theirs.instances();
    assertEquals(1267 * 2, expected.size(), "two requests per validation doc");
    assertTrue(theirs.multipleInput(), "doc_to_text gives an int");
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "request " + i);
    }
    assertEquals("winogrande.preprocess_winogrande.doc_to_choice", theirs.configForResults().get("doc_to_choice"));
  }
}
