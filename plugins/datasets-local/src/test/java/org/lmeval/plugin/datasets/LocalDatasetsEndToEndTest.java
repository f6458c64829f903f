package org.lmeval.plugin.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.task.DirectoryTaskSource;
import org.lmeval.platform.task.TaskManager;

/** The real plugin under the task engine: a task read from the mirror, and the same task from json data_files. */
class LocalDatasetsEndToEndTest {
  @Test
  void theMirrorAndJsonDataFilesServeTheSameDocuments(@TempDir Path dir) throws IOException {
    Path data = SharedData.datasets().resolve("aps/super_glue/boolq/validation.jsonl");
    Files.writeString(dir.resolve("boolq_like.yaml"), """
        task: boolq_like
        dataset_path: aps/super_glue
        dataset_name: boolq
        output_type: multiple_choice
        validation_split: validation
        doc_to_text: "{{passage}}\\nQuestion: {{question}}?\\nAnswer:"
        doc_to_target: label
        doc_to_choice: ["no", "yes"]
        """);
    Files.writeString(dir.resolve("boolq_json.yaml"), "include: boolq_like.yaml\ntask: boolq_json\n"
        + "dataset_path: json\ndataset_name: null\ndataset_kwargs:\n  data_files:\n    validation: " + data + "\n");
    PluginRegistry registry = new PluginRegistry(List::of);
    registry.install(new LocalDatasetsPlugin(), new Origin("datasets-local", "", "test"));
    registry.addTaskSource(new DirectoryTaskSource(dir));
    registry.freeze();
    TaskManager tm = new TaskManager(registry, List.of(), null);
    EvalSettings settings = EvalSettings.builder().datasetDir(SharedData.datasets()).limit(2.0).build();
    List<EvalTask> tasks = tm.select(List.of("boolq_like", "boolq_json"), settings).tasks();
    assertEquals(3270, tasks.get(0).originalDocCount());
    assertEquals(3270, tasks.get(1).originalDocCount());
    assertEquals(4, tasks.get(0).instances().size());
    for (int i = 0; i < 4; i++) {
      assertEquals(tasks.get(0).instances().get(i).arguments(), tasks.get(1).instances().get(i).arguments());
      assertEquals(tasks.get(0).instances().get(i).doc(), tasks.get(1).instances().get(i).doc());
    }
    assertEquals(" yes", tasks.get(0).instances().get(1).arguments().get(1));
  }
}
