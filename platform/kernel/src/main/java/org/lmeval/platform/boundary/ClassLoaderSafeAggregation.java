package org.lmeval.platform.boundary;

import java.util.List;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;

/** A plugin's {@link Aggregation} behind the boundary. */
public final class ClassLoaderSafeAggregation implements Aggregation {
  private final Aggregation delegate;
  private final Boundary boundary;
  private final String name;
  private final String component;

  public ClassLoaderSafeAggregation(Aggregation delegate, Boundary boundary) {
    this.delegate = delegate;
    this.boundary = boundary;
    this.name = Wrappers.name(boundary, "aggregation", delegate::name);
    this.component = "aggregation '" + name + "'";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double aggregate(List<Score> scores) {
    return boundary.call(component, "aggregate(" + scores.size() + " scores)", ErrorCode.BACKEND_FAILURE,
        () -> delegate.aggregate(scores));
  }

  @Override
  public StderrMethod stderr() {
    StderrMethod method = boundary.call(component, "stderr()", ErrorCode.BACKEND_FAILURE, delegate::stderr);
    return ResultValidator.notNull(boundary, component, "stderr()", ErrorCode.BACKEND_FAILURE, method,
        "the stderr method");
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
