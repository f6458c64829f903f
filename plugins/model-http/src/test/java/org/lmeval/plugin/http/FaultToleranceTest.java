package org.lmeval.plugin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.lmeval.platform.Kernel;
import org.lmeval.server.ChainRuleLanguageModel;
import org.lmeval.server.FaultPlan;
import org.lmeval.server.FaultPlan.Fault;
import org.lmeval.server.OpenAiCompatibleServer;

/** Every fault the test server can inject is survived with the same final results. */
class FaultToleranceTest {
  private static Kernel kernel;
  private static Map<String, Object> expectedChoice;
  private static Map<String, Object> expectedGen;

  @BeforeAll
  static void start() {
    kernel = TestEnvironment.kernel();
    expectedChoice = TestEnvironment.scores(TestEnvironment.evaluate(kernel, "chain", Map.of(), "http_arc", 15),
        "http_arc");
    expectedGen = TestEnvironment.scores(TestEnvironment.evaluate(kernel, "chain", Map.of(), "http_gen", 6),
        "http_gen");
  }

  @AfterAll
  static void stop() {
    kernel.close();
  }

  private static Map<String, Object> args(OpenAiCompatibleServer server, String url) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("model", "test-model");
    a.put("base_url", url);
    a.put("num_concurrent", 16);
    a.put("retry_base_delay", 0.005);
    a.put("retry_max_delay", 0.05);
    a.put("timeout", 1);
    return a;
  }

  private static OpenAiCompatibleServer server(FaultPlan plan) {
    return OpenAiCompatibleServer.builder(new ChainRuleLanguageModel()).threadSafeModel()
        .faults(plan.withRetryAfter(Duration.ofMillis(20)).withHang(Duration.ofMillis(1500))).start();
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"RATE_LIMIT", "SERVER_ERROR", "RESET", "TRUNCATED", "MALFORMED"})
  void eachFaultOnTheFirstTwoAttemptsIsSurvived(Fault fault) {
    try (OpenAiCompatibleServer s = server(FaultPlan.firstAttempts(fault, fault))) {
      assertEquals(expectedChoice, TestEnvironment.scores(TestEnvironment.evaluate(kernel, "local-completions",
          args(s, s.completionsUrl()), "http_arc", 15), "http_arc"));
      assertTrue(s.faults().injected() > 0);
    }
  }

  @Test
  void mixedFaultsOnCompletionsAndChatAreSurvived() {
    try (OpenAiCompatibleServer s = server(FaultPlan.firstAttempts(Fault.RATE_LIMIT, Fault.RESET, Fault.RATE_LIMIT,
        Fault.MALFORMED))) {
      assertEquals(expectedChoice, TestEnvironment.scores(TestEnvironment.evaluate(kernel, "local-completions",
          args(s, s.completionsUrl()), "http_arc", 15), "http_arc"));
      assertEquals(expectedGen, TestEnvironment.scores(TestEnvironment.evaluate(kernel, "local-chat-completions",
          args(s, s.chatCompletionsUrl()), "http_gen", 6), "http_gen"));
    }
  }

  @Test
  void everyThirdRequestFailingIsSurvived() {
    try (OpenAiCompatibleServer s = server(FaultPlan.everyNth(3, Fault.SERVER_ERROR))) {
      // every third request the server receives fails: depending on how retries interleave with first attempts, one
      // request can meet the failing turn 3 times running, so it gets 5 attempts
      Map<String, Object> a = args(s, s.completionsUrl());
      a.put("max_retries", 5);
      assertEquals(expectedGen, TestEnvironment.scores(TestEnvironment.evaluate(kernel, "local-completions", a,
          "http_gen", 6), "http_gen"));
    }
  }

  @Test
  @org.junit.jupiter.api.Tag("slow")
  void aHangingAnswerTimesOutAndIsRetried() {
    try (OpenAiCompatibleServer s = server(FaultPlan.firstAttempts(Fault.HANG))) {
      Map<String, Object> a = args(s, s.chatCompletionsUrl());
      assertEquals(expectedGen, TestEnvironment.scores(TestEnvironment.evaluate(kernel, "local-chat-completions", a,
          "http_gen", 6), "http_gen"));
    }
  }
}
