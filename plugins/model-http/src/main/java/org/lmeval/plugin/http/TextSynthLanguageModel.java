package org.lmeval.plugin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.plugin.http.client.ApiCall;
import org.lmeval.plugin.http.client.RequestPool;

/**
 * {@code textsynth}: {@code POST /v1/engines/<engine>/logprob} {@code {context, continuation}} gives
 * {@code logprob} and {@code is_greedy}; {@code /completions} {@code {prompt, max_tokens: 256, top_k: 1, stop}}
 * gives {@code text} (lm-eval's {@code TextSynthLM}). Rolling log-likelihoods are not offered: the API takes no
 * token input to window.
 */
final class TextSynthLanguageModel extends HttpLanguageModel {
  private static final int MAX_GEN_TOKS = 256;

  TextSynthLanguageModel(HttpSettings settings, RequestPool pool) {
    super(BackendKind.TEXTSYNTH, settings, pool);
  }

  @Override
  Set<RequestType> served() {
    return EnumSet.of(RequestType.LOGLIKELIHOOD, RequestType.GENERATE_UNTIL);
  }

  @Override
  String whyNot(RequestType type) {
    return "the TextSynth API takes no token input, so texts cannot be scored in rolling windows";
  }

  private String engineUrl(String base, String endpoint) {
    String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return root + "/v1/engines/" + settings.engine() + "/" + endpoint;
  }

  @Override
  List<LoglikelihoodResult> doLoglikelihood(List<LoglikelihoodRequest> batch) {
    return pool.execute(batch.size(), i -> {
      LoglikelihoodRequest r = batch.get(i);
      ObjectNode p = JSON.createObjectNode().put("context", r.context()).put("continuation", r.continuation());
      return ApiCall.post(base -> engineUrl(base, "logprob"), bytes(p), body -> {
        JsonNode out = object(body);
        if (!out.path("logprob").isNumber()) {
          throw new IOException("no 'logprob' in the answer");
        }
        return new LoglikelihoodResult(out.get("logprob").asDouble(), out.path("is_greedy").asBoolean(false));
      }, "loglikelihood request " + i + " (context '" + abbreviate(r.context()) + "')");
    });
  }

  @Override
  List<String> doGenerate(List<GenerationRequest> batch) {
    return pool.execute(batch.size(), i -> {
      GenerationRequest r = batch.get(i);
      ObjectNode p = JSON.createObjectNode().put("prompt", r.context()).put("max_tokens", MAX_GEN_TOKS)
          .put("top_k", 1);
      p.set("stop", JSON.valueToTree(r.params().until()));
      return ApiCall.post(base -> engineUrl(base, "completions"), bytes(p), body -> {
        JsonNode text = object(body).get("text");
        if (text == null || !text.isTextual()) {
          throw new IOException("no 'text' in the answer");
        }
        return text.asText();
      }, "generate_until request " + i + " ('" + abbreviate(r.context()) + "')");
    });
  }
}
