package org.lmeval.api.metric;

import org.lmeval.api.Options;

/**
 * A named metric (lm-eval's {@code metric_list[].metric}: {@code acc}, {@code exact_match}, ...).
 */
public interface MetricFactory {
  /** lm-eval's name, snake_case. */
  String name();

  /** lm-eval's default {@code higher_is_better}. */
  boolean higherIsBetter();

  /**
   * The name of the default {@link Aggregation} for a {@link Metric.PerSample} metric ({@code mean},
   * {@code perplexity}, ...); ignored for {@link Metric.Corpus} metrics, which aggregate themselves.
   */
  String defaultAggregation();

  /** A metric configured with the YAML kwargs of its {@code metric_list} entry; read every kwarg here. */
  Metric create(Options kwargs);
}
