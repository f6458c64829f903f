package org.lmeval.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.python.PythonStr;
import org.lmeval.platform.task.EntryKind;
import org.lmeval.platform.task.PromptPreview;
import org.lmeval.platform.task.TaskListing;
import org.lmeval.platform.task.TaskManager;

/** The {@link TaskCatalog} over the kernel's task engine ({@link TaskManager}). */
final class TaskEngineCatalog implements TaskCatalog {
  private final TaskManager tasks;
  private final EvalSettings settings;

  TaskEngineCatalog(TaskManager tasks, EvalSettings settings) {
    this.tasks = tasks;
    this.settings = settings;
  }

  /** The provider the CLI uses: the task index over the kernel's sources and {@code --include_path}. */
  static Provider provider() {
    return (Kernel kernel, List<Path> includePaths, Path datasetDir) -> {
      Path indexCache = kernel.workDir().map(d -> d.resolve("task-index")).orElse(null);
      TaskManager manager = new TaskManager(kernel.registry(), includePaths, indexCache);
      EvalSettings settings = EvalSettings.builder().includePaths(includePaths).datasetDir(datasetDir).build();
      return java.util.Optional.of(new TaskEngineCatalog(manager, settings));
    };
  }

  @Override
  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (EntryKind kind : EntryKind.values()) {
      for (TaskListing l : tasks.list(kind)) {
        Kind k = switch (kind) {
          case TASK, PYTHON_TASK -> Kind.TASK;
          case GROUP -> Kind.GROUP;
          case TAG -> Kind.TAG;
        };
        out.add(new Entry(l.name(), k, kind == EntryKind.TAG ? null : l.path(), l.outputType()));
      }
    }
    return out;
  }

  @Override
  public List<String> missing(List<String> names) {
    return names.stream().filter(n -> !n.endsWith(".yaml") && tasks.match(n).isEmpty()).toList();
  }

  @Override
  public List<RenderedPrompt> render(String name, int count) {
    List<RenderedPrompt> out = new ArrayList<>();
    for (PromptPreview p : tasks.preview(List.of(name), settings, count)) {
      String context = p.requests().isEmpty() ? "" : String.valueOf(p.requests().get(0).arguments().get(0));
      out.add(new RenderedPrompt(p.task(), p.docId(), context, PythonStr.str(p.target())));
    }
    return out;
  }
}
