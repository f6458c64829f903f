package org.lmeval.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anthropic's legacy {@code /v1/complete} and Azure's deployments path, and the recorded requests. */
class VendorEndpointsTest {
  private static HttpResponse<String> post(OpenAiCompatibleServer server, String target, String body,
      String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.root() + target))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void legacyCompleteAnswersTheWholePromptsContinuation() throws Exception {
    ChainRuleLanguageModel model = new ChainRuleLanguageModel();
    try (OpenAiCompatibleServer server = OpenAiCompatibleServer.builder(model).modelName("claude").apiKey("k")
        .recordBodies().start()) {
      String prompt = "\n\nHuman: Hello there\n\nAssistant:";
      HttpResponse<String> r = post(server, "/v1/complete", Json.write(Map.of("model", "claude", "prompt", prompt,
          "max_tokens_to_sample", 5, "stop_sequences", List.of("\n\nHuman:"))), "x-api-key", "k");
      assertEquals(200, r.statusCode(), r.body());
      Map<?, ?> out = (Map<?, ?>) Json.parse(r.body());
      String expected = model.generateUntil(List.of(new org.lmeval.api.model.GenerationRequest(prompt,
          new org.lmeval.api.model.GenerationParams(List.of("\n\nHuman:"), java.util.OptionalInt.of(5), false,
              java.util.OptionalDouble.empty(), Map.of())))).get(0);
      assertEquals(expected, out.get("completion"));
      assertEquals("completion", out.get("type"));
      HttpResponse<String> bare = post(server, "/v1/complete", Json.write(Map.of("model", "claude", "prompt", "hi",
          "max_tokens_to_sample", 5)), "x-api-key", "k");
      assertEquals(400, bare.statusCode(), "a prompt without the turns is refused, as Anthropic did");
      assertEquals(401, post(server, "/v1/complete", "{}").statusCode());
      assertEquals("/v1/complete", server.recordedRequests().get(0).target());
      assertEquals("k", server.recordedRequests().get(0).headers().get("x-api-key"));
    }
  }

  @Test
  void azureDeploymentsPathNeedsTheApiVersionAndTheDeployment() throws Exception {
    try (OpenAiCompatibleServer server = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel())
        .modelName("dep").apiKey("k").recordBodies().start()) {
      String body = "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"max_completion_tokens\": 3}";
      String target = "/openai/deployments/dep/chat/completions?api-version=2024-10-21";
      HttpResponse<String> ok = post(server, target, body, "api-key", "k");
      assertEquals(200, ok.statusCode(), ok.body());
      assertTrue(ok.body().contains("\"chat.completion\""), ok.body());
      assertEquals(200, post(server, target, body, "Authorization", "Bearer k").statusCode());
      assertEquals(401, post(server, target, body, "api-key", "wrong").statusCode());
      assertEquals(400, post(server, "/openai/deployments/dep/chat/completions", body, "api-key", "k").statusCode());
      assertEquals(404, post(server, "/openai/deployments/other/chat/completions?api-version=1", body, "api-key", "k")
          .statusCode());
      assertEquals(target, server.recordedRequests().get(0).target());
      assertEquals(4, server.requests("/openai/deployments/dep/chat/completions"));
    }
  }
}
