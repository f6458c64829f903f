package org.lmeval.plugin.metrics.aggregation;

import java.util.List;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;

/** {@code bypass}: always 999 (lm-eval's placeholder for predict-only runs); no stderr. */
public final class BypassAggregation implements Aggregation {
  /** The value lm-eval reports for a bypassed metric. */
  public static final double VALUE = 999;

  @Override
  public String name() {
    return "bypass";
  }

  @Override
  public double aggregate(List<Score> scores) {
    return VALUE;
  }
}
