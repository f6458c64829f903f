/**
 * The task engine: lm-eval task YAML (SnakeYAML safe loading plus {@code !function}), {@code include:}
 * resolution, the task index over task sources and {@code --include_path} folders (with an on-disk cache),
 * groups and tags, prompt construction (descriptions, few-shot sampling, delimiters, gen_prefix) and the
 * requests ({@link org.lmeval.platform.eval.Instance}s) of every output type. With {@code --apply_chat_template}
 * the prompt messages go through the model's chat template ({@link org.lmeval.platform.task.ChatTemplate}):
 * multi-turn few-shot or collapsed into one user message, a {@code gen_prefix} continued as the final assistant
 * message.
 *
 * <p>Entry point: {@link org.lmeval.platform.task.TaskManager}.
 */
package org.lmeval.platform.task;
