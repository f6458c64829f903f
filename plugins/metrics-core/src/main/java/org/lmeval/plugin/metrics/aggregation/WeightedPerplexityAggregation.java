package org.lmeval.plugin.metrics.aggregation;

import java.util.List;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;

/** {@code weighted_perplexity}: {@code exp(-sum(ll) / sum(n))} over (ll, n) scores; no stderr. */
public final class WeightedPerplexityAggregation implements Aggregation {
  @Override
  public String name() {
    return "weighted_perplexity";
  }

  @Override
  public double aggregate(List<Score> scores) {
    return Math.exp(-Scores.weightedMean(name(), scores));
  }
}
