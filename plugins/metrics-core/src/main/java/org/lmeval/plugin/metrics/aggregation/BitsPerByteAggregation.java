package org.lmeval.plugin.metrics.aggregation;

import java.util.List;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.support.PythonMath;

/** {@code bits_per_byte}: {@code -(sum(ll) / sum(bytes)) / ln 2} over (ll, bytes) scores; no stderr. */
public final class BitsPerByteAggregation implements Aggregation {
  @Override
  public String name() {
    return "bits_per_byte";
  }

  @Override
  public double aggregate(List<Score> scores) {
    return -Scores.weightedMean(name(), scores) / PythonMath.LN2;
  }
}
