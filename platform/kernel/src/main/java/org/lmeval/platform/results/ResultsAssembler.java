package org.lmeval.platform.results;

import org.lmeval.api.support.PythonStrings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lmeval.platform.eval.GroupAggregator;
import org.lmeval.platform.eval.GroupSpec;
import org.lmeval.platform.eval.ScoredTask;

/**
 * Builds lm-eval's results dictionary (§7.1) from scored tasks and the run's groups, in lm-eval's key
 * order: {@code results} (tasks in the given order, then groups bottom-up), {@code groups} (the groups
 * with an {@code aggregate_metric_list}, if any), {@code group_subtasks}, {@code configs},
 * {@code versions}, {@code n-shot}, {@code higher_is_better} (these four sorted by name) and
 * {@code n-samples}; then {@link #addRunInfo} and {@link #addTrackerInfo} append the rest.
 */
public final class ResultsAssembler {
  private ResultsAssembler() {}

  /**
   * lm-eval's {@code EvalAcc._to_eval_results()} after {@code aggregate_groups}.
   *
   * @param tasks the scored tasks in lm-eval's task order
   * @param groups the run's groups in lm-eval's load order
   * @param predictOnly rewrite each task config as {@code --predict_only} does
   */
  public static Map<String, Object> assemble(List<ScoredTask> tasks, List<GroupSpec> groups, boolean predictOnly) {
    GroupAggregator aggregator = new GroupAggregator(groups);
    Map<String, Map<String, Object>> taskEntries = new LinkedHashMap<>();
    Map<String, Object> configs = new TreeMap<>(PythonStrings::compare);
    Map<String, Object> versions = new TreeMap<>(PythonStrings::compare);
    Map<String, Integer> nShot = new LinkedHashMap<>();
    Map<String, Map<String, Boolean>> higherIsBetter = new LinkedHashMap<>();
    Map<String, Object> nSamples = new LinkedHashMap<>();
    for (ScoredTask t : tasks) {
      taskEntries.put(t.name(), t.entry());
      configs.put(t.name(), predictOnly ? TaskConfigs.predictOnly(t.config()) : t.config());
      versions.put(t.name(), t.version());
      nShot.put(t.name(), t.numFewshot());
      higherIsBetter.put(t.name(), new LinkedHashMap<>(t.higherIsBetter()));
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("original", t.originalDocCount());
      counts.put("effective", t.sampleLen());
      nSamples.put(t.name(), counts);
    }
    Map<String, Map<String, Object>> groupEntries = aggregator.aggregate(taskEntries);
    Map<String, Object> results = new LinkedHashMap<>(taskEntries);
    results.putAll(groupEntries);
    Map<String, Object> groupResults = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Object>> e : groupEntries.entrySet()) {
      GroupSpec g = groups.stream().filter(x -> x.name().equals(e.getKey())).findFirst().orElseThrow();
      if (!g.aggregateMetrics().isEmpty()) {
        groupResults.put(e.getKey(), e.getValue());
      }
      versions.put(g.name(), GroupAggregator.version(g));
    }
    Map<String, Object> groupSubtasks = new LinkedHashMap<>();
    for (GroupSpec g : groups) {
      groupSubtasks.put(g.name(), new ArrayList<>(g.children()));
    }
    aggregator.propagateHigherIsBetter(higherIsBetter);
    aggregator.propagateNumFewshot(nShot);

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("results", results);
    if (!groupResults.isEmpty()) {
      out.put("groups", groupResults);
    }
    out.put("group_subtasks", groupSubtasks);
    out.put("configs", new LinkedHashMap<>(configs));
    out.put("versions", new LinkedHashMap<>(versions));
    out.put("n-shot", sorted(nShot));
    out.put("higher_is_better", sorted(higherIsBetter));
    out.put("n-samples", nSamples);
    return out;
  }

  /** Appends what {@code simple_evaluate} adds: {@code config}, {@code git_hash}, {@code date}, environment keys. */
  public static void addRunInfo(Map<String, Object> results, RunInfo run) {
    results.put("config", run.config());
    results.put("git_hash", run.gitHash());
    results.put("date", run.date());
    results.putAll(run.environment());
  }

  /**
   * Appends what the tracker adds when saving: {@code task_hashes} (per task, the sha256 of its sample
   * records' hashes; empty without logged samples) and the tracker fields.
   */
  public static void addTrackerInfo(Map<String, Object> results, List<ScoredTask> tasks, TrackerInfo tracker) {
    Map<String, Object> hashes = new LinkedHashMap<>();
    for (ScoredTask t : tasks) {
      if (t.taskHash() != null) {
        hashes.put(t.name(), t.taskHash());
      }
    }
    results.put("task_hashes", hashes);
    results.putAll(tracker.asMap());
  }

  private static <V> Map<String, Object> sorted(Map<String, V> m) {
    Map<String, Object> t = new TreeMap<>(PythonStrings::compare);
    t.putAll(m);
    return new LinkedHashMap<>(t);
  }
}
