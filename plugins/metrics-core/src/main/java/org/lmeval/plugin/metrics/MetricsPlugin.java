package org.lmeval.plugin.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.lmeval.api.Plugin;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Metric;
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
import org.lmeval.plugin.metrics.perplexity.BitsPerByteMetric;
import org.lmeval.plugin.metrics.perplexity.BytePerplexityMetric;
import org.lmeval.plugin.metrics.perplexity.PerplexityMetric;
import org.lmeval.plugin.metrics.perplexity.WordPerplexityMetric;
import org.lmeval.plugin.metrics.rouge.RougeType;
import org.lmeval.plugin.metrics.support.IgnoredKwargs;
import org.lmeval.plugin.metrics.tasks.TaskMetrics;
import org.lmeval.plugin.metrics.text.BleuMetric;
import org.lmeval.plugin.metrics.text.BypassMetric;
import org.lmeval.plugin.metrics.text.ChrfMetric;
import org.lmeval.plugin.metrics.text.ExactMatchMetric;
import org.lmeval.plugin.metrics.text.RougeMetric;
import org.lmeval.plugin.metrics.text.TerMetric;

/**
 * lm-eval 0.4.13's built-in metrics and aggregations (the {@code metrics-core} plugin), plus the
 * {@code process_results} metrics of popular tasks (see {@link TaskMetrics}).
 */
public final class MetricsPlugin implements Plugin {
  @Override
  public Collection<MetricFactory> metrics() {
    List<MetricFactory> out = new ArrayList<>(List.of(
        simple("acc", true, "mean", AccMetric::new),
        simple("acc_norm", true, "mean", AccNormMetric::new),
        simple("acc_bytes", true, "mean", AccBytesMetric::new),
        simple("acc_mutual_info", true, "mean", AccMutualInfoMetric::new),
        new BuiltinMetricFactory("exact_match", true, "mean", ExactMatchMetric::create),
        simple("f1", true, "f1", F1Metric::new),
        simple("mcc", true, "matthews_corrcoef", MccMetric::new),
        simple("brier_score", false, "brier_score", BrierScoreMetric::new),
        simple("likelihood", true, "mean", LikelihoodMetric::new),
        simple("perplexity", false, "perplexity", PerplexityMetric::new),
        simple("word_perplexity", false, "weighted_perplexity", WordPerplexityMetric::new),
        simple("byte_perplexity", false, "weighted_perplexity", BytePerplexityMetric::new),
        simple("bits_per_byte", false, "bits_per_byte", BitsPerByteMetric::new),
        simple("bleu", true, "bleu", BleuMetric::new),
        simple("chrf", true, "chrf", ChrfMetric::new),
        simple("ter", false, "ter", TerMetric::new),
        simple("bypass", true, "bypass", BypassMetric::new)));
    for (RougeType type : RougeType.values()) {
      out.add(simple(type.metricName(), true, "mean", () -> new RougeMetric(type)));
    }
    out.addAll(TaskMetrics.all());
    return List.copyOf(out);
  }

  @Override
  public Collection<Aggregation> aggregations() {
    return List.of(new MeanAggregation(), new MedianAggregation(), new PerplexityAggregation(),
        new WeightedPerplexityAggregation(), new BitsPerByteAggregation(), new NanmeanAggregation(),
        new BypassAggregation());
  }

  /** A metric that, like lm-eval's pass-through metrics, takes no kwargs (any given are ignored). */
  private static MetricFactory simple(String name, boolean higherIsBetter, String aggregation,
                                      Supplier<? extends Metric> metric) {
    return new BuiltinMetricFactory(name, higherIsBetter, aggregation, kwargs -> {
      IgnoredKwargs.ignore(name, kwargs);
      return metric.get();
    });
  }
}
