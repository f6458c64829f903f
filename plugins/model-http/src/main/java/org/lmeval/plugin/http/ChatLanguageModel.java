package org.lmeval.plugin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.RequestType;
import org.lmeval.plugin.http.client.ApiCall;
import org.lmeval.plugin.http.client.RequestPool;

/**
 * {@code local-chat-completions}, {@code openai-chat-completions} ({@code /v1/chat/completions}),
 * {@code azure-openai-chat-completions} (the same payload, at Azure's deployment URL) and
 * {@code anthropic-chat} (Anthropic's Messages API): one conversation per request, generation only, since chat APIs
 * return no log-probabilities of the prompt. Payloads and parsing as lm-eval's.
 */
final class ChatLanguageModel extends HttpLanguageModel {
  ChatLanguageModel(BackendKind kind, HttpSettings settings, RequestPool pool) {
    super(kind, settings, pool);
  }

  @Override
  Set<RequestType> served() {
    return EnumSet.of(RequestType.GENERATE_UNTIL);
  }

  @Override
  String whyNot(RequestType type) {
    return "chat APIs return no log-probabilities of the prompt, so multiple_choice and perplexity tasks need a "
        + "completions endpoint (local-completions with echo support)";
  }

  @Override
  List<String> doGenerate(List<GenerationRequest> batch) {
    // each payload is written when the pool takes it, so the first requests are sent while the rest wait
    return pool.execute(batch.size(), i -> {
      GenerationRequest r = batch.get(i);
      GenKwargs kw = GenKwargs.of(r.params(), settings.maxGenToks());
      ObjectNode payload = kind.api == BackendKind.Api.ANTHROPIC ? anthropic(r, kw) : openai(r, kw);
      ApiCall<String> call = ApiCall.post(UnaryOperator.identity(), bytes(payload),
          kind.api == BackendKind.Api.ANTHROPIC ? ChatLanguageModel::parseAnthropic : this::parseChat,
          "generate_until request " + i + " ('" + abbreviate(r.context()) + "')");
      return kw.sampled() ? call.distinct() : call;
    });
  }

  /** lm-eval's {@code LocalChatCompletion} / {@code OpenAIChatCompletion._create_payload}. */
  private ObjectNode openai(GenerationRequest r, GenKwargs kw) {
    boolean openai = kind.openAiChatRules();
    List<String> until = openai && kw.until().isEmpty() ? List.of("<|endoftext|>") : kw.until();
    GenKwargs withUntil = new GenKwargs(kw.maxTokens(), kw.maxTokensGiven(), kw.maxGenToks(), kw.temperature(),
        until, kw.rest(), kw.sampled());
    List<String> stop = withUntil.stop(settings.eosString());
    ObjectNode p = JSON.createObjectNode();
    p.set("messages", ChatMessages.of(r.context(), JSON));
    p.put("model", settings.model());
    p.set(openai ? "max_completion_tokens" : "max_tokens", JSON.valueToTree(kw.maxTokensOrGenToks()));
    p.set("temperature", JSON.valueToTree(kw.temperature()));
    p.set("stop", JSON.valueToTree(stop.subList(0, Math.min(4, stop.size()))));
    p.put("seed", settings.seed());
    kw.rest().forEach((k, v) -> p.set(k, JSON.valueToTree(v)));
    String model = settings.model() == null ? "" : settings.model();
    if (openai && (model.contains("o1") || model.contains("5") || model.contains("o3") || model.contains("o4"))) {
      p.remove("stop");
      p.put("temperature", 1);
    }
    return p;
  }

  /** lm-eval's {@code AnthropicChat._create_payload}. */
  private ObjectNode anthropic(GenerationRequest r, GenKwargs kw) {
    ArrayNode messages = ChatMessages.of(r.context(), JSON);
    String system = null;
    if ("system".equals(messages.get(0).path("role").asText())) {
      system = messages.get(0).path("content").asText();
      messages.remove(0);
    }
    ArrayNode cleaned = JSON.createArrayNode();
    for (JsonNode m : messages) {
      String type = m.has("type") ? m.get("type").asText() : "text";
      ObjectNode c = cleaned.addObject();
      c.put("role", m.path("role").asText());
      c.putArray("content").addObject().put("type", type).set(type, m.get("content"));
    }
    String eos = "\n\nHuman:";
    List<String> until = kw.until().isEmpty() ? List.of(eos) : kw.until();
    List<String> stop = new ArrayList<>();
    for (String s : new GenKwargs(null, false, kw.maxGenToks(), kw.temperature(), until, kw.rest(), kw.sampled())
        .stop(eos)) {
      if (!s.isBlank()) {
        stop.add(s);
      }
    }
    if (stop.isEmpty()) {
      stop.add(eos);
    }
    ObjectNode p = JSON.createObjectNode();
    p.set("messages", cleaned);
    p.put("model", settings.model());
    p.set("max_tokens", JSON.valueToTree(kw.maxGenToks()));
    p.set("temperature", JSON.valueToTree(kw.temperature()));
    p.set("stop_sequences", JSON.valueToTree(stop));
    if (kw.maxTokensGiven()) {
      p.set("max_tokens", JSON.valueToTree(kw.maxTokens()));
    }
    kw.rest().forEach((k, v) -> p.set(k, JSON.valueToTree(v)));
    if (system != null && !system.isEmpty()) {
      p.put("system", system);
    }
    return p;
  }

  /**
   * lm-eval's {@code LocalChatCompletion.parse_generations}: {@code choices[0].message.content}, cut after
   * {@code think_end_token}; an answer without them (a content filter) is an empty generation, a null content the
   * placeholder. Only an answer that is not JSON is retried.
   */
  private String parseChat(byte[] body) throws IOException {
    JsonNode out = object(body);
    JsonNode choices = out.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "could not parse a chat answer (no choices); using an empty generation");
      return "";
    }
    JsonNode content = choices.get(0).path("message").get("content");
    if (content == null) {
      LOG.log(System.Logger.Level.WARNING, "could not parse a chat answer (no message content)");
      return "";
    }
    if (content.isNull()) {
      return settings.noneAnswer();
    }
    String text = content.asText();
    String think = settings.thinkEndToken();
    if (think != null && !think.isEmpty()) {
      int at = text.lastIndexOf(think);
      text = org.lmeval.api.support.PythonStrings.lstrip(at < 0 ? text : text.substring(at + think.length()));
    }
    return text;
  }

  /** The text blocks of an Anthropic message, joined. */
  static String parseAnthropic(byte[] body) throws IOException {
    JsonNode content = object(body).get("content");
    if (content == null || !content.isArray()) {
      throw new IOException("no 'content' list in the Messages API answer");
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode block : content) {
      if (block.has("text")) {
        sb.append(block.get("text").asText());
      }
    }
    return sb.toString();
  }
}
