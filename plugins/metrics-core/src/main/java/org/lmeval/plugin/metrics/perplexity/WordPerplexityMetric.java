package org.lmeval.plugin.metrics.perplexity;

import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;

/** {@code word_perplexity}: the score {@code (ll, n_words)} for {@code weighted_perplexity}. */
public final class WordPerplexityMetric implements Metric.PerSample {
  @Override
  public Score score(Sample sample) {
    String name = "word_perplexity";
    return new Score(RollingCounts.logprob(sample, name), RollingCounts.words(RollingCounts.text(sample, name)));
  }

  /** lm-eval logs {@code (ll, count)} for this metric. */
  @Override
  public Object sampleItem(Sample sample, Score score) {
    return RollingCounts.logged(score);
  }
}
