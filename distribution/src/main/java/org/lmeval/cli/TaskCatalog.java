package org.lmeval.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lmeval.platform.Kernel;

/**
 * What {@code lm-eval ls tasks|groups|subtasks|tags} and {@code lm-eval validate} need from the task
 * engine: the task index and prompt rendering. The CLI only formats; a {@link Provider} connects it to
 * the task engine ({@code org.lmeval.platform.task}).
 */
public interface TaskCatalog {
  /** What a name in the index is. */
  enum Kind {
    /** A task ("subtask" in lm-eval's listings). */
    TASK,
    /** A group (has its own YAML and may aggregate). */
    GROUP,
    /** A tag (a name shared by tasks, no YAML of its own). */
    TAG
  }

  /**
   * One name in the task index.
   *
   * @param name the name users type after {@code --tasks}
   * @param kind task, group or tag
   * @param configLocation the YAML that defines it (source id and path), or null (tags)
   * @param outputType the task's {@code output_type}, or "" (groups, tags, unknown)
   */
  record Entry(String name, Kind kind, String configLocation, String outputType) {}

  /**
   * One rendered prompt: what the model would be sent for one document.
   *
   * @param task the task name
   * @param docId the index of the document in the evaluation split
   * @param context the full prompt (description, few-shot examples, the document's question)
   * @param target the document's target as text
   */
  record RenderedPrompt(String task, int docId, String context, String target) {}

  /** Every task, group and tag, each kind sorted by name. */
  List<Entry> entries();

  /**
   * lm-eval's {@code match_tasks}: the names (or {@code fnmatch} patterns) that match nothing. Empty
   * when every name exists.
   */
  List<String> missing(List<String> names);

  /**
   * The prompts of the first {@code count} documents of every task {@code name} expands to (a group or tag
   * expands to its tasks), rendered with the task's own few-shot settings and seed 1234.
   *
   * @throws org.lmeval.api.EvalException INVALID_TASK naming the file and key when a task cannot render
   */
  List<RenderedPrompt> render(String name, int count);

  /** Opens a catalog over the kernel's task sources plus the {@code --include_path} folders. */
  @FunctionalInterface
  interface Provider {
    /**
     * @param kernel the started kernel (its registry holds task sources, doc transforms, datasets)
     * @param includePaths extra task folders ({@code --include_path})
     * @param datasetDir the offline dataset mirror, or null
     * @return the catalog, or empty when no task engine is available
     */
    Optional<TaskCatalog> open(Kernel kernel, List<Path> includePaths, Path datasetDir);
  }
}
