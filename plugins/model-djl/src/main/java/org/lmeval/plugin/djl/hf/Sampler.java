package org.lmeval.plugin.djl.hf;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationParams;

/**
 * transformers' sampling path for {@code do_sample=true}: the temperature, top-k and top-p logits warpers in
 * that order, then a draw from the softmax. Values come from the generation kwargs, else the model's
 * {@code generation_config.json}, else transformers' defaults (temperature 1.0, top_k 50, top_p 1.0). The
 * random stream is the backend's own (torch's generator cannot be reproduced), seeded per request.
 *
 * @param temperature logits are divided by it (> 0)
 * @param topK keep the k most likely tokens (ties at the threshold kept); 0 keeps all
 * @param topP keep the smallest most-likely set whose probability reaches top_p
 */
record Sampler(double temperature, int topK, double topP) {

  /** transformers' defaults, overridden by generation_config.json's values. */
  static Sampler defaults(com.google.gson.JsonObject generationConfig) {
    double temperature = number(generationConfig, "temperature").orElse(1.0);
    int topK = (int) number(generationConfig, "top_k").orElse(50);
    double topP = number(generationConfig, "top_p").orElse(1.0);
    return new Sampler(temperature, topK, topP);
  }

  private static java.util.OptionalDouble number(com.google.gson.JsonObject o, String key) {
    com.google.gson.JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()
        ? java.util.OptionalDouble.of(e.getAsDouble()) : java.util.OptionalDouble.empty();
  }

  /** These defaults overridden by the request's {@code temperature}, {@code top_k}, {@code top_p}. */
  Sampler with(GenerationParams params) {
    double t = params.temperature().orElse(temperature);
    if (!(t > 0)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "generation kwargs: do_sample=true needs a temperature > 0,"
          + " got " + t + " (use do_sample=false for greedy decoding)");
    }
    int k = (int) extra(params.extra(), "top_k", topK);
    double p = extra(params.extra(), "top_p", topP);
    if (k < 0 || !(p > 0 && p <= 1)) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "generation kwargs: top_k must be >= 0 and top_p in"
          + " (0, 1], got top_k=" + k + ", top_p=" + p);
    }
    return new Sampler(t, k, p);
  }

  private static double extra(Map<String, Object> extra, String key, double fallback) {
    Object v = extra.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "generation kwarg '" + key + "' must be a number, got '"
          + v + "'");
    }
  }

  /** One token drawn from {@code logits} after the warpers. */
  int sample(float[] logits, SplittableRandom random) {
    int vocab = logits.length;
    double[] scores = new double[vocab];
    for (int v = 0; v < vocab; v++) {
      scores[v] = logits[v] / temperature;
    }
    if (topK > 0 && topK < vocab) {
      double[] sorted = scores.clone();
      Arrays.sort(sorted);
      double threshold = sorted[vocab - topK];
      for (int v = 0; v < vocab; v++) {
        if (scores[v] < threshold) {
          scores[v] = Double.NEGATIVE_INFINITY;
        }
      }
    }
    if (topP < 1.0) {
      Integer[] order = new Integer[vocab];
      for (int v = 0; v < vocab; v++) {
        order[v] = v;
      }
      Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b])); // ascending, as transformers
      double[] probs = softmax(scores);
      double cumulative = 0;
      for (int i = 0; i < vocab - 1; i++) { // the most likely token is always kept
        cumulative += probs[order[i]];
        if (cumulative <= 1 - topP) {
          scores[order[i]] = Double.NEGATIVE_INFINITY;
        }
      }
    }
    double[] probs = softmax(scores);
    double u = random.nextDouble();
    double acc = 0;
    int last = 0;
    for (int v = 0; v < vocab; v++) {
      if (probs[v] > 0) {
        acc += probs[v];
        last = v;
        if (u < acc) {
          return v;
        }
      }
    }
    return last;
  }

  private static double[] softmax(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    double[] out = new double[scores.length];
    double sum = 0;
    for (int v = 0; v < scores.length; v++) {
      out[v] = scores[v] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(scores[v] - max);
      sum += out[v];
    }
    for (int v = 0; v < scores.length; v++) {
      out[v] /= sum;
    }
    return out;
  }
}
