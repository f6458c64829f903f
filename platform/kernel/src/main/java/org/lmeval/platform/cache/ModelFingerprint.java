package org.lmeval.platform.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.RequestType;
import org.lmeval.platform.eval.Secrets;

/**
 * What makes two models give the same responses, so that two models never share cache entries: the backend
 * name, the model args in canonical (sorted) form without secrets and without the args that only say how to run
 * (batch sizes, device, concurrency), and the hash the model itself reports ({@link LanguageModel#fingerprint()},
 * e.g. of its weights and tokenizer files).
 *
 * @param backend the backend name ({@code --model})
 * @param modelArgs the kept model args, sorted by key
 * @param modelHash the model's own fingerprint, or ""
 */
public record ModelFingerprint(String backend, Map<String, Object> modelArgs, String modelHash) {

  /** Model args that change how a model runs, not what it answers; they are not part of the fingerprint. */
  public static final Set<String> RUN_ONLY_ARGS = Set.of("batch_size", "max_batch_size", "device",
      "num_concurrent", "max_retries", "timeout");

  public ModelFingerprint {
    Objects.requireNonNull(backend, "backend");
    modelHash = modelHash == null ? "" : modelHash;
    Map<String, Object> kept = new TreeMap<>();
    for (Map.Entry<String, Object> e : modelArgs.entrySet()) {
      if (!Secrets.isSecret(e.getKey()) && !RUN_ONLY_ARGS.contains(e.getKey())) {
        kept.put(e.getKey(), e.getValue());
      }
    }
    try {
      CanonicalJson.write(kept);
    } catch (IllegalArgumentException e) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model args of backend '" + backend
          + "' cannot be part of a cache key: " + e.getMessage());
    }
    modelArgs = Collections.unmodifiableMap(new LinkedHashMap<>(kept));
  }

  /**
   * The fingerprint of an opened model.
   *
   * @param backend the backend name
   * @param modelArgs the model args it was opened with (secrets and run-only args are dropped here)
   * @param model the opened model; its {@link LanguageModel#fingerprint()} is asked once
   */
  public static ModelFingerprint of(String backend, Map<String, ?> modelArgs, LanguageModel model) {
    return new ModelFingerprint(backend, new LinkedHashMap<>(modelArgs), model.fingerprint());
  }

  /**
   * The cache namespace of this model's responses to one request type: canonical JSON naming the key version,
   * backend, model args, model hash and request type. It is readable, so {@code lm-eval cache stats} can show
   * which model an entry belongs to.
   */
  public String namespace(RequestType type) {
    Map<String, Object> ns = new LinkedHashMap<>();
    ns.put("backend", backend);
    ns.put("key_version", CacheKeys.KEY_VERSION);
    ns.put("model_args", modelArgs);
    ns.put("model_hash", modelHash);
    ns.put("request_type", type.lmEvalName());
    return CanonicalJson.write(ns);
  }

  /** {@code dummy pretrained=x,seed=1 #0a1b2c3d4e5f}: for messages and {@code lm-eval cache stats}. */
  public String display() {
    StringBuilder b = new StringBuilder(backend);
    if (!modelArgs.isEmpty()) {
      b.append(' ');
      boolean first = true;
      for (Map.Entry<String, Object> e : modelArgs.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        b.append(e.getKey()).append('=').append(e.getValue() instanceof String s ? s
            : CanonicalJson.write(e.getValue()));
      }
    }
    if (!modelHash.isEmpty()) {
      b.append(" #").append(modelHash, 0, Math.min(12, modelHash.length()));
    }
    return b.toString();
  }
}
