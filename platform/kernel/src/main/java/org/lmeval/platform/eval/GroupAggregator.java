package org.lmeval.platform.eval;

import org.lmeval.api.support.PythonStrings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * lm-eval 0.4.13's group scores ({@code Group.aggregate}, {@code aggregate_groups} and the
 * {@code _propagate_*} helpers of {@code evaluator_utils.py}; §4.6 of the spec).
 *
 * <p>Each group aggregates over <em>all of its leaf tasks</em>, recursively (not over subgroup scores):
 * for each {@code aggregate_metric_list} entry and each filter (the entry's list, or every filter any leaf
 * has for that metric, sorted), the value is the mean of the leaves' values weighted by their
 * {@code sample_len} ({@code weight_by_size}, default) or unweighted; the stderr is the pooled stderr
 * (weighted) or {@code sqrt(sum(s**2))/K} (unweighted), or {@code "N/A"} when any leaf's stderr is missing
 * or {@code "N/A"}; {@code sample_count} records the summed sizes. Groups are aggregated bottom-up
 * (children before parents).
 *
 * <p>The order of the given groups matters where it matters to lm-eval: it is the order of
 * {@code group_subtasks} and the order in which n-shot and {@code higher_is_better} are propagated
 * (lm-eval's {@code TaskManager.load} order: a parent group before the groups it contains).
 */
public final class GroupAggregator {
  private static final System.Logger LOG = System.getLogger(GroupAggregator.class.getName());

  private final Map<String, GroupSpec> groups = new LinkedHashMap<>();

  /** @param groups the run's groups, in lm-eval's load order */
  public GroupAggregator(List<GroupSpec> groups) {
    for (GroupSpec g : groups) {
      this.groups.put(g.name(), g);
    }
  }

  /** The groups in the given order. */
  public List<GroupSpec> groups() {
    return List.copyOf(groups.values());
  }

  /** Groups that are no group's child, in the given order. */
  public List<GroupSpec> roots() {
    Set<String> children = new HashSet<>();
    for (GroupSpec g : groups.values()) {
      for (String c : g.children()) {
        if (groups.containsKey(c)) {
          children.add(c);
        }
      }
    }
    return groups.values().stream().filter(g -> !children.contains(g.name())).toList();
  }

  /** All groups, children before parents: a post-order walk from each root (lm-eval's bottom-up order). */
  public List<GroupSpec> bottomUp() {
    List<GroupSpec> out = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    for (GroupSpec root : roots()) {
      visit(root, out, visited);
    }
    return out;
  }

  private void visit(GroupSpec g, List<GroupSpec> out, Set<String> visited) {
    if (visited.contains(g.name())) {
      return;
    }
    for (String c : g.children()) {
      GroupSpec child = groups.get(c);
      if (child != null) {
        visit(child, out, visited);
      }
    }
    visited.add(g.name());
    out.add(g);
  }

  /** The group's leaf tasks, recursively, in child order (a task reached twice is listed twice, as lm-eval does). */
  public List<String> leafTasks(String group) {
    List<String> out = new ArrayList<>();
    collectLeaves(groups.get(group), out, new LinkedHashSet<>());
    return out;
  }

  private void collectLeaves(GroupSpec g, List<String> out, Set<String> path) {
    if (g == null || !path.add(g.name())) {
      return;
    }
    for (String c : g.children()) {
      GroupSpec child = groups.get(c);
      if (child != null) {
        collectLeaves(child, out, path);
      } else {
        out.add(c);
      }
    }
    path.remove(g.name());
  }

  /**
   * Every group's results entry, in bottom-up order.
   *
   * @param taskEntries the scored tasks' {@code results} entries by task name
   */
  public Map<String, Map<String, Object>> aggregate(Map<String, Map<String, Object>> taskEntries) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (GroupSpec g : bottomUp()) {
      out.put(g.name(), aggregate(g, taskEntries));
    }
    return out;
  }

  /** One group's {@code results} entry ({@code Group.aggregate}). */
  public Map<String, Object> aggregate(GroupSpec group, Map<String, Map<String, Object>> taskEntries) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("alias", group.alias() != null && !group.alias().isEmpty() ? group.alias() : group.name());
    entry.put("name", group.name());
    if (group.aggregateMetrics().isEmpty()) {
      return entry;
    }
    List<String> leaves = leafTasks(group.name());
    long total = 0;
    for (String leaf : leaves) {
      Map<String, Object> r = taskEntries.get(leaf);
      if (r != null) {
        total += size(r);
      }
    }
    entry.put("sample_len", total);
    Map<String, Object> sampleCount = new LinkedHashMap<>();
    for (GroupSpec.AggregateMetric agg : group.aggregateMetrics()) {
      List<String> filters = agg.filters() != null ? agg.filters() : discoverFilters(agg.metric(), leaves, taskEntries);
      for (String filter : filters) {
        String key = agg.metric() + "," + filter;
        String stderrKey = agg.metric() + "_stderr," + filter;
        List<Double> values = new ArrayList<>();
        List<Object> stderrs = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String leaf : leaves) {
          Map<String, Object> r = taskEntries.get(leaf);
          if (r == null || !r.containsKey(key)) {
            missing.add(leaf);
            continue;
          }
          values.add(number(r.get(key), leaf, key));
          sizes.add(size(r));
          Object s = r.get(stderrKey);
          if (s != null) {
            stderrs.add(s);
          }
        }
        if (!values.isEmpty() && !missing.isEmpty()) {
          LOG.log(System.Logger.Level.WARNING, "Group '" + group.name() + "': metric '" + key + "' is missing in "
              + missing.size() + "/" + leaves.size() + " tasks. Missing in: "
              + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
              + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : ""));
        }
        if (values.isEmpty()) {
          LOG.log(System.Logger.Level.WARNING, "Group '" + group.name() + "': no values found for metric '" + key
              + "' across any tasks.");
          continue;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        long[] n = sizes.stream().mapToLong(Long::longValue).toArray();
        entry.put(key, Stderr.weightedMean(v, n, agg.weightBySize()));
        long count = 0;
        for (long x : n) {
          count += x;
        }
        sampleCount.put(key, count);
        if (stderrs.size() == values.size() && !stderrs.contains("N/A")) {
          double[] s = new double[stderrs.size()];
          for (int i = 0; i < s.length; i++) {
            s[i] = number(stderrs.get(i), group.name(), stderrKey);
          }
          entry.put(stderrKey, agg.weightBySize() ? Stderr.pooled(s, n) : Stderr.unweightedMean(s));
        } else {
          entry.put(stderrKey, "N/A");
        }
      }
    }
    if (!sampleCount.isEmpty()) {
      entry.put("sample_count", sampleCount);
    }
    return entry;
  }

  private List<String> discoverFilters(String metric, List<String> leaves, Map<String, Map<String, Object>> tasks) {
    Set<String> found = new TreeSet<>(PythonStrings::compare);
    String prefix = metric + ",";
    for (String leaf : leaves) {
      Map<String, Object> r = tasks.get(leaf);
      if (r == null) {
        continue;
      }
      for (String key : r.keySet()) {
        if (key.startsWith(prefix) && !key.contains("_stderr")) {
          found.add(key.substring(prefix.length()));
        }
      }
    }
    return new ArrayList<>(found);
  }

  /** {@code _propagate_num_fewshot}: a group gets an n-shot when all its direct children that have one agree. */
  public void propagateNumFewshot(Map<String, Integer> nShot) {
    for (GroupSpec g : groups.values()) {
      Set<Integer> values = new HashSet<>();
      for (String c : g.children()) {
        if (nShot.containsKey(c)) {
          values.add(nShot.get(c));
        }
      }
      if (values.size() == 1) {
        nShot.put(g.name(), values.iterator().next());
      }
    }
  }

  /**
   * {@code _propagate_higher_is_better}: a group's {@code higher_is_better[metric]} is its direct children's
   * common value, or null when they disagree.
   */
  public void propagateHigherIsBetter(Map<String, Map<String, Boolean>> higherIsBetter) {
    for (GroupSpec g : groups.values()) {
      Map<String, Boolean> merged = new LinkedHashMap<>();
      for (String c : g.children()) {
        Map<String, Boolean> child = higherIsBetter.get(c);
        if (child == null) {
          continue;
        }
        for (Map.Entry<String, Boolean> e : child.entrySet()) {
          String m = e.getKey();
          if (!merged.containsKey(m)) {
            merged.put(m, e.getValue());
          } else if (merged.get(m) != null && !merged.get(m).equals(e.getValue())) {
            LOG.log(System.Logger.Level.WARNING, "Higher_is_better values for metric " + m + " in group "
                + g.name() + " are not consistent. Defaulting to None.");
            merged.put(m, null);
          }
        }
      }
      if (!merged.isEmpty()) {
        higherIsBetter.put(g.name(), merged);
      }
    }
  }

  /** The group's {@code versions} entry: {@code str(metadata.version)} or {@code "N/A"}. */
  public static String version(GroupSpec group) {
    return group.version() == null ? "N/A" : group.version();
  }

  private static long size(Map<String, Object> r) {
    Object n = r.get("sample_len");
    return n instanceof Number num ? num.longValue() : 0;
  }

  private static double number(Object o, String task, String key) {
    if (o instanceof Number n && !(o instanceof Boolean)) {
      return n.doubleValue();
    }
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    throw new IllegalArgumentException("task '" + task + "': '" + key + "' is not a number: " + o);
  }

}
