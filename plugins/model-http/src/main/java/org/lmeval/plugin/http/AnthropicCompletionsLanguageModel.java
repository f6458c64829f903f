package org.lmeval.plugin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.RequestType;
import org.lmeval.plugin.http.client.ApiCall;
import org.lmeval.plugin.http.client.RequestPool;

/**
 * {@code anthropic-completions}: Anthropic's legacy Text Completions API ({@code POST /v1/complete}), as lm-eval's
 * {@code AnthropicLM} calls it through the {@code anthropic} SDK. One prompt per request:
 * {@code {"max_tokens_to_sample", "model", "prompt": "\n\nHuman: <context>\n\nAssistant:",
 * "stop_sequences": ["\n\nHuman:"] + until, "temperature", **model kwargs}}; the answer is {@code completion}.
 *
 * <p>As in lm-eval: {@code max_tokens_to_sample} is the request's {@code max_gen_toks}, else 2048 (lm-eval's
 * {@code max_length}; the model arg {@code max_tokens_to_sample} does not reach the requests); the temperature is
 * the request's, else the model arg's (default 0); no other generation kwarg is sent. Generation only.
 */
final class AnthropicCompletionsLanguageModel extends HttpLanguageModel {
  /** The SDK's {@code HUMAN_PROMPT}: the turn marker before the prompt, and always the first stop sequence. */
  static final String HUMAN_PROMPT = "\n\nHuman:";
  /** The SDK's {@code AI_PROMPT}. */
  static final String AI_PROMPT = "\n\nAssistant:";
  /** lm-eval's {@code AnthropicLM.max_length}, the default of {@code max_tokens_to_sample} per request. */
  static final int MAX_LENGTH = 2048;

  /**
   * The model args of {@code AnthropicLM} beyond the transport ones.
   *
   * @param temperature {@code temperature} as given (default 0)
   * @param maxTokensToSample {@code max_tokens_to_sample} (default 256; lm-eval's {@code max_gen_toks} property,
   *     which no request reads)
   * @param requestKwargs the keyword args lm-eval passes to every {@code completions.create} call, sent as body
   *     fields: {@code top_k}, {@code top_p}, {@code metadata}
   */
  record Defaults(Object temperature, int maxTokensToSample, Map<String, Object> requestKwargs) {
    static final List<String> REQUEST_KWARGS = List.of("top_k", "top_p", "metadata");

    static Defaults read(Options args) {
      Object temperature = args.value("temperature").map(Defaults::number).orElse(0);
      int max = args.intValue("max_tokens_to_sample", 256);
      Map<String, Object> kwargs = new LinkedHashMap<>();
      for (String k : REQUEST_KWARGS) {
        args.value(k).ifPresent(v -> kwargs.put(k, "metadata".equals(k) ? v : number(v)));
      }
      return new Defaults(temperature, max, kwargs);
    }

    /** A number given as text ({@code temperature=0.25}) as lm-eval's arg parser reads it: int, else float. */
    private static Object number(Object v) {
      if (v instanceof String s) {
        try {
          return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
          try {
            return Double.valueOf(s.strip());
          } catch (NumberFormatException e2) {
            return s;
          }
        }
      }
      return v;
    }
  }

  private final Defaults defaults;

  AnthropicCompletionsLanguageModel(HttpSettings settings, RequestPool pool, Defaults defaults) {
    super(BackendKind.ANTHROPIC_COMPLETIONS, settings, pool);
    this.defaults = defaults;
  }

  @Override
  Set<RequestType> served() {
    return EnumSet.of(RequestType.GENERATE_UNTIL);
  }

  @Override
  String whyNot(RequestType type) {
    return "Anthropic's APIs return no log-probabilities, so multiple_choice and perplexity tasks need a "
        + "completions endpoint (local-completions with echo support)";
  }

  @Override
  List<String> doGenerate(List<GenerationRequest> batch) {
    return pool.execute(batch.size(), i -> {
      GenerationRequest r = batch.get(i);
      GenKwargs kw = GenKwargs.of(r.params(), MAX_LENGTH);
      ApiCall<String> call = ApiCall.post(UnaryOperator.identity(), bytes(payload(r)),
          AnthropicCompletionsLanguageModel::parse,
          "generate_until request " + i + " ('" + abbreviate(r.context()) + "')");
      return kw.sampled() ? call.distinct() : call;
    });
  }

  /** lm-eval's {@code anthropic_completion} call, as the SDK writes its body. */
  ObjectNode payload(GenerationRequest r) {
    List<String> stop = new ArrayList<>();
    stop.add(HUMAN_PROMPT);
    stop.addAll(r.params().until());
    ObjectNode p = JSON.createObjectNode();
    p.put("max_tokens_to_sample", r.params().maxGenToks().orElse(MAX_LENGTH));
    p.put("model", settings.model());
    p.put("prompt", HUMAN_PROMPT + " " + r.context() + AI_PROMPT);
    p.set("stop_sequences", JSON.valueToTree(stop));
    p.set("temperature", JSON.valueToTree(r.params().temperature().isPresent()
        ? (Object) r.params().temperature().getAsDouble() : defaults.temperature()));
    defaults.requestKwargs().forEach((k, v) -> p.set(k, JSON.valueToTree(v)));
    return p;
  }

  /** The SDK's {@code response.completion}. */
  static String parse(byte[] body) throws IOException {
    JsonNode completion = object(body).get("completion");
    if (completion == null || !completion.isTextual()) {
      throw new IOException("no 'completion' text in the Text Completions answer");
    }
    return completion.asText();
  }
}
