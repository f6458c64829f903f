package org.lmeval.plugin.metrics.aggregation;

import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Score;

/** Unpacking of score lists shared by the aggregations. */
final class Scores {
  private Scores() {}

  static double[] values(String aggregation, List<Score> scores) {
    if (scores.isEmpty()) {
      throw new EvalException(ErrorCode.INVALID_TASK, "aggregation '" + aggregation + "' got no scores");
    }
    double[] v = new double[scores.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = scores.get(i).value();
    }
    return v;
  }

  /** lm-eval's {@code weighted_mean}: {@code sum(values) / sum(weights)}, both Python sums. */
  static double weightedMean(String aggregation, List<Score> scores) {
    if (scores.isEmpty()) {
      throw new EvalException(ErrorCode.INVALID_TASK, "aggregation '" + aggregation + "' got no scores");
    }
    double a = 0.0;
    double b = 0.0;
    for (Score s : scores) {
      a += s.value();
      b += s.weight();
    }
    return a / b;
  }
}
