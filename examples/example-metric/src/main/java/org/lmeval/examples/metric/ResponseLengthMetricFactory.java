package org.lmeval.examples.metric;

import org.lmeval.api.Options;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;

/**
 * {@code response_length}: how long the model's answer is, in Unicode code points, averaged over the task
 * ({@code mean}); shorter is better. Use it in a task's {@code metric_list}:
 *
 * <pre>
 * metric_list:
 *   - metric: response_length
 *     strip: true      # optional: ignore leading and trailing whitespace (default false)
 * </pre>
 */
public final class ResponseLengthMetricFactory implements MetricFactory {
  /** The metric's name in task YAML. */
  public static final String NAME = "response_length";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  public String defaultAggregation() {
    return "mean";
  }

  @Override
  public Metric create(Options kwargs) {
    // Read every kwarg here: the kernel rejects the ones nobody read ("did you mean 'strip'?").
    return new ResponseLengthMetric(kwargs.bool("strip", false));
  }
}
