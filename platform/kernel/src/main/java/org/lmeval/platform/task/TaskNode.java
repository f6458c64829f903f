package org.lmeval.platform.task;

import java.util.List;
import org.lmeval.platform.eval.GroupSpec;

/** A built task or group (with its children), as lm-eval's {@code Task} / {@code Group}. */
sealed interface TaskNode permits TaskNode.Leaf, TaskNode.Group {
  String name();

  /** A task. */
  record Leaf(YamlTask task) implements TaskNode {
    @Override
    public String name() {
      return task.name();
    }
  }

  /** A group and its direct children in order (a later child with the same name replaces an earlier one). */
  record Group(String name, String alias, List<TaskNode> children, List<GroupSpec.AggregateMetric> aggregates,
      String version) implements TaskNode {
    GroupSpec spec() {
      return new GroupSpec(name, alias, children.stream().map(TaskNode::name).toList(), aggregates, version);
    }
  }
}
