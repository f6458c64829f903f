package org.lmeval.plugin.metrics;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.plugin.metrics.aggregation.BitsPerByteAggregation;
import org.lmeval.plugin.metrics.aggregation.BypassAggregation;
import org.lmeval.plugin.metrics.aggregation.MeanAggregation;
import org.lmeval.plugin.metrics.aggregation.MedianAggregation;
import org.lmeval.plugin.metrics.aggregation.NanmeanAggregation;
import org.lmeval.plugin.metrics.aggregation.PerplexityAggregation;
import org.lmeval.plugin.metrics.aggregation.WeightedPerplexityAggregation;
import org.lmeval.plugin.metrics.choice.AccBytesMetric;
import org.lmeval.plugin.metrics.choice.AccMetric;
import org.lmeval.plugin.metrics.choice.AccMutualInfoMetric;
import org.lmeval.plugin.metrics.choice.AccNormMetric;
import org.lmeval.plugin.metrics.choice.BrierScoreMetric;
import org.lmeval.plugin.metrics.choice.F1Metric;
import org.lmeval.plugin.metrics.choice.LikelihoodMetric;
import org.lmeval.plugin.metrics.choice.MccMetric;
import org.lmeval.plugin.metrics.support.Kwargs;

/** lm-eval's built-in metrics and aggregations (the {@code metrics-core} plugin). */
public final class MetricsPlugin implements Plugin {
  @Override
  public Collection<MetricFactory> metrics() {
    return List.of(
        simple("acc", true, "mean", AccMetric::new),
        simple("acc_norm", true, "mean", AccNormMetric::new),
        simple("acc_bytes", true, "mean", AccBytesMetric::new),
        simple("acc_mutual_info", true, "mean", AccMutualInfoMetric::new),
        simple("f1", true, "f1", F1Metric::new),
        simple("mcc", true, "matthews_corrcoef", MccMetric::new),
        simple("brier_score", false, "brier_score", BrierScoreMetric::new),
        simple("likelihood", true, "mean", LikelihoodMetric::new));
  }

  @Override
  public Collection<Aggregation> aggregations() {
    return List.of(new MeanAggregation(), new MedianAggregation(), new PerplexityAggregation(),
        new WeightedPerplexityAggregation(), new BitsPerByteAggregation(), new NanmeanAggregation(),
        new BypassAggregation());
  }

  /** A metric without kwargs. */
  private static MetricFactory simple(String name, boolean higherIsBetter, String aggregation,
                                      java.util.function.Supplier<? extends org.lmeval.api.metric.Metric> metric) {
    return new BuiltinMetricFactory(name, higherIsBetter, aggregation, kwargs -> {
      Kwargs.of(name, kwargs);
      return metric.get();
    });
  }
}
