package org.lmeval.platform.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * lm-eval 0.4.13's {@code FewshotConfig}: the task's values inherited ({@code split} from
 * {@code fewshot_split}, {@code process_docs}, the delimiters, {@code gen_prefix}, {@code doc_to_*}), then
 * the YAML's {@code fewshot_config} keys over them (so {@code fewshot_config.split} wins over
 * {@code fewshot_split}), {@code sampler} defaulting to "default".
 */
final class FewshotConfig {
  /** The fields in lm-eval's declaration order. */
  static final List<String> FIELDS = List.of("sampler", "split", "process_docs", "fewshot_indices", "samples",
      "doc_to_text", "doc_to_choice", "doc_to_target", "gen_prefix", "fewshot_delimiter", "target_delimiter");

  private final Map<String, Object> values;

  private FewshotConfig(Map<String, Object> values) {
    this.values = values;
  }

  static FewshotConfig of(Map<String, Object> task, String where) {
    Object raw = task.get("fewshot_config");
    if (raw != null && !(raw instanceof Map<?, ?>)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "fewshot_config in " + where + " must be a mapping, got "
          + PyText.repr(raw));
    }
    Map<String, Object> v = new LinkedHashMap<>();
    for (String f : FIELDS) {
      v.put(f, null);
    }
    v.put("sampler", "default");
    v.put("split", task.get("fewshot_split"));
    v.put("process_docs", task.get("process_docs"));
    v.put("fewshot_delimiter", task.get("fewshot_delimiter"));
    v.put("target_delimiter", task.get("target_delimiter"));
    v.put("gen_prefix", task.get("gen_prefix"));
    v.put("doc_to_text", task.get("doc_to_text"));
    v.put("doc_to_choice", task.get("doc_to_choice"));
    v.put("doc_to_target", task.get("doc_to_target"));
    if (raw instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (!FIELDS.contains(key)) {
          throw new EvalException(ErrorCode.INVALID_TASK, "unknown fewshot_config key '" + key + "' in " + where
              + TaskConfig.closeMatch(key, FIELDS) + " (valid keys: " + String.join(", ", FIELDS) + ")");
        }
        v.put(key, e.getValue());
      }
    }
    return new FewshotConfig(v);
  }

  Object get(String field) {
    return values.get(field);
  }

  String sampler() {
    return values.get("sampler") == null ? null : PyText.str(values.get("sampler"));
  }

  /** The few-shot split, or null. */
  String split() {
    return values.get("split") == null ? null : PyText.str(values.get("split"));
  }

  Map<String, Object> values() {
    return values;
  }
}
