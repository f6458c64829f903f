package org.lmeval.plugin.metrics.tasks;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.plugin.metrics.BuiltinMetricFactory;
import org.lmeval.plugin.metrics.support.IgnoredKwargs;

/**
 * The metrics of tasks with a custom {@code process_results}, named
 * {@code <task dir>.<!function reference>.<metric key>}.
 */
public final class TaskMetrics {
  private TaskMetrics() {}

  public static List<MetricFactory> all() {
    List<MetricFactory> out = new ArrayList<>();
    out.add(new BuiltinMetricFactory(TruthfulQaMc2Metric.NAME, true, "mean", kwargs -> {
      IgnoredKwargs.ignore(TruthfulQaMc2Metric.NAME, kwargs);
      return new TruthfulQaMc2Metric();
    }));
    for (TruthfulQaGenMetric.Similarity sim : TruthfulQaGenMetric.Similarity.values()) {
      for (TruthfulQaGenMetric.Statistic stat : TruthfulQaGenMetric.Statistic.values()) {
        TruthfulQaGenMetric metric = new TruthfulQaGenMetric(sim, stat);
        String name = TruthfulQaGenMetric.FUNCTION + "." + metric.key();
        out.add(new BuiltinMetricFactory(name, true, "mean", kwargs -> {
          IgnoredKwargs.ignore(name, kwargs);
          return metric;
        }));
      }
    }
    for (WikitextMetric.Count count : WikitextMetric.Count.values()) {
      String name = WikitextMetric.FUNCTION + "." + count.key();
      String aggregation = count == WikitextMetric.Count.BYTES_FOR_BITS ? "bits_per_byte" : "weighted_perplexity";
      out.add(new BuiltinMetricFactory(name, false, aggregation, kwargs -> {
        IgnoredKwargs.ignore(name, kwargs);
        return new WikitextMetric(count);
      }));
    }
    return List.copyOf(out);
  }
}
