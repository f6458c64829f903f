package org.lmeval.plugin.metrics.perplexity;

import java.nio.charset.StandardCharsets;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.plugin.metrics.support.OutputKind;

/** Word and byte counts of a scored text, and the rolling log-likelihood, as lm-eval counts them. */
public final class RollingCounts {
  private RollingCounts() {}

  /**
   * What lm-eval's sample log records for a rolling metric: its {@code process_results} value, the tuple
   * {@code (loglikelihood, count)} with the count an int, as a two-element list.
   */
  public static Object logged(Score score) {
    return java.util.List.of(score.value(), (int) score.weight());
  }

  /**
   * {@code len(re.split(r"\s+", text))}: one more than the number of runs of Python whitespace, so leading and
   * trailing whitespace count as (empty) words.
   */
  public static int words(String text) {
    int runs = 0;
    boolean inRun = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean space = PythonStrings.isspace(cp);
      if (space && !inRun) {
        runs++;
      }
      inRun = space;
      i += Character.charCount(cp);
    }
    return runs + 1;
  }

  /** {@code len(text.encode("utf-8"))}. */
  public static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The rolling log-likelihood of a {@code loglikelihood_rolling} sample. */
  static double logprob(Sample sample, String metric) {
    if (OutputKind.of(sample) != OutputKind.LOGLIKELIHOOD_ROLLING) {
      throw new EvalException(ErrorCode.INVALID_TASK, "metric '" + metric + "' applies to loglikelihood_rolling tasks");
    }
    return sample.rollingLogprob().getAsDouble();
  }

  /** The scored text ({@code doc_to_target}) of a rolling sample. */
  static String text(Sample sample, String metric) {
    if (sample.target() instanceof String s) {
      return s;
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "metric '" + metric + "' counts words and bytes of the target,"
        + " which must be a string, got " + (sample.target() == null ? "None" : sample.target().getClass().getSimpleName()));
  }
}
