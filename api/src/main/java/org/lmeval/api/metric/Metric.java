package org.lmeval.api.metric;

import java.util.List;

/** A configured metric: scored per sample, or over the whole corpus. */
public sealed interface Metric permits Metric.PerSample, Metric.Corpus {

  /** Scores each sample; an {@link Aggregation} turns the scores into the task's value. */
  non-sealed interface PerSample extends Metric {
    Score score(Sample sample);

    /**
     * What the sample log records for this metric on one sample (lm-eval's per-document value), given
     * the score {@link #score} returned: by default the score's value as a float. Override where lm-eval
     * logs something else: an int ({@code acc} of a loglikelihood task logs {@code 1}), or a pair such as
     * {@code [loglikelihood, word count]} for {@code word_perplexity}.
     */
    default Object sampleItem(Sample sample, Score score) {
      return score.value();
    }
  }

  /**
   * Scores a list of samples at once (f1, mcc, bleu, ...). The kernel bootstraps the stderr by calling
   * {@link #score} on resampled lists.
   */
  non-sealed interface Corpus extends Metric {
    double score(List<Sample> samples);

    /** What the sample log records for this metric on one sample, e.g. lm-eval's {@code [gold, pred]}. */
    default Object sampleItem(Sample sample) {
      return null;
    }

    /** An upper bound on bootstrap iterations (lm-eval uses 100 for bleu, chrf, ter); 0 for no stderr. */
    default int maxBootstrapIters() {
      return Integer.MAX_VALUE;
    }

    /**
     * A closed-form standard error over these samples (lm-eval's {@code acc_all_stderr}), or empty to let
     * the kernel bootstrap {@link #score} (up to {@link #maxBootstrapIters()} iterations). The kernel asks
     * only when stderrs are on ({@code bootstrap_iters > 0}) and there are at least 2 samples.
     */
    default java.util.OptionalDouble stderr(List<Sample> samples) {
      return java.util.OptionalDouble.empty();
    }
  }
}
