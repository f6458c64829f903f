package org.lmeval.plugin.metrics.aggregation;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;

/**
 * {@code median}: {@code sorted(x)[len(x) // 2]}, the upper median without interpolation (lm-eval 0.4.10+);
 * bootstrapped stderr.
 */
public final class MedianAggregation implements Aggregation {
  @Override
  public String name() {
    return "median";
  }

  @Override
  public double aggregate(List<Score> scores) {
    double[] values = Scores.values(name(), scores);
    List<Double> sorted = new ArrayList<>(values.length);
    for (double v : values) {
      sorted.add(v);
    }
    // Python's sorted() is a stable TimSort driven by "<" only; Java's List.sort is the same algorithm, so a
    // comparator that only answers "<" orders ties (and NaN) exactly as CPython does.
    sorted.sort((a, b) -> a < b ? -1 : (b < a ? 1 : 0));
    return sorted.get(values.length / 2);
  }

  @Override
  public StderrMethod stderr() {
    return StderrMethod.BOOTSTRAP;
  }
}
