import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.task.ClasspathTaskSources;
import org.lmeval.platform.task.DirectoryTaskSource;
import org.lmeval.platform.task.EntryKind;
import org.lmeval.platform.task.TaskIndex;
import org.lmeval.platform.task.TaskIndexCache;
import org.lmeval.platform.task.TaskManager;
import org.lmeval.platform.task.TaskSelection;

/**
 * Times the task engine (run by bench/tasks/run.sh, which sets up the class path and data):
 * building every request of mmlu (57 subjects, 5-shot) and hellaswag (10-shot), and indexing a task
 * folder (lm-eval's own ~13.5k YAML files) cold and warm with the on-disk index cache.
 *
 * args: datasetDir [lmEvalTasksFolder cacheDir]
 */
public class RequestBuildBench {
  public static void main(String[] args) throws Exception {
    Path datasets = Path.of(args[0]);
    PluginRegistry registry = new PluginRegistry(List::of);
    registry.install(new org.lmeval.plugin.datasets.LocalDatasetsPlugin(), new Origin("datasets-local", "", "bench"));
    registry.install(new org.lmeval.plugin.transforms.TransformsPlugin(), new Origin("tasks-transforms", "", "bench"));
    ClasspathTaskSources.find(RequestBuildBench.class.getClassLoader()).forEach(registry::addTaskSource);
    registry.freeze();
    for (int round = 1; round <= 3; round++) {
      time("mmlu, 57 subjects, 5-shot", registry, datasets, "mmlu", 5, round);
      time("hellaswag, 10-shot", registry, datasets, "hellaswag", 10, round);
    }
    if (args.length >= 3) {
      Path folder = Path.of(args[1]);
      Path cache = Path.of(args[2]);
      for (String run : List.of("cold (no cache file)", "warm (cache file present)", "warm again")) {
        if (run.startsWith("cold") && Files.exists(cache)) {
          try (var s = Files.walk(cache)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
        long t0 = System.nanoTime();
        TaskIndex index = TaskIndex.build(List.of(new DirectoryTaskSource(folder)), new TaskIndexCache(cache));
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("index %s: %.2f s (%d tasks, %d groups, %d tags)%n", run, s,
            index.names(EntryKind.TASK).size(), index.names(EntryKind.GROUP).size(), index.names(EntryKind.TAG).size());
      }
    }
  }

  private static void time(String what, PluginRegistry registry, Path datasets, String name, int shots, int round) {
    long t0 = System.nanoTime();
    TaskManager tm = new TaskManager(registry, List.of(), null);
    EvalSettings settings = EvalSettings.builder().datasetDir(datasets).numFewshot(shots).build();
    TaskSelection sel = tm.select(List.of(name), settings);
    long requests = 0;
    long docs = 0;
    for (EvalTask t : sel.tasks()) {
      requests += t.instances().size();
      docs += t.originalDocCount();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("round %d  %-28s %6d docs %7d requests  %6.2f s (incl. loading data)%n", round, what, docs,
        requests, s);
  }
}
