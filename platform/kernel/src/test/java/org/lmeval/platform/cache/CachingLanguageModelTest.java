package org.lmeval.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.eval.ModelRunner;
import org.lmeval.platform.progress.Progress;

class CachingLanguageModelTest {
  private static final ModelFingerprint FP = new ModelFingerprint("fake", Map.of("pretrained", "m"), "w1");

  static List<Instance> instances() {
    List<Instance> all = new ArrayList<>();
    for (int d = 0; d < 5; d++) {
      Map<String, Object> doc = Map.of("id", d);
      for (int c = 0; c < 4; c++) {
        LoglikelihoodRequest r = new LoglikelihoodRequest("Q" + d + ":", " choice" + c);
        all.add(new Instance("mc", d, doc, c, RequestType.LOGLIKELIHOOD, r, List.of(r.context(), r.continuation()),
            1));
      }
      RollingRequest rolling = new RollingRequest("text " + d);
      all.add(new Instance("ppl", d, doc, 0, RequestType.LOGLIKELIHOOD_ROLLING, rolling, List.of(rolling.text()), 1));
      GenerationRequest greedy = new GenerationRequest("G" + d, GenerationParams.greedy(List.of("\n")));
      all.add(new Instance("gen", d, doc, 0, RequestType.GENERATE_UNTIL, greedy, List.of("G" + d, Map.of()), 2));
      GenerationRequest sampled = new GenerationRequest("S" + (d % 2), new GenerationParams(List.of("\n"),
          OptionalInt.of(16), true, OptionalDouble.of(0.7), Map.of()));
      all.add(new Instance("sample", d, doc, 0, RequestType.GENERATE_UNTIL, sampled, List.of("S", Map.of()), 3));
    }
    return all;
  }

  static List<List<Object>> run(LanguageModel model, List<Instance> instances, int batchSize) {
    return new ModelRunner(model, batchSize, Progress.none()).run(instances);
  }

  @Test
  void aSecondRunIsServedFromTheCacheWithoutCallingTheModel() {
    MapResponseCache cache = new MapResponseCache();
    List<Instance> instances = instances();
    RecordingModel first = new RecordingModel(1);
    CachingLanguageModel caching = CachingLanguageModel.of(first, cache, FP, instances);
    List<List<Object>> a = run(caching, instances, 4);
    // 20 loglikelihood + 5 rolling + 5 greedy (2 repeats, one entry) + 15 samples (2 prompts x occurrences)
    assertEquals(20 + 5 + 5 + 15, first.sent.size());
    assertEquals(first.sent.size(), caching.sent());
    assertEquals(45, cache.size());

    RecordingModel second = new RecordingModel(2);
    CachingLanguageModel again = CachingLanguageModel.of(second, cache, FP, instances);
    List<List<Object>> b = run(again, instances, 7);
    assertEquals(List.of(), second.sent);
    assertEquals(a, b, "a cached rerun returns exactly the first run's responses, samples included");
    assertEquals(20 + 5 + 10 + 15, again.hits());
  }

  @Test
  void sampledRepeatsAreDistinctEntriesAndGreedyRepeatsShareOne() {
    MapResponseCache cache = new MapResponseCache();
    List<Instance> instances = instances();
    List<List<Object>> responses = run(CachingLanguageModel.of(new RecordingModel(1), cache, FP, instances),
        instances, 5);
    for (int i = 0; i < instances.size(); i++) {
      Instance inst = instances.get(i);
      if (inst.taskName().equals("gen")) {
        assertEquals(2, responses.get(i).size());
        assertEquals(responses.get(i).get(0), responses.get(i).get(1));
      }
      if (inst.taskName().equals("sample")) {
        assertEquals(3, responses.get(i).size());
        assertEquals(3, responses.get(i).stream().distinct().count(), "each repeat its own sample");
      }
    }
  }

  @Test
  void onlyMissesAreSentAndEachKeyOnce() {
    MapResponseCache cache = new MapResponseCache();
    LoglikelihoodRequest a = new LoglikelihoodRequest("c", " a");
    LoglikelihoodRequest b = new LoglikelihoodRequest("c", " b");
    RecordingModel model = new RecordingModel(1);
    CachingLanguageModel caching = CachingLanguageModel.of(model, cache, FP, List.of());
    List<LoglikelihoodResult> first = caching.loglikelihood(List.of(a));
    List<LoglikelihoodResult> second = caching.loglikelihood(List.of(a, b, b, new LoglikelihoodRequest("c", " b")));
    assertEquals(List.of(a, b), model.sent, "a was cached; b sent once for its three occurrences");
    assertEquals(first.get(0), second.get(0));
    assertEquals(second.get(1), second.get(2));
    assertEquals(List.of(1, 1), model.batchSizes);
    assertEquals(3, caching.hits());
  }

  @Test
  void responsesAreCommittedBeforeTheBatchReturns() {
    MapResponseCache cache = new MapResponseCache();
    List<Instance> instances = instances();
    CachingLanguageModel caching = CachingLanguageModel.of(new RecordingModel(1), cache, FP, instances);
    caching.loglikelihood(List.of((LoglikelihoodRequest) instances.get(0).request()));
    assertEquals(List.of("getAll 1", "putAll 1"), cache.calls);
    assertEquals(1, cache.size());
    assertEquals("mc", cache.labels.values().iterator().next(), "entries are labelled with their task");
  }

  @Test
  void aBatchTheModelFailsOnCommitsNothingAndTheRerunSendsIt() {
    MapResponseCache cache = new MapResponseCache();
    RecordingModel model = new RecordingModel(1);
    CachingLanguageModel caching = CachingLanguageModel.of(model, cache, FP, List.of());
    caching.loglikelihood(List.of(new LoglikelihoodRequest("x", " 1")));
    model.failNext = new EvalException(ErrorCode.BACKEND_FAILURE, "server down");
    assertThrows(EvalException.class, () -> caching.loglikelihood(List.of(new LoglikelihoodRequest("x", " 1"),
        new LoglikelihoodRequest("x", " 2"))));
    assertEquals(1, cache.size());
    caching.loglikelihood(List.of(new LoglikelihoodRequest("x", " 1"), new LoglikelihoodRequest("x", " 2")));
    assertEquals(List.of(new LoglikelihoodRequest("x", " 1"), new LoglikelihoodRequest("x", " 2")), model.sent);
  }

  @Test
  void twoModelsNeverShareEntries() {
    MapResponseCache cache = new MapResponseCache();
    List<Instance> instances = instances();
    run(CachingLanguageModel.of(new RecordingModel(1), cache, FP, instances), instances, 8);
    RecordingModel other = new RecordingModel(1);
    ModelFingerprint otherWeights = new ModelFingerprint("fake", Map.of("pretrained", "m"), "w2");
    run(CachingLanguageModel.of(other, cache, otherWeights, instances), instances, 8);
    assertEquals(45, other.sent.size(), "other weights at the same path: everything is computed again");
    RecordingModel otherArgs = new RecordingModel(1);
    run(CachingLanguageModel.of(otherArgs, cache, new ModelFingerprint("fake", Map.of("pretrained", "n"), "w1"),
        instances), instances, 8);
    assertEquals(45, otherArgs.sent.size());
  }

  @Test
  void aStoredValueThatIsNotAResponseIsACacheFailure() {
    MapResponseCache cache = new MapResponseCache();
    LoglikelihoodRequest r = new LoglikelihoodRequest("c", " a");
    cache.putAll(FP.namespace(RequestType.LOGLIKELIHOOD), Map.of(CacheKeys.key(RequestType.LOGLIKELIHOOD, r, 0),
        "not a result"));
    EvalException e = assertThrows(EvalException.class, () -> CachingLanguageModel.of(new RecordingModel(1), cache,
        FP, List.of()).loglikelihood(List.of(r)));
    assertEquals(ErrorCode.CACHE_FAILURE, e.code());
    assertTrue(e.getMessage().contains("not a loglikelihood response"), e.getMessage());
  }

  @Test
  void aModelReturningTheWrongNumberOfResultsIsABackendFailure() {
    LanguageModel broken = new RecordingModel(1) {
      @Override
      public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
        return List.of();
      }
    };
    EvalException e = assertThrows(EvalException.class, () -> CachingLanguageModel.of(broken,
        new MapResponseCache(), FP, List.of()).loglikelihood(List.of(new LoglikelihoodRequest("c", " a"))));
    assertEquals(ErrorCode.BACKEND_FAILURE, e.code());
  }

  @Test
  void withoutACacheTheModelIsUsedAsIs() {
    RecordingModel model = new RecordingModel(1);
    assertSame(model, CachingLanguageModel.wrap(model, null, FP));
    assertNotEquals(model, CachingLanguageModel.wrap(model, new MapResponseCache(), FP));
  }

  @Test
  void theWrapperReportsTheModelsPropertiesAndClosesIt() {
    boolean[] closed = {false};
    RecordingModel model = new RecordingModel(1) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    LanguageModel caching = CachingLanguageModel.wrap(model, new MapResponseCache(), FP);
    assertEquals("weights-sha256-abc", caching.fingerprint());
    assertEquals(model.preferredBatchSize(), caching.preferredBatchSize());
    caching.close();
    assertTrue(closed[0]);
  }
}
