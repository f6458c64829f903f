package org.lmeval.tasks.parity;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;

/**
 * Registers the names of the metrics that replace lm-eval's {@code process_results} functions of the bundled
 * tasks (truthfulqa_mc2, wikitext), so their tasks can be built; scoring is not part of these tests.
 */
final class ProcessResultsStubs implements Plugin {
  @Override
  public Collection<MetricFactory> metrics() {
    return List.of(stub("truthfulqa.utils.process_results_mc2"), stub("wikitext.preprocess_wikitext.process_results"));
  }

  private static MetricFactory stub(String name) {
    return new MetricFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean higherIsBetter() {
        return true;
      }

      @Override
      public String defaultAggregation() {
        return "mean";
      }

      @Override
      public Metric create(Options kwargs) {
        throw new UnsupportedOperationException("request parity tests do not score");
      }
    };
  }
}
