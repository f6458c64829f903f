package org.lmeval.platform.eval;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingResult;
import org.lmeval.platform.python.PythonJson;
import org.lmeval.platform.results.Hashing;
import org.lmeval.platform.python.PythonStr;
import org.lmeval.platform.python.PythonTuple;

/**
 * One logged sample (lm-eval's {@code example} in {@code evaluate}): one document after one filter set.
 * Values are Python-shaped (a log-likelihood response is the tuple {@code (logprob, is_greedy)}).
 *
 * @param docId the logged {@code doc_id}
 * @param doc the document
 * @param target {@code doc_to_target(doc)}, raw
 * @param arguments per request, lm-eval's {@code args} tuple
 * @param resps per request, the raw responses (one per repeat)
 * @param filteredResps per request, the value the filter set left
 * @param filter the filter set's name
 * @param metricValues per metric, in production order, the per-document value lm-eval logs
 * @param docHash sha256 of {@code json.dumps(doc, indent=2, ensure_ascii=False)}
 * @param promptHash sha256 of the first request's first argument (the context)
 * @param targetHash sha256 of {@code str(target)}
 */
public record SampleRecord(
    int docId,
    Map<String, Object> doc,
    Object target,
    List<List<Object>> arguments,
    List<List<Object>> resps,
    List<Object> filteredResps,
    String filter,
    Map<String, Object> metricValues,
    String docHash,
    String promptHash,
    String targetHash) {

  public SampleRecord {
    metricValues = Collections.unmodifiableMap(new LinkedHashMap<>(metricValues));
  }

  /** Builds a record and its three hashes, as lm-eval does. Responses may be SPI results; they become tuples. */
  public static SampleRecord of(int docId, Map<String, Object> doc, Object target, List<List<Object>> arguments,
      List<List<Object>> resps, List<Object> filteredResps, String filter, Map<String, Object> metricValues) {
    Object firstArg = arguments.isEmpty() || arguments.get(0).isEmpty() ? "" : arguments.get(0).get(0);
    return new SampleRecord(docId, doc, target, arguments, pythonShaped(resps), pythonShaped(filteredResps),
        filter, metricValues,
        sha256(PythonJson.dumps(doc, PythonJson.Options.RESULTS)),
        sha256(PythonStr.str(firstArg)),
        sha256(PythonStr.str(target)));
  }

  /** The names of the metrics with a value, lm-eval's {@code metrics} field. */
  public List<String> metrics() {
    return List.copyOf(metricValues.keySet());
  }

  /** {@code doc_hash + prompt_hash + target_hash}, this record's part of the task hash. */
  public String hashes() {
    return docHash + promptHash + targetHash;
  }

  /**
   * The record as lm-eval's {@code save_results_samples} writes it: one JSON line (without the newline),
   * {@code arguments} as {@code {"gen_args_i": {"arg_j": ...}}}, every leaf of {@code resps} and
   * {@code filtered_resps} as its {@code str()}, {@code target} as {@code str(target)}.
   */
  public String toJsonLine() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("doc_id", docId);
    out.put("doc", doc);
    out.put("target", PythonStr.str(target));
    Map<String, Object> args = new LinkedHashMap<>();
    for (int i = 0; i < arguments.size(); i++) {
      Map<String, Object> one = new LinkedHashMap<>();
      List<Object> arg = arguments.get(i);
      for (int j = 0; j < arg.size(); j++) {
        one.put("arg_" + j, arg.get(j));
      }
      args.put("gen_args_" + i, one);
    }
    out.put("arguments", args);
    out.put("resps", sanitize(resps));
    out.put("filtered_resps", sanitize(filteredResps));
    out.put("filter", filter);
    out.put("metrics", metrics());
    out.put("doc_hash", docHash);
    out.put("prompt_hash", promptHash);
    out.put("target_hash", targetHash);
    out.putAll(metricValues);
    return PythonJson.dumps(out, PythonJson.Options.SAMPLES);
  }

  /** lm-eval's {@code sanitize_list}: lists and tuples keep their shape, every other leaf becomes {@code str(x)}. */
  static Object sanitize(Object o) {
    if (o instanceof PythonTuple t) {
      Object[] items = new Object[t.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = sanitize(t.get(i));
      }
      return PythonTuple.of(items);
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(sanitize(x));
      }
      return out;
    }
    return PythonStr.str(o);
  }

  /** SPI results as lm-eval's Python values: {@code (logprob, is_greedy)} tuples and plain floats. */
  @SuppressWarnings("unchecked")
  static <T> T pythonShaped(T o) {
    if (o instanceof LoglikelihoodResult r) {
      return (T) PythonTuple.of(r.logprob(), r.greedy());
    }
    if (o instanceof RollingResult r) {
      return (T) Double.valueOf(r.logprob());
    }
    if (o instanceof PythonTuple) {
      return o;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(pythonShaped(x));
      }
      return (T) out;
    }
    return o;
  }

  static String sha256(String text) {
    return Hashing.sha256(text);
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
