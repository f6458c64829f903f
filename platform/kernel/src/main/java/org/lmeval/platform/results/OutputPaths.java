package org.lmeval.platform.results;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoField;

/**
 * Where lm-eval's {@code EvaluationTracker} writes (§7.3). With an {@code --output_path} ending in
 * {@code .json}: {@code <parent>/<stem>_<date_id>.json} and samples in {@code <parent>/}; otherwise
 * {@code <output_path>/<model_name_sanitized>/results_<date_id>.json} and samples beside it. Samples go to
 * {@code samples_<task>_<date_id>.jsonl}.
 *
 * @param resultsFile the results file
 * @param samplesDir the folder of the samples files
 * @param dateId the run's {@code date_id}
 */
public record OutputPaths(Path resultsFile, Path samplesDir, String dateId) {

  /** The paths for an {@code --output_path}, a sanitized model name and a {@code date_id}. */
  public static OutputPaths of(Path outputPath, String modelNameSanitized, String dateId) {
    String last = outputPath.getFileName() == null ? "" : outputPath.getFileName().toString();
    if (last.endsWith(".json") && last.length() > ".json".length()) {
      String stem = last.substring(0, last.length() - ".json".length());
      Path parent = outputPath.toAbsolutePath().getParent();
      return new OutputPaths(parent.resolve(stem + "_" + dateId + ".json"), parent, dateId);
    }
    Path dir = outputPath.resolve(modelNameSanitized);
    return new OutputPaths(dir.resolve("results_" + dateId + ".json"), dir, dateId);
  }

  /** The samples file of a task. */
  public Path samplesFile(String taskName) {
    return samplesDir.resolve("samples_" + taskName + "_" + dateId + ".jsonl");
  }

  /** {@code datetime.now().isoformat().replace(":", "-")}: microseconds only when not zero. */
  public static String dateId(LocalDateTime now) {
    int micros = now.get(ChronoField.MICRO_OF_SECOND);
    String base = String.format("%04d-%02d-%02dT%02d-%02d-%02d", now.getYear(), now.getMonthValue(),
        now.getDayOfMonth(), now.getHour(), now.getMinute(), now.getSecond());
    return micros == 0 ? base : base + String.format(".%06d", micros);
  }
}
