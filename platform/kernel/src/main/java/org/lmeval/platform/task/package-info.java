/**
 * The task engine: lm-eval task YAML (SnakeYAML safe loading plus {@code !function}), {@code include:}
 * resolution, the task index over task sources and {@code --include_path} folders (with an on-disk cache),
 * groups and tags, prompt construction (descriptions, few-shot sampling, delimiters, gen_prefix) and the
 * requests ({@link org.lmeval.platform.eval.Instance}s) of every output type.
 *
 * <p>Entry point: {@link org.lmeval.platform.task.TaskManager}.
 */
package org.lmeval.platform.task;
