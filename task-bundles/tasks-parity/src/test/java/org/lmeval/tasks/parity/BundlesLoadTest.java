package org.lmeval.tasks.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.task.ClasspathTaskSources;
import org.lmeval.platform.task.EntryKind;
import org.lmeval.platform.task.TaskListing;
import org.lmeval.platform.task.TaskManager;
import org.lmeval.plugin.datasets.LocalDatasetsPlugin;
import org.lmeval.plugin.transforms.TransformsPlugin;

/** Every task of every bundle loads and renders its first document from the offline copies, 0-shot. */
class BundlesLoadTest {
  private static TaskManager manager() {
    PluginRegistry registry = new PluginRegistry(List::of);
    registry.install(new LocalDatasetsPlugin(), new Origin("datasets-local", "", "test"));
    registry.install(new TransformsPlugin(), new Origin("tasks-transforms", "", "test"));
    registry.install(new org.lmeval.plugin.metrics.MetricsPlugin(), new Origin("metrics-core", "", "test"));
    registry.install(new org.lmeval.plugin.filters.FiltersPlugin(), new Origin("filters-core", "", "test"));
    ClasspathTaskSources.find(BundlesLoadTest.class.getClassLoader()).forEach(registry::addTaskSource);
    registry.freeze();
    return new TaskManager(registry, List.of(), null);
  }

  static Stream<String> tasks() {
    return manager().list(EntryKind.TASK).stream().map(TaskListing::name);
  }

  @Test
  void theBundlesHoldLmEvalsTaskGroupAndTagNames() {
    TaskManager tm = manager();
    assertTrue(tm.index().skipped().isEmpty(), tm.index().skipped().toString());
    List<String> tasks = tm.list(EntryKind.TASK).stream().map(TaskListing::name).toList();
    assertEquals(57 + 3 * 27 + 12, tasks.size(), tasks.toString());
    assertEquals(List.of("bbh_cot_zeroshot", "bbh_fewshot", "bbh_zeroshot", "mmlu", "mmlu_humanities", "mmlu_other", "mmlu_social_sciences", "mmlu_stem"),
        tm.list(EntryKind.GROUP).stream().map(TaskListing::name).toList());
    assertEquals(List.of("ai2_arc", "chain_of_thought", "lambada", "math_word_problems", "mmlu_humanities_tasks",
        "mmlu_other_tasks", "mmlu_social_sciences_tasks", "mmlu_stem_tasks", "multiple_choice",
        "super-glue-lm-eval-v1", "truthfulqa"), tm.list(EntryKind.TAG).stream().map(TaskListing::name).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void rendersTheFirstDocument(String name) {
    EvalSettings settings = EvalSettings.builder().datasetDir(SharedData.datasets()).limit(1.0).numFewshot(0).build();
    List<EvalTask> tasks = manager().select(List.of(name), settings).tasks();
    assertEquals(1, tasks.size());
    EvalTask task = tasks.get(0);
    assertFalse(task.instances().isEmpty());
    assertTrue(task.originalDocCount() > 0);
  }
}
