package org.lmeval.platform.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run produced.
 *
 * @param results lm-eval's results dictionary without {@code samples} (the shape of
 *     {@code results_<date>.json}: results, groups, group_subtasks, configs, versions, n-shot, ...)
 * @param summaryLine lm-eval's line before the tables ({@code dummy (), gen_kwargs: (...), limit: ...})
 * @param tables the printed Markdown tables: the results table, then the groups table if any
 * @param files the files written (results JSON, samples JSONL), empty without {@code --output_path}
 */
public record EvaluationResult(Map<String, Object> results, String summaryLine, String tables, List<Path> files) {
  public EvaluationResult {
    files = List.copyOf(files);
  }
}
