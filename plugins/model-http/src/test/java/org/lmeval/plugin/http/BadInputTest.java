package org.lmeval.plugin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.Kernel;
import org.lmeval.server.ChainRuleLanguageModel;
import org.lmeval.server.OpenAiCompatibleServer;

/** Each kind of bad input fails with one clear line and the right error code. */
class BadInputTest {
  private static OpenAiCompatibleServer server;
  private static Kernel kernel;

  @BeforeAll
  static void start() {
    server = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel()).threadSafeModel().apiKey("sk-right").start();
    kernel = TestEnvironment.kernel();
  }

  @AfterAll
  static void stop() {
    kernel.close();
    server.close();
  }

  private static EvalException run(String model, Map<String, Object> args, String task) {
    return assertThrows(EvalException.class, () -> TestEnvironment.evaluate(kernel,
        Map.of("OPENAI_API_KEY", "sk-right"), model, args, task, 3));
  }

  private static Map<String, Object> args(Object... kv) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("model", "test-model");
    a.put("retry_base_delay", 0.001);
    for (int i = 0; i < kv.length; i += 2) {
      a.put((String) kv[i], kv[i + 1]);
    }
    return a;
  }

  private static void oneLine(EvalException e) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(e.getMessage().contains("sk-right"), "a secret leaked: " + e.getMessage());
  }

  @Test
  void aBaseUrlThatIsNotAUrl() {
    EvalException e = run("local-completions", args("base_url", "htp:/nowhere"), "http_gen");
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("'base_url'"), e.getMessage());
    oneLine(e);
  }

  @Test
  void aMissingBaseUrl() {
    EvalException e = run("local-chat-completions", args(), "http_gen");
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("needs model arg base_url"), e.getMessage());
  }

  @Test
  void aServerThatIsDown() {
    OpenAiCompatibleServer gone = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel()).start();
    String url = gone.chatCompletionsUrl();
    gone.close();
    EvalException e = run("local-chat-completions", args("base_url", url, "max_retries", 2), "http_gen");
    assertEquals(ErrorCode.BACKEND_UNAVAILABLE, e.code());
    assertTrue(e.getMessage().contains("cannot reach the server"), e.getMessage());
    oneLine(e);
  }

  @Test
  void aRefusedApiKey() {
    EvalException e = run("local-chat-completions", args("base_url", server.chatCompletionsUrl(), "api_key",
        "sk-wrong"), "http_gen");
    assertEquals(ErrorCode.BACKEND_UNAVAILABLE, e.code());
    assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("OPENAI_API_KEY"), e.getMessage());
    assertFalse(e.getMessage().contains("sk-wrong"), e.getMessage());
    oneLine(e);
  }

  @Test
  void anUnknownModel() {
    Map<String, Object> a = args("base_url", server.completionsUrl());
    a.put("model", "no-such-model");
    EvalException e = run("local-completions", a, "http_gen");
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("no-such-model"), e.getMessage());
    oneLine(e);
  }

  @Test
  void aChatEndpointCannotScoreLoglikelihoods() {
    EvalException e = run("local-chat-completions", args("base_url", server.chatCompletionsUrl()), "http_arc");
    assertEquals(ErrorCode.UNSUPPORTED_REQUEST, e.code());
    assertTrue(e.getMessage().contains("loglikelihood (http_arc)"), e.getMessage());
  }

  @Test
  void aServerWithoutEchoCannotScoreLoglikelihoods() {
    try (OpenAiCompatibleServer noEcho = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel()).echo(false)
        .start()) {
      EvalException e = run("local-completions", args("base_url", noEcho.completionsUrl()), "http_arc");
      assertEquals(ErrorCode.UNSUPPORTED_REQUEST, e.code());
      assertTrue(e.getMessage().contains("loglikelihood (http_arc)"), e.getMessage());
    }
  }

  @Test
  void anUnknownModelArgGetsASuggestion() {
    EvalException e = run("local-completions", args("base_url", server.completionsUrl(), "num_concurent", 4),
        "http_gen");
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("num_concurrent"), e.getMessage());
  }

  @Test
  void hostedBackendsNeedAnApiKey() {
    EvalException e = assertThrows(EvalException.class, () -> TestEnvironment.evaluate(kernel,
        Map.of("ANTHROPIC_API_KEY", "not-for-openai"), "openai-chat-completions", Map.of("model", "gpt-4o-mini"),
        "http_gen", 2));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("OPENAI_API_KEY"), e.getMessage());
  }
}
