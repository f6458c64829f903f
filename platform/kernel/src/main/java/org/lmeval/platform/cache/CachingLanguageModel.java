package org.lmeval.platform.cache;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.PartialResultsException;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.platform.eval.Instance;

/**
 * A model behind a response cache, write-through. For each batch it computes every request's key
 * ({@link CacheKeys}), looks them all up in one call, sends only the misses to the model (each distinct key
 * once), and {@link ResponseCache#putAll commits} the new responses before returning them. A run killed at
 * any moment has therefore committed every batch the model finished; the rerun sends only the rest.
 *
 * <p>A batch the model fails with a {@link PartialResultsException} has the responses it carries committed the
 * same way before the failure is rethrown (its results re-indexed to the caller's batch), so a run that fails
 * mid-batch loses no answer it received.
 *
 * <p>Repeats: a sampled generation's key carries its occurrence in this model's lifetime (the kernel sends a
 * request {@code repeats} times in a row), so the n-th sample of a request is cached under its own key and a
 * resumed run gets back the samples it already drew. Deterministic requests use repeat index 0: one entry
 * serves every repeat.
 *
 * <p>Use one wrapper per run. Not thread-safe, like the models it wraps (the kernel calls from one thread).
 * {@link #close()} closes the wrapped model, never the cache (its opener closes it).
 */
public final class CachingLanguageModel implements LanguageModel {
  private final LanguageModel model;
  private final ResponseCache cache;
  private final ModelFingerprint fingerprint;
  private final Map<RequestType, String> namespaces = new EnumMap<>(RequestType.class);
  private final Map<Object, String> taskOfRequest;
  /** Occurrences so far of each sampled request, by its repeat-0 key. */
  private final Map<String, Integer> sampledOccurrences = new HashMap<>();
  private long hits;
  private long sent;

  private CachingLanguageModel(LanguageModel model, ResponseCache cache, ModelFingerprint fingerprint,
      Map<Object, String> taskOfRequest) {
    this.model = model;
    this.cache = cache;
    this.fingerprint = fingerprint;
    this.taskOfRequest = taskOfRequest;
    for (RequestType type : RequestType.values()) {
      namespaces.put(type, fingerprint.namespace(type));
    }
  }

  /**
   * {@code model} behind {@code cache}, or {@code model} itself when {@code cache} is null (no
   * {@code --use_cache}).
   */
  public static LanguageModel wrap(LanguageModel model, ResponseCache cache, ModelFingerprint fingerprint) {
    return cache == null ? model : of(model, cache, fingerprint, List.of());
  }

  /**
   * As {@link #wrap(LanguageModel, ResponseCache, ModelFingerprint)}; entries are labelled with the task of the
   * instance whose request they answer (for {@code lm-eval cache stats}), found by the request object's identity.
   */
  public static LanguageModel wrap(LanguageModel model, ResponseCache cache, ModelFingerprint fingerprint,
      List<Instance> instances) {
    return cache == null ? model : of(model, cache, fingerprint, instances);
  }

  /** A caching wrapper (never a pass-through), for callers that want its {@link #hits()} and {@link #sent()}. */
  public static CachingLanguageModel of(LanguageModel model, ResponseCache cache, ModelFingerprint fingerprint,
      List<Instance> instances) {
    Map<Object, String> tasks = new IdentityHashMap<>();
    for (Instance i : instances) {
      tasks.put(i.request(), i.taskName());
    }
    return new CachingLanguageModel(model, cache, fingerprint, tasks);
  }

  /** Responses answered from the cache so far. */
  public long hits() {
    return hits;
  }

  /** Requests sent to the model so far. */
  public long sent() {
    return sent;
  }

  /** The fingerprint entries are stored under. */
  public ModelFingerprint modelFingerprint() {
    return fingerprint;
  }

  /** The wrapped model. */
  public LanguageModel delegate() {
    return model;
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    return serve(RequestType.LOGLIKELIHOOD, batch, model::loglikelihood);
  }

  @Override
  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    return serve(RequestType.LOGLIKELIHOOD_ROLLING, batch, model::loglikelihoodRolling);
  }

  @Override
  public List<String> generateUntil(List<GenerationRequest> batch) {
    return serve(RequestType.GENERATE_UNTIL, batch, model::generateUntil);
  }

  @Override
  public Set<RequestType> supportedRequests() {
    return model.supportedRequests();
  }

  @Override
  public int preferredBatchSize() {
    return model.preferredBatchSize();
  }

  @Override
  public String modelName() {
    return model.modelName();
  }

  @Override
  public String fingerprint() {
    return model.fingerprint();
  }

  @Override
  public void close() {
    model.close();
  }

  private <Q, R> List<R> serve(RequestType type, List<Q> batch, Function<List<Q>, List<R>> call) {
    String namespace = namespaces.get(type);
    List<String> keys = new ArrayList<>(batch.size());
    for (Q request : batch) {
      String key = CacheKeys.key(type, request, 0);
      if (CacheKeys.sampled(type, request)) {
        int repeat = sampledOccurrences.merge(key, 1, Integer::sum) - 1;
        if (repeat > 0) {
          key = CacheKeys.key(type, request, repeat);
        }
      }
      keys.add(key);
    }
    Map<String, String> stored = cache.getAll(namespace, new LinkedHashSet<>(keys));
    Map<String, Object> responses = new HashMap<>();
    for (Map.Entry<String, String> e : stored.entrySet()) {
      try {
        responses.put(e.getKey(), ResponseCodec.decode(type, e.getValue()));
      } catch (IllegalArgumentException bad) {
        throw new EvalException(ErrorCode.CACHE_FAILURE, "the response cache " + cache.describe() + " holds an entry "
            + "that is not a " + type.lmEvalName() + " response (key " + e.getKey() + " of " + fingerprint.display()
            + ": " + bad.getMessage() + "); remove this model's entries with `lm-eval cache prune --model` or delete "
            + "the cache file");
      }
    }
    Map<String, Q> missing = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      if (!responses.containsKey(keys.get(i))) {
        missing.putIfAbsent(keys.get(i), batch.get(i));
      }
    }
    hits += batch.size() - missing.size();
    if (!missing.isEmpty()) {
      List<Q> toSend = new ArrayList<>(missing.values());
      List<R> computed;
      try {
        computed = call.apply(toSend);
      } catch (PartialResultsException partial) {
        throw commitPartial(type, namespace, missing, keys, responses, partial);
      }
      if (computed == null || computed.size() != toSend.size()) {
        throw new EvalException(ErrorCode.BACKEND_FAILURE, "the model returned "
            + (computed == null ? "null" : computed.size() + " results") + " for a " + type.lmEvalName()
            + " batch of " + toSend.size());
      }
      sent += toSend.size();
      Map<String, String> entries = new LinkedHashMap<>();
      Map<String, String> labels = new HashMap<>();
      int k = 0;
      for (Map.Entry<String, Q> e : missing.entrySet()) {
        R response = computed.get(k++);
        if (response == null) {
          throw new EvalException(ErrorCode.BACKEND_FAILURE, "the model returned a null " + type.lmEvalName()
              + " result");
        }
        entries.put(e.getKey(), ResponseCodec.encode(type, response));
        responses.put(e.getKey(), response);
        String task = taskOfRequest.get(e.getValue());
        if (task != null) {
          labels.put(e.getKey(), task);
        }
      }
      cache.putAll(namespace, entries, labels);
    }
    List<R> out = new ArrayList<>(batch.size());
    for (String key : keys) {
      @SuppressWarnings("unchecked")
      R response = (R) responses.get(key);
      out.add(response);
    }
    return out;
  }

  /**
   * Commits the responses a failed batch carries (write-through, like a full batch's) and returns the failure to
   * rethrow, its results re-indexed to the caller's batch (cache hits included). If the commit itself fails, the
   * model's failure is still what is thrown, with the cache's attached as suppressed.
   */
  private <Q> PartialResultsException commitPartial(RequestType type, String namespace, Map<String, Q> missing,
      List<String> keys, Map<String, Object> responses, PartialResultsException partial) {
    List<Map.Entry<String, Q>> sentInOrder = new ArrayList<>(missing.entrySet());
    Map<String, String> entries = new LinkedHashMap<>();
    Map<String, String> labels = new HashMap<>();
    for (Map.Entry<Integer, Object> r : partial.results().entrySet()) {
      int index = r.getKey();
      if (index < 0 || index >= sentInOrder.size()) {
        continue; // not a request of this batch: nothing to commit (the boundary refuses such results)
      }
      Map.Entry<String, Q> request = sentInOrder.get(index);
      String encoded;
      try {
        encoded = ResponseCodec.encode(type, r.getValue());
      } catch (RuntimeException notAResponse) {
        continue;
      }
      entries.put(request.getKey(), encoded);
      responses.put(request.getKey(), r.getValue());
      String task = taskOfRequest.get(request.getValue());
      if (task != null) {
        labels.put(request.getKey(), task);
      }
    }
    if (!entries.isEmpty()) {
      try {
        cache.putAll(namespace, entries, labels);
        sent += entries.size();
      } catch (RuntimeException commitFailed) {
        partial.addSuppressed(commitFailed);
        return partial;
      }
    }
    Map<Integer, Object> answered = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      Object response = responses.get(keys.get(i));
      if (response != null) {
        answered.put(i, response);
      }
    }
    return partial.withResults(answered);
  }
}
