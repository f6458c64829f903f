package org.lmeval.cli;

import java.nio.file.Path;
import java.util.List;
import org.lmeval.platform.Kernel;

/** Opens the {@link TaskCatalog} or explains, as a configuration error, why there is none. */
final class TaskCatalogs {
  private TaskCatalogs() {}

  static TaskCatalog open(CliEnvironment env, Kernel kernel, List<Path> includePaths, Path datasetDir) {
    return env.taskCatalogs().open(kernel, includePaths, datasetDir).orElseThrow(() -> CliException.config(
        "no task engine is available to list or validate tasks: this build of lm-eval-java has no "
            + "TaskCatalog provider (see docs/troubleshooting.md#no-task-engine)"));
  }
}
