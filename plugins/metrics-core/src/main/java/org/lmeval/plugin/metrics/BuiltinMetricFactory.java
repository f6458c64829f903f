package org.lmeval.plugin.metrics;

import java.util.Objects;
import java.util.function.Function;
import org.lmeval.api.Options;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;

/**
 * A metric of this plugin: lm-eval's name, {@code higher_is_better} and default aggregation, and how to build
 * the metric from its YAML kwargs (the builder reads and checks every kwarg).
 *
 * @param name lm-eval's metric name
 * @param higherIsBetter lm-eval's registered {@code higher_is_better}
 * @param defaultAggregation the aggregation lm-eval registers for the metric
 * @param builder builds the configured metric
 */
public record BuiltinMetricFactory(String name, boolean higherIsBetter, String defaultAggregation,
                                   Function<Options, Metric> builder) implements MetricFactory {
  public BuiltinMetricFactory {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultAggregation, "defaultAggregation");
    Objects.requireNonNull(builder, "builder");
  }

  @Override
  public Metric create(Options kwargs) {
    return builder.apply(kwargs);
  }
}
