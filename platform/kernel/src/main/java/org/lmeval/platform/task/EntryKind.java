package org.lmeval.platform.task;

/** What a name in the task index stands for (lm-eval's index kinds). */
public enum EntryKind {
  /** A YAML task ({@code task:} key). */
  TASK,
  /** A Python-class task ({@code class:} key): listed, but cannot be built here. */
  PYTHON_TASK,
  /** A group ({@code group:} key). */
  GROUP,
  /** A tag: a name for the tasks that list it under {@code tag:}; no aggregation, no table row. */
  TAG
}
