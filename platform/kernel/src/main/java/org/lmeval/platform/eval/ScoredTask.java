package org.lmeval.platform.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scored task: its {@code results} entry and the per-task facts the results file lists.
 *
 * @param name the task name
 * @param entry the {@code results[name]} entry in lm-eval's key order: {@code name}, {@code alias},
 *     {@code sample_len}, then {@code "metric,filter"} and {@code "metric_stderr,filter"} pairs; values are
 *     Doubles, {@code 999} (an Integer, {@code bypass}) or the string {@code "N/A"}
 * @param higherIsBetter {@code higher_is_better[name]}: every listed metric, in list order
 * @param version {@code versions[name]}
 * @param numFewshot {@code n-shot[name]}
 * @param config {@code configs[name]}
 * @param originalDocCount {@code n-samples[name].original}
 * @param sampleLen {@code sample_len}: the largest number of values any metric received
 * @param taskHash lm-eval's {@code task_hashes[name]} when samples were logged, else null
 */
public record ScoredTask(
    String name,
    Map<String, Object> entry,
    Map<String, Boolean> higherIsBetter,
    Object version,
    int numFewshot,
    Map<String, Object> config,
    int originalDocCount,
    int sampleLen,
    String taskHash) {

  public ScoredTask {
    entry = Collections.unmodifiableMap(new LinkedHashMap<>(entry));
    higherIsBetter = Collections.unmodifiableMap(new LinkedHashMap<>(higherIsBetter));
    config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }
}
