package org.lmeval.plugin.metrics.perplexity;

import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;

/** {@code byte_perplexity}: the score {@code (ll, n_bytes)} for {@code weighted_perplexity}. */
public final class BytePerplexityMetric implements Metric.PerSample {
  @Override
  public Score score(Sample sample) {
    String name = "byte_perplexity";
    return new Score(RollingCounts.logprob(sample, name), RollingCounts.bytes(RollingCounts.text(sample, name)));
  }

  /** lm-eval logs {@code (ll, count)} for this metric. */
  @Override
  public Object sampleItem(Sample sample, Score score) {
    return RollingCounts.logged(score);
  }
}
