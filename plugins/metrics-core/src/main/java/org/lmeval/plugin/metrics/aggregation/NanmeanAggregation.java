package org.lmeval.plugin.metrics.aggregation;

import java.util.List;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.support.NumpyMath;

/**
 * {@code nanmean}: NaN for no scores or only NaN, else numpy's {@code nanmean} (NaN replaced by 0, pairwise sum,
 * divided by the count of the others); bootstrapped stderr.
 */
public final class NanmeanAggregation implements Aggregation {
  @Override
  public String name() {
    return "nanmean";
  }

  @Override
  public double aggregate(List<Score> scores) {
    double[] x = new double[scores.size()];
    int count = 0;
    for (int i = 0; i < x.length; i++) {
      double v = scores.get(i).value();
      if (Double.isNaN(v)) {
        x[i] = 0.0;
      } else {
        x[i] = v;
        count++;
      }
    }
    if (count == 0) {
      return Double.NaN;
    }
    return NumpyMath.sum(x) / count;
  }

  @Override
  public StderrMethod stderr() {
    return StderrMethod.BOOTSTRAP;
  }
}
