package org.lmeval.plugin.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.PartialResultsException;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.server.OpenAiCompatibleServer;

/** The pool's batch outcomes against the test server: order, partial results of a failed batch, a failing build. */
class RequestPoolTest {
  /** Echoes the last message; a message containing "refuse" makes the server answer 400. */
  static final class EchoModel implements LanguageModel {
    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> generateUntil(List<GenerationRequest> batch) {
      String c = batch.get(0).context();
      if (c.contains("refuse")) {
        throw new IllegalArgumentException("refused: " + c);
      }
      return List.of("echo " + c);
    }
  }

  private OpenAiCompatibleServer server;
  private RequestPool pool;

  @BeforeEach
  void start() {
    server = OpenAiCompatibleServer.builder(new EchoModel()).threadSafeModel().start();
    pool = new RequestPool(HttpClients.create(4, Duration.ofSeconds(10), true, null),
        List.of(server.chatCompletionsUrl()), Map.of(), 4,
        new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10), 3),
        new RequestPool.Hints("test", "set the key", "check the model"));
  }

  @AfterEach
  void stop() {
    pool.close();
    server.close();
  }

  private static ApiCall<String> call(String message) {
    String body = "{\"model\": \"test-model\", \"max_tokens\": 3, \"messages\": [{\"role\": \"user\", \"content\": \""
        + message + "\"}]}";
    return ApiCall.post(UnaryOperator.identity(), body.getBytes(StandardCharsets.UTF_8),
        b -> new ObjectMapper().readTree(b).path("choices").path(0).path("message").path("content").asText(),
        "request '" + message + "'");
  }

  @Test
  void resultsComeBackInCallOrder() {
    List<ApiCall<String>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(call("m" + i));
    }
    List<String> out = pool.execute(calls);
    for (int i = 0; i < 40; i++) {
      assertEquals("echo m" + i, out.get(i));
    }
  }

  @Test
  void aBatchLargerThanTheLookAheadIsBuiltAsRoomFreesUp() {
    int n = 1500; // more than the 1,024 built calls that may wait for a connection
    int[] maxQueued = new int[1];
    List<String> out = pool.execute(n, i -> {
      maxQueued[0] = Math.max(maxQueued[0], pool.stats().queued());
      return call("m" + i);
    });
    for (int i = 0; i < n; i++) {
      assertEquals("echo m" + i, out.get(i));
    }
    assertTrue(maxQueued[0] <= 1024, "queued at most the look-ahead: " + maxQueued[0]);
  }

  @Test
  void aFailedBatchCarriesEveryAnswerReceived() {
    List<ApiCall<String>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(call(i == 3 || i == 8 ? "refuse " + i : "m" + i));
    }
    PartialResultsException e = assertThrows(PartialResultsException.class, () -> pool.execute(calls));
    assertEquals(ErrorCode.BACKEND_FAILURE, e.code());
    assertTrue(e.getMessage().contains("2 of 12 requests failed") && e.getMessage().contains("HTTP 400"),
        e.getMessage());
    Set<Integer> expected = new TreeSet<>();
    for (int i = 0; i < 12; i++) {
      if (i != 3 && i != 8) {
        expected.add(i);
        assertEquals("echo m" + i, e.results().get(i));
      }
    }
    assertEquals(expected, e.results().keySet());
  }

  @Test
  void aBatchWithNoAnswerFailsWithAPlainError() {
    Exception e = assertThrows(Exception.class, () -> pool.execute(List.of(call("refuse"))));
    assertTrue(!(e instanceof PartialResultsException), e.toString());
  }

  @Test
  void aFailingBuildIsRethrownOnceTheCallsSentAreAnsweredAndTheirAnswersAreKept() {
    IllegalStateException boom = new IllegalStateException("cannot build call 5");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> pool.execute(10, i -> {
      if (i == 5) {
        throw boom;
      }
      return call("m" + i);
    }));
    assertSame(boom, thrown);
    long sent = server.requests("/v1/chat/completions");
    assertTrue(sent <= 5, "calls built before the failure may have been sent, no later one: " + sent);
    List<ApiCall<String>> again = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      again.add(call("m" + i));
    }
    assertEquals("echo m9", pool.execute(again).get(9));
    assertEquals(10, server.requests("/v1/chat/completions"), "the answers kept are not asked again");
  }
}
