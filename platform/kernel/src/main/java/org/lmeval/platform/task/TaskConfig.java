package org.lmeval.platform.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.eval.OutputType;
import org.lmeval.platform.util.Suggestions;

/**
 * lm-eval's {@code TaskConfig}: every field in lm-eval's order with its default, validated (an unknown key
 * is an error naming the file, line and key) and normalised as lm-eval's {@code __post_init__} does
 * ({@code generation_kwargs} defaults, {@code temperature} as a float, {@code until} defaulting to the
 * few-shot delimiter, the {@link FewshotConfig} with inherited values).
 */
final class TaskConfig {
  /** The TaskConfig fields in lm-eval's declaration order. */
  static final List<String> FIELDS = List.of("task", "task_alias", "tag", "custom_dataset", "dataset_path",
      "dataset_name", "dataset_kwargs", "training_split", "validation_split", "test_split", "fewshot_split",
      "process_docs", "doc_to_text", "doc_to_target", "doc_to_image", "doc_to_audio", "unsafe_code", "doc_to_choice",
      "process_results", "use_prompt", "description", "target_delimiter", "fewshot_delimiter", "fewshot_config",
      "num_fewshot", "metric_list", "output_type", "generation_kwargs", "repeats", "filter_list",
      "should_decontaminate", "doc_to_decontamination_query", "gen_prefix", "metadata");

  private static final Map<String, Object> DEFAULTS;

  static {
    Map<String, Object> d = new LinkedHashMap<>();
    for (String f : FIELDS) {
      d.put(f, null);
    }
    d.put("unsafe_code", false);
    d.put("description", "");
    d.put("target_delimiter", " ");
    d.put("fewshot_delimiter", "\n\n");
    d.put("output_type", "generate_until");
    d.put("repeats", 1);
    d.put("should_decontaminate", false);
    DEFAULTS = Collections.unmodifiableMap(d);
  }

  private final Map<String, Object> values;
  private final Map<String, Location> origins;
  private final String file;
  private final FewshotConfig fewshot;

  private TaskConfig(Map<String, Object> values, Map<String, Location> origins, String file, FewshotConfig fewshot) {
    this.values = values;
    this.origins = origins;
    this.file = file;
    this.fewshot = fewshot;
  }

  /**
   * Validates and normalises a task's merged config.
   *
   * @param cfg the keys after includes, overrides and the structural pops (tag/group/task_list)
   * @param origins where each key was written (may miss keys that came from overrides)
   * @param file the task's YAML file for messages ("inline" for tasks written inside a group)
   */
  static TaskConfig of(Map<String, Object> cfg, Map<String, Location> origins, String file) {
    Map<String, Object> values = new LinkedHashMap<>(DEFAULTS);
    for (Map.Entry<String, Object> e : cfg.entrySet()) {
      if (!DEFAULTS.containsKey(e.getKey())) {
        Location at = origins.get(e.getKey());
        throw new EvalException(ErrorCode.INVALID_TASK, "unknown task config key '" + e.getKey() + "' in "
            + (at != null ? at : file) + closeMatch(e.getKey(), FIELDS) + " (valid keys: "
            + String.join(", ", FIELDS) + ")");
      }
      values.put(e.getKey(), e.getValue());
    }
    String task = values.get("task") instanceof String s ? s : null;
    if (task == null) {
      throw new EvalException(ErrorCode.INVALID_TASK, "the task in " + file + " has no 'task' name (a string)");
    }
    Object gen = values.get("generation_kwargs");
    String fewshotDelimiter = string(values, "fewshot_delimiter", origins, file);
    if (gen != null) {
      if (!(gen instanceof Map<?, ?> m)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "generation_kwargs in " + where(origins, "generation_kwargs",
            file) + " must be a mapping, got " + PyText.repr(gen));
      }
      Map<String, Object> g = new LinkedHashMap<>();
      m.forEach((k, v) -> g.put(String.valueOf(k), v));
      if (g.containsKey("temperature")) {
        Object t = g.get("temperature");
        if (t instanceof Number n) {
          g.put("temperature", n.doubleValue());
        } else if (t instanceof String ts) {
          try {
            g.put("temperature", Double.parseDouble(ts.strip()));
          } catch (NumberFormatException ex) {
            throw new EvalException(ErrorCode.INVALID_TASK, "generation_kwargs.temperature in "
                + where(origins, "generation_kwargs", file) + " is not a number: " + PyText.repr(t));
          }
        } else {
          throw new EvalException(ErrorCode.INVALID_TASK, "generation_kwargs.temperature in "
              + where(origins, "generation_kwargs", file) + " is not a number: " + PyText.repr(t));
        }
      }
      if (!g.containsKey("until")) {
        g.put("until", new ArrayList<>(List.of(fewshotDelimiter)));
      }
      values.put("generation_kwargs", g);
    } else if ("generate_until".equals(values.get("output_type"))) {
      values.put("generation_kwargs", defaultGenerationKwargs(fewshotDelimiter));
    }
    Object outputType = values.get("output_type");
    if (!(outputType instanceof String ot) || OutputType.fromYaml(ot) == null) {
      throw new EvalException(ErrorCode.INVALID_TASK, "output_type in " + where(origins, "output_type", file)
          + " is " + PyText.repr(outputType) + "; it must be one of loglikelihood, multiple_choice, "
          + "loglikelihood_rolling, generate_until");
    }
    if (!(values.get("repeats") instanceof Integer r) || r < 1) {
      throw new EvalException(ErrorCode.INVALID_TASK, "repeats in " + where(origins, "repeats", file)
          + " must be a positive integer, got " + PyText.repr(values.get("repeats")));
    }
    Object nf = values.get("num_fewshot");
    if (nf != null && !(nf instanceof Integer)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "num_fewshot in " + where(origins, "num_fewshot", file)
          + " must be an integer, got " + PyText.repr(nf));
    }
    string(values, "target_delimiter", origins, file);
    FewshotConfig fewshot = FewshotConfig.of(values, where(origins, "fewshot_config", file));
    return new TaskConfig(values, origins, file, fewshot);
  }

  /** "; did you mean 'x'?" when a valid name is close, else "". */
  static String closeMatch(String typed, List<String> valid) {
    List<String> close = Suggestions.closest(typed, valid, 3);
    return close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close.stream().map(n -> "'" + n + "'")
        .toList()) + "?";
  }

  /** lm-eval's {@code default_gen_kwargs(fewshot_delimiter)}. */
  static Map<String, Object> defaultGenerationKwargs(String until) {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("temperature", 0.0);
    g.put("do_sample", false);
    g.put("max_gen_toks", 256);
    g.put("until", new ArrayList<>(List.of(until)));
    return g;
  }

  private static String string(Map<String, Object> values, String key, Map<String, Location> origins, String file) {
    Object v = values.get(key);
    if (!(v instanceof String s)) {
      throw new EvalException(ErrorCode.INVALID_TASK, key + " in " + where(origins, key, file)
          + " must be a string, got " + PyText.repr(v));
    }
    return s;
  }

  static String where(Map<String, Location> origins, String key, String file) {
    Location at = origins.get(key);
    return at != null ? at.toString() : file;
  }

  /** Where a key was written, for messages. */
  String where(String key) {
    return where(origins, key, file);
  }

  String file() {
    return file;
  }

  Object get(String field) {
    return values.get(field);
  }

  void set(String field, Object value) {
    values.put(field, value);
  }

  String task() {
    return (String) values.get("task");
  }

  String string(String field) {
    Object v = values.get(field);
    return v == null ? null : v instanceof String s ? s : PyText.str(v);
  }

  OutputType outputType() {
    return OutputType.fromYaml((String) values.get("output_type"));
  }

  FewshotConfig fewshot() {
    return fewshot;
  }

  /** All fields in lm-eval's order (defaults included), live. */
  Map<String, Object> values() {
    return values;
  }
}
