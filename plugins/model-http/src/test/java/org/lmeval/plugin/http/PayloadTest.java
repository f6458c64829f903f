package org.lmeval.plugin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.lmeval.api.Options;
import org.lmeval.api.model.ModelContext;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.server.ChainRuleLanguageModel;
import org.lmeval.server.OpenAiCompatibleServer;

/** The JSON bodies sent are lm-eval's (§3.7), key by key. */
class PayloadTest {
  private static OpenAiCompatibleServer server() {
    return OpenAiCompatibleServer.builder(new ChainRuleLanguageModel()).threadSafeModel().recordBodies().start();
  }

  private static LanguageModel open(BackendKind kind, Map<String, Object> args) {
    return new HttpModelBackend(kind).open(Options.of("model arg", args),
        new ModelContext(Map.of("OPENAI_API_KEY", "k", "ANTHROPIC_API_KEY", "k")));
  }

  private static final GenerationParams PARAMS = new GenerationParams(List.of("\n\n"), OptionalInt.of(5), false,
      OptionalDouble.empty(), Map.of("top_p", 0.5));

  @Test
  void completionsLoglikelihoodAndGeneration() {
    try (OpenAiCompatibleServer s = server(); LanguageModel m = open(BackendKind.LOCAL_COMPLETIONS,
        Map.of("model", "test-model", "base_url", s.completionsUrl(), "probe_echo", false, "seed", 7))) {
      m.loglikelihood(List.of(new LoglikelihoodRequest("ab", "c")));
      m.generateUntil(List.of(new GenerationRequest("ab", PARAMS)));
      List<String> bodies = s.bodies();
      assertEquals("{\"model\":\"test-model\",\"prompt\":[[97,98,99]],\"temperature\":0,\"max_tokens\":1,"
          + "\"logprobs\":1,\"seed\":7,\"echo\":true}", bodies.get(0));
      assertEquals("{\"prompt\":[[97,98]],\"model\":\"test-model\",\"max_tokens\":5,\"temperature\":0,"
          + "\"stop\":[\"\\n\\n\",\"<|endoftext|>\"],\"seed\":7,\"top_p\":0.5}", bodies.get(1));
    }
  }

  @Test
  void openaiCompletionsTokenizesWithTiktokenByDefault() {
    try (OpenAiCompatibleServer s = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel()).threadSafeModel()
        .modelName("davinci-002").recordBodies().start(); LanguageModel m = open(BackendKind.OPENAI_COMPLETIONS,
            Map.of("model", "davinci-002", "base_url", s.completionsUrl(), "probe_echo", false))) {
      assertTrue(m.supportedRequests().contains(org.lmeval.api.model.RequestType.LOGLIKELIHOOD));
      m.loglikelihood(List.of(new LoglikelihoodRequest("Hello,", " world")));
      m.generateUntil(List.of(new GenerationRequest("Hello,", PARAMS)));
      List<String> bodies = s.bodies();
      // cl100k_base ids of "Hello," and " world" (tiktoken.encoding_for_model("davinci-002"))
      assertTrue(bodies.get(0).startsWith("{\"model\":\"davinci-002\",\"prompt\":[[9906,11,1917]],"), bodies.get(0));
      assertTrue(bodies.get(1).startsWith("{\"prompt\":[[9906,11]],\"model\":\"davinci-002\",\"max_tokens\":5,"
          + "\"temperature\":0,\"stop\":[\"\\n\\n\",\"<|endoftext|>\"]"), bodies.get(1));
    }
  }

  @Test
  void textPromptsAreBareStringsAtBatchSizeOne() {
    try (OpenAiCompatibleServer s = server(); LanguageModel m = open(BackendKind.LOCAL_COMPLETIONS,
        Map.of("model", "test-model", "base_url", s.completionsUrl(), "tokenizer_backend", "none"))) {
      m.generateUntil(List.of(new GenerationRequest("hi", PARAMS)));
      assertTrue(s.bodies().get(0).startsWith("{\"prompt\":\"hi\",\"model\":\"test-model\",\"max_tokens\":5,"
          + "\"temperature\":0,\"stop\":[\"\\n\\n\"],\"seed\":1234"), s.bodies().get(0));
    }
  }

  @Test
  void chatPayloads() {
    try (OpenAiCompatibleServer s = server()) {
      try (LanguageModel m = open(BackendKind.LOCAL_CHAT_COMPLETIONS, Map.of("model", "test-model", "base_url",
          s.chatCompletionsUrl()))) {
        m.generateUntil(List.of(new GenerationRequest("hi", PARAMS)));
      }
      try (LanguageModel m = open(BackendKind.OPENAI_CHAT_COMPLETIONS, Map.of("model", "test-model", "base_url",
          s.chatCompletionsUrl()))) {
        m.generateUntil(List.of(new GenerationRequest("hi", PARAMS)));
      }
      try (LanguageModel m = open(BackendKind.ANTHROPIC_CHAT, Map.of("model", "test-model", "base_url",
          s.messagesUrl()))) {
        m.generateUntil(List.of(new GenerationRequest(
            "[{\"role\": \"system\", \"content\": \"be brief\"}, {\"role\": \"user\", \"content\": \"hi\"}]",
            PARAMS)));
      }
      List<String> b = s.bodies();
      assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"test-model\","
          + "\"max_tokens\":5,\"temperature\":0,\"stop\":[\"\\n\\n\"],\"seed\":1234,\"top_p\":0.5}", b.get(0));
      assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"test-model\","
          + "\"max_completion_tokens\":5,\"temperature\":0,\"stop\":[\"\\n\\n\"],\"seed\":1234,\"top_p\":0.5}",
          b.get(1));
      assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}],"
          + "\"model\":\"test-model\",\"max_tokens\":5,\"temperature\":0,"
          + "\"stop_sequences\":[\"\\n\\nHuman:\"],\"top_p\":0.5,\"system\":\"be brief\"}", b.get(2));
    }
  }

  @Test
  void replicasShareTheLoadAndResultsKeepTheirOrder() {
    try (OpenAiCompatibleServer a = server(); OpenAiCompatibleServer b = server();
        LanguageModel m = open(BackendKind.LOCAL_CHAT_COMPLETIONS, Map.of("model", "test-model", "base_url",
            a.chatCompletionsUrl() + "," + b.chatCompletionsUrl(), "num_concurrent", 8))) {
      List<GenerationRequest> batch = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        batch.add(new GenerationRequest("prompt " + i, PARAMS));
      }
      List<String> got = m.generateUntil(batch);
      List<String> want = new ChainRuleLanguageModel().generateUntil(batch);
      assertEquals(want, got);
      assertTrue(a.requests() > 40 && b.requests() > 40, a.requests() + " / " + b.requests());
    }
  }
}
