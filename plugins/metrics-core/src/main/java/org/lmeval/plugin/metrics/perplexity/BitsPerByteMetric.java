package org.lmeval.plugin.metrics.perplexity;

import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;

/** {@code bits_per_byte}: the score {@code (ll, n_bytes)} for the {@code bits_per_byte} aggregation. */
public final class BitsPerByteMetric implements Metric.PerSample {
  @Override
  public Score score(Sample sample) {
    String name = "bits_per_byte";
    return new Score(RollingCounts.logprob(sample, name), RollingCounts.bytes(RollingCounts.text(sample, name)));
  }

  /** lm-eval logs {@code (ll, count)} for this metric. */
  @Override
  public Object sampleItem(Sample sample, Score score) {
    return RollingCounts.logged(score);
  }
}
