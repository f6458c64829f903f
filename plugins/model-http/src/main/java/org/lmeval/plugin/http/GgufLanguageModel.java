package org.lmeval.plugin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.plugin.http.client.ApiCall;
import org.lmeval.plugin.http.client.RequestPool;

/**
 * {@code gguf} / {@code ggml}: a llama.cpp-style server at {@code base_url}, {@code POST /v1/completions}
 * (lm-eval's {@code GGUFLM}). Log-likelihood sends {@code context + continuation} with {@code echo: true,
 * max_tokens: 1, logprobs: 10} and sums the token log-probs from the first token whose {@code text_offset} reaches
 * the context's length (in characters), leaving out the generated one. Generation sends {@code prompt, logprobs,
 * temperature: 0, stop} and strips the text.
 */
final class GgufLanguageModel extends HttpLanguageModel {
  private Boolean echo;

  GgufLanguageModel(BackendKind kind, HttpSettings settings, RequestPool pool) {
    super(kind, settings, pool);
  }

  private static String completions(String base) {
    String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return root + "/v1/completions";
  }

  @Override
  Set<RequestType> served() {
    return echoSupported() ? EnumSet.of(RequestType.LOGLIKELIHOOD, RequestType.GENERATE_UNTIL)
        : EnumSet.of(RequestType.GENERATE_UNTIL);
  }

  @Override
  String whyNot(RequestType type) {
    return type == RequestType.LOGLIKELIHOOD_ROLLING ? "lm-eval's gguf model does not score rolling windows"
        : "the server at " + settings.baseUrls().get(0) + " does not echo the prompt's log-probabilities";
  }

  private synchronized boolean echoSupported() {
    if (!settings.probeEcho()) {
      return true;
    }
    if (echo == null) {
      ObjectNode p = payload("Hello, world", true);
      try {
        echo = pool.execute(List.of(ApiCall.post(GgufLanguageModel::completions, bytes(p), body -> {
          JsonNode lp = object(body).path("choices").path(0).path("logprobs");
          return lp.path("token_logprobs").size() >= 2 && lp.path("text_offset").size() >= 2;
        }, "echo probe (one token)"))).get(0);
      } catch (EvalException e) {
        if (e.code() != ErrorCode.BACKEND_FAILURE) {
          throw e;
        }
        echo = false;
      }
    }
    return echo;
  }

  private static ObjectNode payload(String prompt, boolean score) {
    ObjectNode p = JSON.createObjectNode();
    p.put("prompt", prompt);
    p.put("logprobs", 10);
    p.put("temperature", 0.0);
    if (score) {
      p.put("max_tokens", 1);
      p.put("echo", true);
    }
    return p;
  }

  @Override
  List<LoglikelihoodResult> doLoglikelihood(List<LoglikelihoodRequest> batch) {
    return pool.execute(batch.size(), i -> {
      LoglikelihoodRequest r = batch.get(i);
      int contextLength = codePoints(r.context());
      return ApiCall.post(GgufLanguageModel::completions,
          bytes(payload(r.context() + r.continuation(), !r.continuation().isEmpty())),
          body -> result(body, contextLength),
          "loglikelihood request " + i + " (context '" + abbreviate(r.context()) + "')");
    });
  }

  /** lm-eval's {@code get_result}. */
  static LoglikelihoodResult result(byte[] body, int contextLength) throws IOException {
    JsonNode logprobs = object(body).path("choices").path(0).path("logprobs");
    JsonNode offsets = logprobs.path("text_offset");
    JsonNode tokens = logprobs.path("tokens");
    JsonNode values = logprobs.path("token_logprobs");
    JsonNode tops = logprobs.path("top_logprobs");
    if (!offsets.isArray() || !tokens.isArray() || !values.isArray() || values.isEmpty()) {
      throw new IOException("no logprobs with text_offset, tokens and token_logprobs");
    }
    int idx = 0;
    while (idx < offsets.size() && offsets.get(idx).asInt() < contextLength) {
      idx++;
    }
    if (idx >= offsets.size()) {
      throw new IOException("no token starts at or after the context's end (" + contextLength + " characters)");
    }
    double sum = 0;
    for (int i = idx; i < values.size() - 1; i++) {
      if (!values.get(i).isNumber()) {
        throw new IOException("token log-prob " + i + " is not a number");
      }
      sum += values.get(i).asDouble();
    }
    boolean greedy = true;
    for (int i = idx; i < tokens.size(); i++) {
      JsonNode top = tops.get(i);
      if (top == null || !top.isObject() || top.isEmpty()) {
        throw new IOException("top_logprobs " + i + " is not an object of log-probs");
      }
      String best = null;
      double max = Double.NEGATIVE_INFINITY;
      for (Iterator<Map.Entry<String, JsonNode>> it = top.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (best == null || e.getValue().asDouble() > max) {
          best = e.getKey();
          max = e.getValue().asDouble();
        }
      }
      if (!best.equals(tokens.get(i).asText())) {
        greedy = false;
        break;
      }
    }
    return new LoglikelihoodResult(sum, greedy);
  }

  @Override
  List<String> doGenerate(List<GenerationRequest> batch) {
    return pool.execute(batch.size(), i -> {
      GenerationRequest r = batch.get(i);
      ObjectNode p = payload(r.context(), false);
      p.set("stop", JSON.valueToTree(r.params().until()));
      return ApiCall.post(GgufLanguageModel::completions, bytes(p), body -> {
        JsonNode text = object(body).path("choices").path(0).get("text");
        if (text == null || !text.isTextual()) {
          throw new IOException("no choices[0].text in the answer");
        }
        return PythonStrings.strip(text.asText());
      }, "generate_until request " + i + " ('" + abbreviate(r.context()) + "')");
    });
  }
}
