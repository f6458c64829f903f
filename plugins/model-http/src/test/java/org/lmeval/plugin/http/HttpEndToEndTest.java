package org.lmeval.plugin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmeval.platform.Kernel;
import org.lmeval.server.ChainRuleLanguageModel;
import org.lmeval.server.OpenAiCompatibleServer;
import org.lmeval.server.ServerTokenizer;

/**
 * The same tasks scored in process and through the HTTP backends against the test server, backed by the same
 * model: the numbers must be equal.
 */
class HttpEndToEndTest {
  private static OpenAiCompatibleServer server;
  private static Kernel kernel;

  @BeforeAll
  static void start() {
    server = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel()).threadSafeModel().start();
    kernel = TestEnvironment.kernel();
  }

  @AfterAll
  static void stop() {
    kernel.close();
    server.close();
  }

  private static Map<String, Object> completions(Object... extra) {
    Map<String, Object> args = new java.util.LinkedHashMap<>();
    args.put("model", "test-model");
    args.put("base_url", server.completionsUrl());
    args.put("num_concurrent", 8);
    for (int i = 0; i < extra.length; i += 2) {
      args.put((String) extra[i], extra[i + 1]);
    }
    return args;
  }

  @Test
  void multipleChoiceThroughLocalCompletionsEqualsInProcess() {
    Map<String, Object> local = TestEnvironment.scores(
        TestEnvironment.evaluate(kernel, "chain", Map.of(), "http_arc", 40), "http_arc");
    Map<String, Object> remote = TestEnvironment.scores(
        TestEnvironment.evaluate(kernel, "local-completions", completions(), "http_arc", 40), "http_arc");
    assertEquals(local, remote);
    assertTrue(((Number) local.get("acc,none")).doubleValue() > 0, "a task where something is right: " + local);
  }

  @Test
  void batchedPromptsAndTextPromptsGiveTheSameNumbers() {
    Map<String, Object> local = TestEnvironment.scores(
        TestEnvironment.evaluate(kernel, "chain", Map.of(), "http_arc", 12), "http_arc");
    Map<String, Object> batched = TestEnvironment.scores(TestEnvironment.evaluate(kernel, "local-completions",
        completions("batch_size", 4, "tokenized_requests", false), "http_arc", 12), "http_arc");
    assertEquals(local, batched);
  }

  @Test
  void generationThroughCompletionsAndChatEqualsInProcess() {
    Map<String, Object> local = TestEnvironment.scores(
        TestEnvironment.evaluate(kernel, "chain", Map.of(), "http_gen", 10), "http_gen");
    Map<String, Object> viaCompletions = TestEnvironment.scores(TestEnvironment.evaluate(kernel,
        "local-completions", completions(), "http_gen", 10), "http_gen");
    Map<String, Object> viaChat = TestEnvironment.scores(TestEnvironment.evaluate(kernel, "local-chat-completions",
        Map.of("model", "test-model", "base_url", server.chatCompletionsUrl(), "num_concurrent", 4), "http_gen", 10),
        "http_gen");
    assertEquals(local, viaCompletions);
    assertEquals(local, viaChat);
  }

  @Test
  void rollingLoglikelihoodInWindowsMatchesInProcess() {
    Map<String, Object> local = TestEnvironment.scores(
        TestEnvironment.evaluate(kernel, "chain", Map.of(), "http_rolling", 2), "http_rolling");
    Map<String, Object> remote = TestEnvironment.scores(TestEnvironment.evaluate(kernel, "local-completions",
        completions("max_length", 300, "num_concurrent", 16), "http_rolling", 2), "http_rolling");
    for (String metric : new String[] {"word_perplexity,none", "byte_perplexity,none", "bits_per_byte,none"}) {
      double a = ((Number) local.get(metric)).doubleValue();
      double b = ((Number) remote.get(metric)).doubleValue();
      assertEquals(a, b, Math.abs(a) * 1e-12, metric);
    }
  }

  @Test
  void wordTokenizedServerGivesTheSameScoresUpToSummationOrder() {
    try (OpenAiCompatibleServer words = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel())
        .tokenizer(ServerTokenizer.words()).threadSafeModel().start()) {
      Map<String, Object> local = TestEnvironment.scores(
          TestEnvironment.evaluate(kernel, "chain", Map.of(), "http_arc", 10), "http_arc");
      Map<String, Object> args = completions();
      args.put("base_url", words.completionsUrl());
      Map<String, Object> remote = TestEnvironment.scores(
          TestEnvironment.evaluate(kernel, "local-completions", args, "http_arc", 10), "http_arc");
      assertEquals(local.get("acc,none"), remote.get("acc,none"));
      assertEquals(local.get("acc_norm,none"), remote.get("acc_norm,none"));
    }
  }
}
