package org.lmeval.platform.boundary;

import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.Options;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;

/**
 * A plugin's {@link MetricFactory} behind the boundary: {@link #create} rejects kwargs the factory did not read
 * and returns a {@link ClassLoaderSafeMetric}.
 */
public final class ClassLoaderSafeMetricFactory implements MetricFactory {
  private final MetricFactory delegate;
  private final Boundary boundary;
  private final String name;
  private final String component;

  public ClassLoaderSafeMetricFactory(MetricFactory delegate, Boundary boundary) {
    this.delegate = delegate;
    this.boundary = boundary;
    this.name = Wrappers.name(boundary, "metric", delegate::name);
    this.component = "metric '" + name + "'";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean higherIsBetter() {
    return boundary.call(component, "higherIsBetter()", ErrorCode.BACKEND_FAILURE, delegate::higherIsBetter);
  }

  @Override
  public String defaultAggregation() {
    return boundary.call(component, "defaultAggregation()", ErrorCode.BACKEND_FAILURE,
        delegate::defaultAggregation);
  }

  @Override
  public Metric create(Options kwargs) {
    Metric metric = boundary.call(component, "create", ErrorCode.BACKEND_FAILURE, () -> delegate.create(kwargs));
    ResultValidator.notNull(boundary, component, "create", ErrorCode.BACKEND_FAILURE, metric, "the metric");
    UnreadOptions.check(kwargs, "metric kwarg", "metric '" + name + "'", Set.of());
    return ClassLoaderSafeMetric.wrap(metric, component, boundary);
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
