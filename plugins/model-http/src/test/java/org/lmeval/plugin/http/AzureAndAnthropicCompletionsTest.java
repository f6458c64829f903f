package org.lmeval.plugin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.platform.Kernel;
import org.lmeval.server.ChainRuleLanguageModel;
import org.lmeval.server.OpenAiCompatibleServer;

/**
 * {@code azure-openai-chat-completions} and {@code anthropic-completions} through the kernel against the test
 * server: generation tasks end to end, log-likelihood tasks refused at once, missing variables named.
 */
class AzureAndAnthropicCompletionsTest {
  private static final String KEY = "secret-key-123";
  private static OpenAiCompatibleServer server;
  private static Kernel kernel;

  @BeforeAll
  static void start() {
    server = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel()).threadSafeModel().modelName("dep-1")
        .apiKey(KEY).recordBodies().start();
    kernel = TestEnvironment.kernel();
  }

  @AfterAll
  static void stop() {
    kernel.close();
    server.close();
  }

  private static Map<String, String> azureEnv() {
    return Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", server.root() + "/",
        "AZURE_OPENAI_DEPLOYMENT_NAME", "dep-1");
  }

  private static Map<String, String> anthropicEnv() {
    return Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", server.root());
  }

  @Test
  void azureGenerationEqualsInProcess() {
    Map<String, Object> local = TestEnvironment.scores(
        TestEnvironment.evaluate(kernel, "chain", Map.of(), "http_gen", 10), "http_gen");
    long before = server.requests("/openai/deployments/dep-1/chat/completions");
    Map<String, Object> azure = TestEnvironment.scores(TestEnvironment.evaluate(kernel, azureEnv(),
        "azure-openai-chat-completions", Map.of("num_concurrent", 4), "http_gen", 10), "http_gen");
    assertEquals(local, azure);
    assertEquals(10, server.requests("/openai/deployments/dep-1/chat/completions") - before);
  }

  @Test
  void azureApiKeyHeaderOnRequest() {
    int before = server.recordedRequests().size();
    TestEnvironment.evaluate(kernel, azureEnv(), "azure-openai-chat-completions",
        Map.of("azure_auth", "api-key", "api_version", "2024-10-21"), "http_gen", 1);
    OpenAiCompatibleServer.RecordedRequest r = server.recordedRequests().get(before);
    assertEquals("/openai/deployments/dep-1/chat/completions?api-version=2024-10-21", r.target());
    assertEquals(KEY, r.headers().get("api-key"));
    assertFalse(r.headers().containsKey("authorization"));
  }

  @Test
  void anthropicCompletionsGenerationSendsTheHumanAssistantPrompt() throws IOException {
    int before = server.recordedRequests().size();
    Map<String, Object> scores = TestEnvironment.scores(TestEnvironment.evaluate(kernel, anthropicEnv(),
        "anthropic-completions", Map.of("model", "dep-1", "num_concurrent", 2), "http_gen", 5), "http_gen");
    assertTrue(scores.get("exact_match,none") instanceof Number, scores.toString());
    List<OpenAiCompatibleServer.RecordedRequest> sent = server.recordedRequests().subList(before,
        server.recordedRequests().size());
    assertEquals(5, sent.size());
    for (OpenAiCompatibleServer.RecordedRequest r : sent) {
      assertEquals("/v1/complete", r.target());
      assertEquals(KEY, r.headers().get("x-api-key"));
      JsonNode body = new ObjectMapper().readTree(r.body());
      assertTrue(body.get("prompt").asText().startsWith("\n\nHuman: Question: "), r.body());
      assertTrue(body.get("prompt").asText().endsWith("\nAnswer:\n\nAssistant:"), r.body());
      assertEquals(24, body.get("max_tokens_to_sample").asInt());
      assertEquals("[\"\\n\\nHuman:\",\"\\n\\n\",\"Question:\"]", body.get("stop_sequences").toString());
    }
  }

  @Test
  void loglikelihoodTasksAreRefusedAtOnce() {
    long before = server.requests();
    EvalException azure = assertThrows(EvalException.class, () -> TestEnvironment.evaluate(kernel, azureEnv(),
        "azure-openai-chat-completions", Map.of(), "http_arc", 3));
    EvalException anthropic = assertThrows(EvalException.class, () -> TestEnvironment.evaluate(kernel,
        anthropicEnv(), "anthropic-completions", Map.of("model", "dep-1"), "http_arc", 3));
    for (EvalException e : List.of(azure, anthropic)) {
      assertEquals(ErrorCode.UNSUPPORTED_REQUEST, e.code());
      assertTrue(e.getMessage().contains("loglikelihood (http_arc)"), e.getMessage());
    }
    assertEquals(before, server.requests(), "nothing is sent for a task the model cannot serve");
  }

  @Test
  void eachMissingVariableIsNamedOnOneLine() {
    Map<String, Map<String, String>> cases = Map.of(
        "AZURE_OPENAI_API_KEY", Map.of("AZURE_OPENAI_ENDPOINT", server.root(), "AZURE_OPENAI_DEPLOYMENT_NAME", "d"),
        "AZURE_OPENAI_ENDPOINT", Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_DEPLOYMENT_NAME", "d"),
        "AZURE_OPENAI_DEPLOYMENT_NAME", Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", server.root()));
    cases.forEach((missing, env) -> {
      EvalException e = assertThrows(EvalException.class, () -> TestEnvironment.evaluate(kernel, env,
          "azure-openai-chat-completions", Map.of(), "http_gen", 1));
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
      assertTrue(e.getMessage().contains(missing), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    });
    EvalException e = assertThrows(EvalException.class, () -> TestEnvironment.evaluate(kernel,
        Map.of("OPENAI_API_KEY", KEY), "anthropic-completions", Map.of(), "http_gen", 1));
    assertTrue(e.getMessage().contains("ANTHROPIC_API_KEY"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aRefusedKeyPointsToTheApiKeyHeaderWithoutShowingTheKey() {
    Map<String, String> env = new java.util.HashMap<>(azureEnv());
    env.put("AZURE_OPENAI_API_KEY", "wrong-key-456");
    EvalException e = assertThrows(EvalException.class, () -> TestEnvironment.evaluate(kernel, env,
        "azure-openai-chat-completions", Map.of(), "http_gen", 1));
    assertEquals(ErrorCode.BACKEND_UNAVAILABLE, e.code());
    assertTrue(e.getMessage().contains("AZURE_OPENAI_API_KEY") && e.getMessage().contains("azure_auth=api-key"),
        e.getMessage());
    assertFalse(e.getMessage().contains("wrong-key-456"), e.getMessage());
  }

  @Test
  void settingsNeverShowTheKey() {
    for (String auth : List.of("bearer", "api-key")) {
      HttpSettings s = HttpSettings.read(BackendKind.AZURE_OPENAI_CHAT_COMPLETIONS,
          Options.of("model arg", Map.of("azure_auth", auth)), azureEnv());
      assertFalse(s.toString().contains(KEY), s.toString());
      assertTrue(s.toString().contains("***"), s.toString());
    }
    HttpSettings s = HttpSettings.read(BackendKind.ANTHROPIC_COMPLETIONS, Options.empty(), anthropicEnv());
    assertFalse(s.toString().contains(KEY), s.toString());
    assertEquals(List.of(server.root() + "/v1/complete"), s.baseUrls());
    assertEquals("claude-2.0", s.model());
  }

  @Test
  void backendsDeclareTheVariablesTheyRead() {
    assertEquals(java.util.Set.of("LMEVAL_MODEL_NONE_ANSWER_PLACEHOLDER", "AZURE_OPENAI_API_KEY",
        "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_DEPLOYMENT_NAME", "AZURE_OPENAI_API_VERSION"),
        new HttpModelBackend(BackendKind.AZURE_OPENAI_CHAT_COMPLETIONS).environmentVariables());
    assertEquals(java.util.Set.of("LMEVAL_MODEL_NONE_ANSWER_PLACEHOLDER", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"),
        new HttpModelBackend(BackendKind.ANTHROPIC_COMPLETIONS).environmentVariables());
    // the API version comes from the environment when no model arg gives it
    HttpSettings s = HttpSettings.read(BackendKind.AZURE_OPENAI_CHAT_COMPLETIONS, Options.empty(),
        Map.of("AZURE_OPENAI_API_KEY", KEY, "AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com",
            "AZURE_OPENAI_DEPLOYMENT_NAME", "gpt-4o", "AZURE_OPENAI_API_VERSION", "2024-02-01"));
    assertEquals(List.of("https://r.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version="
        + "2024-02-01"), s.baseUrls());
    assertEquals("Bearer " + KEY, s.headers().get("Authorization"));
  }
}
