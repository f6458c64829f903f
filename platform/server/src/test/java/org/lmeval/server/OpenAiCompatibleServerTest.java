package org.lmeval.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.model.LoglikelihoodRequest;

class OpenAiCompatibleServerTest {
  private static Map<?, ?> post(OpenAiCompatibleServer server, String path, String body) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.root() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return (Map<?, ?>) Json.parse(r.body());
  }

  @Test
  void tokenIdsOfTheModelsTokenizerScoreAsTheirTextInProcess() throws Exception {
    scoresLily(false);
  }

  @Test
  void prefixScoringGivesTheSameSums() throws Exception {
    scoresLily(true);
  }

  private static void scoresLily(boolean byPrefix) throws Exception {
    ChainRuleLanguageModel model = new ChainRuleLanguageModel(3);
    VocabularyTokenizer tok = VocabularyTokenizer.load(VocabularyTokenizerTest.STORIES);
    OpenAiCompatibleServer.Builder b = OpenAiCompatibleServer.builder(model).tokenizer(tok).modelName("m");
    if (byPrefix) {
      b.scoreByPrefix();
    }
    try (OpenAiCompatibleServer server = b.start()) {
      // "Once upon a time, there was a little girl named" + " Lily."
      List<Integer> ids = List.of(403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426);
      Map<?, ?> out = post(server, "/v1/completions", "{\"model\": \"m\", \"prompt\": " + ids
          + ", \"echo\": true, \"max_tokens\": 1, \"logprobs\": 1}");
      Map<?, ?> logprobs = (Map<?, ?>) ((Map<?, ?>) ((List<?>) out.get("choices")).get(0)).get("logprobs");
      List<?> values = (List<?>) logprobs.get("token_logprobs");
      assertNull(values.get(0));
      assertEquals(ids.size() + 1, values.size());
      double sum = 0;
      for (int k = 13; k < ids.size(); k++) {
        sum += ((Number) values.get(k)).doubleValue();
      }
      double direct = model.loglikelihood(List.of(new LoglikelihoodRequest(
          "Once upon a time, there was a little girl named", " Lily."))).get(0).logprob();
      assertEquals(direct, sum, 1e-12);
      // greediness comes from the token itself either way: the top log-probs hold a better stand-in when not
      List<?> tops = (List<?>) logprobs.get("top_logprobs");
      for (int k = 1; k < ids.size(); k++) {
        assertEquals(((Map<?, ?>) tops.get(k)).size() == 1, model.loglikelihood(List.of(new LoglikelihoodRequest(
            tok.modelText(ids.subList(0, k).stream().map(tok::token).toList()),
            tok.modelPieces(ids.subList(0, k + 1).stream().map(tok::token).toList()).get(k)))).get(0).greedy());
      }
    }
  }

  /** Rejects requests whose continuation is "b" (as a subword model rejects a piece that adds no token). */
  static final class Picky implements org.lmeval.api.model.LanguageModel {
    final ChainRuleLanguageModel inner = new ChainRuleLanguageModel(1);

    @Override
    public List<org.lmeval.api.model.LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      for (LoglikelihoodRequest r : batch) {
        if (r.continuation().endsWith("b")) {
          throw new IllegalStateException("empty continuation after tokenisation");
        }
      }
      return inner.loglikelihood(batch);
    }

    @Override
    public List<org.lmeval.api.model.RollingResult> loglikelihoodRolling(
        List<org.lmeval.api.model.RollingRequest> batch) {
      return inner.loglikelihoodRolling(batch);
    }

    @Override
    public List<String> generateUntil(List<org.lmeval.api.model.GenerationRequest> batch) {
      return inner.generateUntil(batch);
    }
  }

  @Test
  void tokensTheModelCannotScoreAloneScoreZeroAndTheNextCarriesTheMass() throws Exception {
    Picky model = new Picky();
    try (OpenAiCompatibleServer server = OpenAiCompatibleServer.builder(model).scoreByPrefix().start()) {
      Map<?, ?> out = post(server, "/v1/completions", "{\"prompt\": \"xabc\", \"echo\": true, \"max_tokens\": 0,"
          + " \"logprobs\": 1}");
      Map<?, ?> logprobs = (Map<?, ?>) ((Map<?, ?>) ((List<?>) out.get("choices")).get(0)).get("logprobs");
      List<?> values = (List<?>) logprobs.get("token_logprobs");
      assertEquals(0.0, ((Number) values.get(2)).doubleValue());
      assertEquals(2, ((Map<?, ?>) ((List<?>) logprobs.get("top_logprobs")).get(2)).size(), "b is not greedy");
      double abc = model.inner.loglikelihood(List.of(new LoglikelihoodRequest("x", "abc"))).get(0).logprob();
      double sum = ((Number) values.get(1)).doubleValue() + ((Number) values.get(3)).doubleValue();
      assertEquals(abc, sum, 1e-12);
      // a request the model cannot answer at all is a 500 with the model's message, and the server keeps serving
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          server.completionsUrl())).POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"ab\", \"echo\": true,"
          + " \"max_tokens\": 0, \"logprobs\": 1}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(500, r.statusCode(), r.body());
      assertTrue(r.body().contains("empty continuation after tokenisation"), r.body());
      assertTrue(post(server, "/v1/completions", "{\"prompt\": \"xa\", \"max_tokens\": 2}").containsKey("choices"));
    }
  }

  @Test
  void listensOnTheGivenHostAndReportsItsUrls() throws Exception {
    try (OpenAiCompatibleServer server = OpenAiCompatibleServer.builder(new ChainRuleLanguageModel())
        .host("127.0.0.1").port(0).start()) {
      assertTrue(server.completionsUrl().matches("http://127\\.0\\.0\\.1:\\d+/v1/completions"));
      Map<?, ?> chat = post(server, "/v1/chat/completions",
          "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 4}");
      String text = (String) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) chat.get("choices")).get(0)).get("message"))
          .get("content");
      assertEquals(4, text.length());
    }
  }
}
