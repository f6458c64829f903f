package org.lmeval.plugin.metrics.aggregation;

import java.util.List;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.support.PythonMath;

/** {@code mean}: {@code sum(x) / len(x)} with CPython's left-to-right float sum; closed-form stderr. */
public final class MeanAggregation implements Aggregation {
  @Override
  public String name() {
    return "mean";
  }

  @Override
  public double aggregate(List<Score> scores) {
    return PythonMath.mean(Scores.values(name(), scores));
  }

  @Override
  public StderrMethod stderr() {
    return StderrMethod.MEAN;
  }
}
