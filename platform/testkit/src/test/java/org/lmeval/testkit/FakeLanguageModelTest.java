package org.lmeval.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;

class FakeLanguageModelTest {
  private static final LoglikelihoodRequest A = new LoglikelihoodRequest("ctx", " a");
  private static final LoglikelihoodRequest B = new LoglikelihoodRequest("ctx", " b");

  @Test
  void answersDependOnContentAndSeedOnly() {
    FakeLanguageModel model = new FakeLanguageModel();
    LoglikelihoodResult a = model.loglikelihood(List.of(A)).get(0);
    assertEquals(a, model.loglikelihood(List.of(B, A)).get(1));
    assertEquals(a, new FakeLanguageModel().loglikelihood(List.of(A)).get(0));
    assertNotEquals(a, model.loglikelihood(List.of(B)).get(0));
    assertNotEquals(a, new FakeLanguageModel(7, EnumSet.allOf(RequestType.class)).loglikelihood(List.of(A)).get(0));
    assertTrue(a.logprob() <= 0 && a.logprob() > -1, String.valueOf(a.logprob()));
    assertFalse(a.greedy());
    double rolling = model.loglikelihoodRolling(List.of(new RollingRequest("text"))).get(0).logprob();
    assertTrue(rolling <= 0 && rolling > -1);
  }

  @Test
  void generatesLolCutAtStopSequences() {
    FakeLanguageModel model = new FakeLanguageModel();
    assertEquals(List.of("lol", "l", ""), model.generateUntil(List.of(
        new GenerationRequest("q", GenerationParams.greedy(List.of("\n\n"))),
        new GenerationRequest("q", GenerationParams.greedy(List.of("ol", ""))),
        new GenerationRequest("q", GenerationParams.greedy(List.of("lol"))))));
  }

  @Test
  void recordsCallsAndRefusesUnsupportedTypes() {
    FakeLanguageModel model = FakeLanguageModel.supporting(RequestType.LOGLIKELIHOOD);
    model.loglikelihood(List.of(A, B));
    EvalException e = assertThrows(EvalException.class,
        () -> model.generateUntil(List.of(new GenerationRequest("q", GenerationParams.greedy(List.of())))));
    assertEquals(ErrorCode.UNSUPPORTED_REQUEST, e.code());
    assertEquals("the fake model does not serve generate_until requests; it serves: loglikelihood", e.getMessage());
    assertEquals(List.of(new FakeLanguageModel.Call(RequestType.LOGLIKELIHOOD, 2),
        new FakeLanguageModel.Call(RequestType.GENERATE_UNTIL, 1)), model.calls());
  }

  @Test
  void backendReadsItsSeed() {
    Options args = Options.of("model arg", Map.of("seed", "7"));
    var model = new FakeModelBackend().open(args);
    assertEquals(new FakeLanguageModel(7, EnumSet.allOf(RequestType.class)).loglikelihood(List.of(A)),
        model.loglikelihood(List.of(A)));
    assertEquals(java.util.Set.of(), args.unreadKeys());
  }
}
