package org.lmeval.examples.metric;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.metric.MetricFactory;

/** The entry point, listed in {@code META-INF/services/org.lmeval.api.Plugin}. */
public final class ResponseLengthPlugin implements Plugin {
  @Override
  public Collection<MetricFactory> metrics() {
    return List.of(new ResponseLengthMetricFactory());
  }
}
