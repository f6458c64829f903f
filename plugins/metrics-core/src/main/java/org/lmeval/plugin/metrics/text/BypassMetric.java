package org.lmeval.plugin.metrics.text;

import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;

/**
 * {@code bypass}: lm-eval's placeholder metric for runs that only collect predictions. Its per-document value is
 * lm-eval's {@code None}, given here as NaN; the {@code bypass} aggregation reports 999 whatever the scores.
 */
public final class BypassMetric implements Metric.PerSample {
  @Override
  public Score score(Sample sample) {
    return Score.of(Double.NaN);
  }
}
