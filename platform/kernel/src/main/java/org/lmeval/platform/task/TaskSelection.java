package org.lmeval.platform.task;

import java.util.List;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.eval.GroupSpec;

/**
 * The tasks and groups a run selected, as lm-eval's {@code TaskManager.load}.
 *
 * @param tasks every leaf task in lm-eval's order (the order of results and requests)
 * @param groups every group, children before parents (the order lm-eval aggregates them in)
 */
public record TaskSelection(List<EvalTask> tasks, List<GroupSpec> groups) {
  public TaskSelection {
    tasks = List.copyOf(tasks);
    groups = List.copyOf(groups);
  }
}
