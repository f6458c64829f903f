package org.lmeval.platform.eval;

import java.util.List;
import java.util.Map;

/**
 * A built task, as the evaluator and scorer use it. The task engine ({@code org.lmeval.platform.task})
 * implements it from YAML; tests may implement it directly.
 */
public interface EvalTask {
  /** The task's name (results key). */
  String name();

  /** {@code task_alias}, or the name. */
  String alias();

  OutputType outputType();

  /** {@code metadata.version} as written in YAML (e.g. 1.0 as a Double), or the string "Yaml". */
  Object version();

  /** The effective number of few-shot examples (after the {@code --num_fewshot} rules). */
  int numFewshot();

  /** The metric list (defaults for the output type when the YAML has none). */
  List<MetricSpec> metrics();

  /** The filter sets in YAML order ({@link FilterSetSpec#none()} when the YAML has none). */
  List<FilterSetSpec> filterSets();

  /** {@code repeats} (default 1). */
  int repeats();

  /** The number of documents in the evaluation split before {@code --limit}/{@code --samples}. */
  int originalDocCount();

  /**
   * The instances for the selected documents, in doc order then {@code idx}. Documents not selected by
   * limit/samples are not included.
   */
  List<Instance> instances();

  /** lm-eval's {@code doc_to_target(doc)} (raw: String, Integer, List, ...). */
  Object docToTarget(Map<String, Object> doc);

  /** lm-eval's {@code doc_to_text(doc)} (raw: a String, or an Integer for multiple-input tasks). */
  Object docToText(Map<String, Object> doc);

  /** {@code doc_to_choice(doc)}, or an empty list when the task has no choices. */
  List<String> docToChoice(Map<String, Object> doc);

  /** Whether the task sets {@code doc_to_choice}. */
  boolean hasChoices();

  /** Multiple-input task (Winogrande style): {@code doc_to_text} returns a choice index. */
  boolean multipleInput();

  /** Multiple-target task: {@code doc_to_target} returns a list. */
  boolean multipleTarget();

  /**
   * The registered metric that replaces lm-eval's built-in scoring for this task, when its YAML says
   * {@code process_results: !function module.fn} (e.g. {@code truthfulqa.utils.process_results_mc2}); null
   * for the built-in scoring of the output type.
   */
  default String processResults() {
    return null;
  }

  /**
   * The task config as lm-eval writes it under {@code configs} in the results file (TaskConfig fields,
   * null top-level values removed, in field order).
   */
  Map<String, Object> configForResults();
}
