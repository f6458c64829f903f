package org.lmeval.platform.eval;

import java.util.Map;

/**
 * One {@code metric_list} entry, resolved: the metric name, the aggregation name (null = the metric's
 * default), {@code higher_is_better} (null = the metric's default) and the remaining keys as kwargs.
 */
public record MetricSpec(String metric, String aggregation, Boolean higherIsBetter, Map<String, Object> kwargs) {
  public MetricSpec {
    kwargs = kwargs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
  }
}
