package org.lmeval.plugin.metrics.aggregation;

import java.util.List;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.support.PythonMath;

/** {@code perplexity}: {@code exp(-mean(lls))}; bootstrapped stderr. */
public final class PerplexityAggregation implements Aggregation {
  @Override
  public String name() {
    return "perplexity";
  }

  @Override
  public double aggregate(List<Score> scores) {
    return Math.exp(-PythonMath.mean(Scores.values(name(), scores)));
  }

  @Override
  public StderrMethod stderr() {
    return StderrMethod.BOOTSTRAP;
  }
}
