package org.lmeval.plugin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelContext;
import org.lmeval.server.ChainRuleLanguageModel;
import org.lmeval.server.OpenAiCompatibleServer;

/**
 * What lm-eval 0.4.13 itself sent for {@code azure-openai-chat-completions} and {@code anthropic-completions}
 * (captured by tools/http/capture_api_requests.py into lmeval-api-requests.json): the same model args, environment
 * and generation requests must make this plugin send the same request target, credentials headers and JSON body.
 */
class LmEvalRequestCaptureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COMPARED_HEADERS = List.of("authorization", "api-key", "x-api-key",
      "anthropic-version");

  @Test
  void requestsAreLmEvalsRequests() throws IOException {
    JsonNode fixture;
    try (InputStream in = getClass().getResourceAsStream("/lmeval-api-requests.json")) {
      fixture = JSON.readTree(in);
    }
    // one model per (model, model_args) run, in the fixture's order
    Map<String, List<JsonNode>> runs = new LinkedHashMap<>();
    for (JsonNode r : fixture.get("requests")) {
      runs.computeIfAbsent(r.get("model").asText() + " " + r.get("model_args").asText(), k -> new ArrayList<>())
          .add(r);
    }
    assertEquals(4, runs.size());
    for (List<JsonNode> run : runs.values()) {
      check(run);
    }
  }

  private static void check(List<JsonNode> run) throws IOException {
    JsonNode first = run.get(0);
    String name = first.get("model").asText();
    boolean azure = name.equals("azure-openai-chat-completions");
    String served = azure ? "test-deployment" : first.get("body").get("model").asText();
    String key = azure ? "azure-test-key" : "anthropic-test-key";
    try (OpenAiCompatibleServer server = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel())
        .modelName(served).apiKey(key).recordBodies().start()) {
      Map<String, String> env = azure
          ? Map.of("AZURE_OPENAI_API_KEY", key, "AZURE_OPENAI_ENDPOINT", server.root(),
              "AZURE_OPENAI_DEPLOYMENT_NAME", "test-deployment")
          : Map.of("ANTHROPIC_API_KEY", key, "ANTHROPIC_BASE_URL", server.root());
      Map<String, Object> args = new LinkedHashMap<>();
      for (String kv : first.get("model_args").asText().split(",")) {
        if (!kv.isEmpty()) {
          args.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
      }
      args.put("batch_size", 1); // the CLI always passes it
      List<GenerationRequest> requests = new ArrayList<>();
      for (JsonNode r : run) {
        requests.add(new GenerationRequest(r.get("context").asText(), params(r.get("gen_kwargs"))));
      }
      HttpModelBackend backend = (HttpModelBackend) new HttpPlugin().modelBackends().stream()
          .filter(b -> b.name().equals(name)).findFirst().orElseThrow();
      try (LanguageModel model = backend.open(Options.of("model arg", args), new ModelContext(env))) {
        model.generateUntil(requests);
      }
      List<OpenAiCompatibleServer.RecordedRequest> sent = server.recordedRequests();
      assertEquals(run.size(), sent.size(), name);
      for (int i = 0; i < run.size(); i++) {
        JsonNode expected = run.get(i);
        OpenAiCompatibleServer.RecordedRequest actual = sent.get(i);
        String what = name + " " + first.get("model_args").asText() + " request " + i;
        assertEquals(expected.get("method").asText(), actual.method(), what);
        assertEquals(expected.get("target").asText(), actual.target(), what);
        assertEquals(expected.get("body"), JSON.readTree(actual.body()), what);
        Map<String, String> expectedHeaders = new LinkedHashMap<>();
        Map<String, String> actualHeaders = new LinkedHashMap<>();
        for (String h : COMPARED_HEADERS) {
          if (expected.get("headers").has(h)) {
            expectedHeaders.put(h, expected.get("headers").get(h).asText());
          }
          if (actual.headers().containsKey(h)) {
            actualHeaders.put(h, actual.headers().get(h));
          }
        }
        assertEquals(expectedHeaders, actualHeaders, what);
      }
    }
  }

  /** gen_kwargs as the kernel hands them over: until, max_gen_toks, do_sample, temperature, the rest extra. */
  private static GenerationParams params(JsonNode kw) {
    List<String> until = new ArrayList<>();
    kw.path("until").forEach(u -> until.add(u.asText()));
    Map<String, Object> extra = new LinkedHashMap<>();
    kw.fields().forEachRemaining(e -> {
      if (!List.of("until", "max_gen_toks", "do_sample", "temperature").contains(e.getKey())) {
        extra.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
      }
    });
    return new GenerationParams(until,
        kw.has("max_gen_toks") ? OptionalInt.of(kw.get("max_gen_toks").asInt()) : OptionalInt.empty(),
        kw.path("do_sample").asBoolean(false),
        kw.has("temperature") ? OptionalDouble.of(kw.get("temperature").asDouble()) : OptionalDouble.empty(),
        extra);
  }
}
