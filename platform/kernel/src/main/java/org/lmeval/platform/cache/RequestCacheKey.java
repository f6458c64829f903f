package org.lmeval.platform.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvalTask;

/**
 * What a task's built instances depend on, as lm-eval's request-cache key
 * ({@code requests-<task>-<n>shot-...-system_prompt_hash..-tokenizer..}) plus what lm-eval leaves out and so
 * serves stale: the task's whole config (YAML edits, {@code --metadata}, gen_kwargs merged in), the few-shot
 * seed, {@code --limit}/{@code --samples}, the dataset mirror, and the request-cache format version.
 *
 * @param task the task name
 * @param numFewshot the effective number of few-shot examples
 * @param parts every other input, by name (values canonicalisable: strings, numbers, booleans, lists, maps)
 */
public record RequestCacheKey(String task, int numFewshot, Map<String, Object> parts) {

  public RequestCacheKey {
    Objects.requireNonNull(task, "task");
    parts = java.util.Collections.unmodifiableMap(new TreeMap<>(parts));
  }

  /** The key of {@code task}'s instances in a run with {@code settings}. */
  public static RequestCacheKey of(EvalTask task, EvalSettings settings) {
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("format_version", InstanceCodec.VERSION);
    parts.put("config_sha256", CacheKeys.sha256Hex(CanonicalJson.writeLenient(task.configForResults())));
    parts.put("limit", settings.limit());
    parts.put("samples", settings.samples() == null ? null : settings.samples().get(task.name()));
    parts.put("fewshot_seed", settings.fewshotSeed());
    parts.put("system_prompt_sha256", settings.systemInstruction() == null ? null
        : CacheKeys.sha256Hex(settings.systemInstruction()));
    parts.put("chat_template", settings.applyChatTemplate());
    parts.put("fewshot_as_multiturn", settings.fewshotAsMultiturn());
    parts.put("gen_kwargs", settings.genKwargs());
    parts.put("predict_only", settings.predictOnly());
    parts.put("dataset_dir", settings.datasetDir() == null ? null : settings.datasetDir().toString());
    if (settings.applyChatTemplate() != null) {
      // the rendered prompts depend on the model's tokenizer (lm-eval's "-tokenizer<name>")
      parts.put("model", settings.model());
      parts.put("model_args", CanonicalJson.writeLenient(settings.modelArgs()));
    }
    return new RequestCacheKey(task.name(), task.numFewshot(), parts);
  }

  /** The canonical text of the whole key. */
  public String canonical() {
    Map<String, Object> all = new TreeMap<>(parts);
    all.put("task", task);
    all.put("num_fewshot", numFewshot);
    return CanonicalJson.writeLenient(all);
  }

  /**
   * The cache file's name: {@code requests-<task>-<n>shot-<sha256 of the key, 16 hex>.jsonl.gz}, the task name
   * reduced to safe characters and 100 of them.
   */
  public String fileName() {
    String safe = task.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() > 100) {
      safe = safe.substring(0, 100);
    }
    return "requests-" + safe + "-" + numFewshot + "shot-" + CacheKeys.sha256Hex(canonical()).substring(0, 16)
        + RequestCache.SUFFIX;
  }
}
