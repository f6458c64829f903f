package org.lmeval.platform.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rewrites of a task's {@code configs} entry, in lm-eval's {@code TaskConfig} field order. */
public final class TaskConfigs {
  /** lm-eval 0.4.13's {@code TaskConfig} fields, in declaration order (the order {@code to_dict} writes). */
  public static final List<String> FIELD_ORDER = List.of("task", "task_alias", "tag", "custom_dataset",
      "dataset_path", "dataset_name", "dataset_kwargs", "training_split", "validation_split", "test_split",
      "fewshot_split", "process_docs", "doc_to_text", "doc_to_target", "doc_to_image", "doc_to_audio",
      "unsafe_code", "doc_to_choice", "process_results", "use_prompt", "description", "target_delimiter",
      "fewshot_delimiter", "fewshot_config", "num_fewshot", "metric_list", "output_type", "generation_kwargs",
      "repeats", "filter_list", "should_decontaminate", "doc_to_decontamination_query", "gen_prefix", "metadata");

  private TaskConfigs() {}

  /**
   * The config as {@code --predict_only} leaves it ({@code Task.override_metric("bypass")}):
   * {@code metric_list: [{"metric": "bypass"}]} and {@code process_results: "process_results"}.
   */
  public static Map<String, Object> predictOnly(Map<String, Object> config) {
    Map<String, Object> out = new LinkedHashMap<>(config);
    Map<String, Object> bypass = new LinkedHashMap<>();
    bypass.put("metric", "bypass");
    out = withField(out, "process_results", "process_results");
    return withField(out, "metric_list", new ArrayList<>(List.of(bypass)));
  }

  /** Sets a field, keeping its place, or inserting it where {@link #FIELD_ORDER} puts it among the present keys. */
  public static Map<String, Object> withField(Map<String, Object> config, String key, Object value) {
    if (config.containsKey(key)) {
      Map<String, Object> out = new LinkedHashMap<>(config);
      out.put(key, value);
      return out;
    }
    int rank = FIELD_ORDER.indexOf(key);
    Map<String, Object> out = new LinkedHashMap<>();
    boolean inserted = false;
    for (Map.Entry<String, Object> e : config.entrySet()) {
      int r = FIELD_ORDER.indexOf(e.getKey());
      if (!inserted && rank >= 0 && r > rank) {
        out.put(key, value);
        inserted = true;
      }
      out.put(e.getKey(), e.getValue());
    }
    if (!inserted) {
      out.put(key, value);
    }
    return out;
  }
}
