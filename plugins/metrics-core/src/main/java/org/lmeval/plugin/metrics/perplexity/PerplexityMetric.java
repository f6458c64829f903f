package org.lmeval.plugin.metrics.perplexity;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.support.OutputKind;

/** {@code perplexity} of a {@code loglikelihood} task: the request's log-likelihood, for the perplexity aggregation. */
public final class PerplexityMetric implements Metric.PerSample {
  @Override
  public Score score(Sample sample) {
    if (OutputKind.of(sample) != OutputKind.LOGLIKELIHOOD) {
      throw new EvalException(ErrorCode.INVALID_TASK, "metric 'perplexity' applies to loglikelihood tasks"
          + " (use word_perplexity, byte_perplexity or bits_per_byte for loglikelihood_rolling)");
    }
    return Score.of(sample.loglikelihoods().get(0).logprob());
  }
}
