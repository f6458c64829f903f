package org.lmeval.testkit.sample;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.api.metric.Score;

/** A self-contained plugin (only the api and its own nested classes), listed in the test services file. */
public final class SamplePlugin implements Plugin {
  @Override
  public Collection<MetricFactory> metrics() {
    return List.of(new Length());
  }

  /** {@code sample_length}: the length of the response's text. */
  public static final class Length implements MetricFactory {
    @Override
    public String name() {
      return "sample_length";
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
      return (Metric.PerSample) sample -> Score.of(String.valueOf(sample.response()).length());
    }
  }
}
