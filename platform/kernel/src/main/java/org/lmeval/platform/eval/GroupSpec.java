package org.lmeval.platform.eval;

import java.util.List;

/**
 * A group (lm-eval group YAML) as selected for a run.
 *
 * @param name the group's name
 * @param alias {@code group_alias}, or null
 * @param children direct children (task or group names) in YAML order
 * @param aggregateMetrics the {@code aggregate_metric_list}; empty if the group has no score
 * @param version {@code metadata.version} as a string, or null ("N/A")
 */
public record GroupSpec(String name, String alias, List<String> children, List<AggregateMetric> aggregateMetrics,
    String version) {
  public GroupSpec {
    children = List.copyOf(children);
    aggregateMetrics = List.copyOf(aggregateMetrics);
  }

  /**
   * One {@code aggregate_metric_list} entry.
   *
   * @param metric the metric name
   * @param filters the filter sets to aggregate, or null to auto-discover (sorted)
   * @param aggregation "mean"
   * @param weightBySize lm-eval's {@code weight_by_size} (default true)
   */
  public record AggregateMetric(String metric, List<String> filters, String aggregation, boolean weightBySize) {}
}
