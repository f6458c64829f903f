package org.lmeval.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.PartialResultsException;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.platform.boundary.Boundary;
import org.lmeval.platform.boundary.ClassLoaderSafeLanguageModel;

/**
 * A batch that fails after some answers (a {@link PartialResultsException}) commits those answers through the
 * boundary and the cache wrapper, and the run still fails with the model's message.
 */
class PartialResultsCachingTest {
  private static final ModelFingerprint FP = new ModelFingerprint("fake", Map.of("pretrained", "m"), "");
  private static final Boundary BOUNDARY = new Boundary("p", "1.0", "1.0",
      PartialResultsCachingTest.class.getClassLoader());

  /**
   * Answers the requests whose index in the batch it is given is in {@code answered} and then fails with those
   * answers; with {@code answered} null it answers everything. Records what it was sent.
   */
  static final class PartlyFailingModel implements LanguageModel {
    final List<Object> sent = new ArrayList<>();
    Set<Integer> answered;
    Function<Integer, Object> override = i -> null;

    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      return serve(batch, r -> new LoglikelihoodResult(-r.continuation().length(), true));
    }

    @Override
    public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
      return serve(batch, r -> new RollingResult(-r.text().length()));
    }

    @Override
    public List<String> generateUntil(List<GenerationRequest> batch) {
      return serve(batch, r -> "gen(" + r.context() + ")");
    }

    private <Q, R> List<R> serve(List<Q> batch, Function<Q, R> answer) {
      sent.addAll(batch);
      List<R> out = new ArrayList<>();
      Map<Integer, Object> received = new LinkedHashMap<>();
      for (Q request : batch) {
        out.add(answer.apply(request));
      }
      if (answered != null) {
        for (int i : answered) {
          Object o = override.apply(i);
          received.put(i, o != null ? o : out.get(i));
        }
        throw new PartialResultsException(new EvalException(ErrorCode.BACKEND_FAILURE, "HTTP 400 Bad Request from "
            + "the server; " + (batch.size() - received.size()) + " requests failed"), received);
      }
      return out;
    }
  }

  private static List<LoglikelihoodRequest> requests(int n) {
    List<LoglikelihoodRequest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new LoglikelihoodRequest("Q:", " answer" + "x".repeat(i)));
    }
    return out;
  }

  @Test
  void answersOfAFailedBatchAreCommittedAndTheRerunSendsOnlyTheRest() {
    MapResponseCache cache = new MapResponseCache();
    PartlyFailingModel model = new PartlyFailingModel();
    LanguageModel guarded = new ClassLoaderSafeLanguageModel(model, "fake", BOUNDARY);
    CachingLanguageModel caching = CachingLanguageModel.of(guarded, cache, FP, List.of());
    List<LoglikelihoodRequest> batch = requests(6);
    caching.loglikelihood(List.of(batch.get(1))); // one hit in the next batch
    assertEquals(1, cache.size());

    model.answered = Set.of(0, 2); // of the 5 misses sent: requests 0 and 3 of the batch
    PartialResultsException e = assertThrows(PartialResultsException.class, () -> caching.loglikelihood(batch));
    assertEquals(ErrorCode.BACKEND_FAILURE, e.code());
    assertEquals("plugin p: HTTP 400 Bad Request from the server; 3 requests failed", e.getMessage(),
        "the run fails with the model's own message, prefixed by the boundary as any plugin failure");
    assertEquals(3, cache.size(), "the two answers received were committed");
    assertEquals(Set.of(0, 1, 3), e.results().keySet(), "results re-indexed to the caller's batch, hit included");
    assertEquals(new LoglikelihoodResult(-" answerxxx".length(), true), e.results().get(3));

    model.answered = null;
    model.sent.clear();
    List<LoglikelihoodResult> rerun = caching.loglikelihood(batch);
    assertEquals(List.of(batch.get(2), batch.get(4), batch.get(5)), model.sent, "only the unanswered are sent");
    PartlyFailingModel fresh = new PartlyFailingModel();
    assertEquals(fresh.loglikelihood(batch), rerun, "the same results as an uninterrupted run");
  }

  @Test
  void generationsAndRollingAnswersOfAFailedBatchAreCommittedToo() {
    MapResponseCache cache = new MapResponseCache();
    PartlyFailingModel model = new PartlyFailingModel();
    CachingLanguageModel caching = CachingLanguageModel.of(new ClassLoaderSafeLanguageModel(model, "fake",
        BOUNDARY), cache, FP, List.of());
    model.answered = Set.of(1);
    List<GenerationRequest> gens = List.of(new GenerationRequest("a", GenerationParams.greedy(List.of("\n"))),
        new GenerationRequest("b", GenerationParams.greedy(List.of("\n"))));
    PartialResultsException e = assertThrows(PartialResultsException.class, () -> caching.generateUntil(gens));
    assertEquals(Map.of(1, "gen(b)"), e.results());
    List<RollingRequest> texts = List.of(new RollingRequest("one"), new RollingRequest("three"));
    assertThrows(PartialResultsException.class, () -> caching.loglikelihoodRolling(texts));
    assertEquals(2, cache.size());

    model.answered = null;
    model.sent.clear();
    assertEquals(List.of("gen(a)", "gen(b)"), caching.generateUntil(gens));
    assertEquals(List.of(new RollingResult(-3), new RollingResult(-5)), caching.loglikelihoodRolling(texts));
    assertEquals(List.of(gens.get(0), texts.get(0)), model.sent);
  }

  @Test
  void anInvalidPartialResultIsRefusedAndNothingOfTheBatchIsCommitted() {
    MapResponseCache cache = new MapResponseCache();
    PartlyFailingModel model = new PartlyFailingModel();
    CachingLanguageModel caching = CachingLanguageModel.of(new ClassLoaderSafeLanguageModel(model, "fake",
        BOUNDARY), cache, FP, List.of());
    model.answered = Set.of(0, 1);
    model.override = i -> i == 1 ? new LoglikelihoodResult(0.5, true) : null;
    EvalException e = assertThrows(EvalException.class, () -> caching.loglikelihood(requests(3)));
    assertFalse(e instanceof PartialResultsException);
    assertTrue(e.getMessage().contains("result 1 has logprob 0.5"), e.getMessage());
    assertTrue(e.getMessage().contains("the batch had failed: plugin p: HTTP 400"), e.getMessage());
    assertEquals(0, cache.size());

    model.override = i -> i == 0 ? "a string" : null;
    e = assertThrows(EvalException.class, () -> caching.loglikelihood(requests(3)));
    assertTrue(e.getMessage().contains("partial result 0 is a String, not a LoglikelihoodResult"), e.getMessage());

    model.override = i -> i == 7 ? new LoglikelihoodResult(-1, true) : null;
    model.answered = Set.of(7);
    e = assertThrows(EvalException.class, () -> caching.loglikelihood(requests(3)));
    assertTrue(e.getMessage().contains("a partial result for index 7, outside the batch of 3"), e.getMessage());
    assertEquals(0, cache.size());
  }

  @Test
  void theBoundaryKeepsTheExceptionTypeAndItsResults() {
    PartialResultsException thrown = new PartialResultsException(ErrorCode.BACKEND_UNAVAILABLE, "down",
        Map.of(2, "x"), null);
    RuntimeException translated = BOUNDARY.translate(thrown, "model backend 'fake'", "a batch",
        ErrorCode.BACKEND_FAILURE);
    PartialResultsException p = assertInstanceOf(PartialResultsException.class, translated);
    assertEquals("plugin p: down", p.getMessage());
    assertEquals(ErrorCode.BACKEND_UNAVAILABLE, p.code());
    assertEquals(Map.of(2, "x"), p.results());
  }
}
