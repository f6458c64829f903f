package org.lmeval.platform.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.platform.progress.Progress;

class ModelRunnerTest {
  /** Answers each request with a value derived from the request text and records the batches it saw. */
  static final class RecordingModel implements LanguageModel {
    final List<String> calls = new ArrayList<>();

    @Override
    public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
      calls.add("ll:" + batch.size());
      return batch.stream().map(r -> new LoglikelihoodResult(-r.continuation().length(), false)).toList();
    }

    @Override
    public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
      calls.add("rolling:" + batch.size());
      return batch.stream().map(r -> new RollingResult(-r.text().length())).toList();
    }

    @Override
    public List<String> generateUntil(List<GenerationRequest> batch) {
      calls.add("gen:" + batch.size());
      return batch.stream().map(r -> r.context().toUpperCase()).toList();
    }
  }

  private static Instance ll(int doc, int idx, String cont) {
    return new Instance("t", doc, Map.of(), idx, RequestType.LOGLIKELIHOOD, new LoglikelihoodRequest("c", cont),
        List.of("c", cont), 1);
  }

  private static Instance gen(int doc, String ctx, int repeats) {
    return new Instance("g", doc, Map.of(), 0, RequestType.GENERATE_UNTIL,
        new GenerationRequest(ctx, GenerationParams.greedy(List.of("\n"))), List.of(ctx, Map.of()), repeats);
  }

  @Test
  void responsesComeBackPerInstanceInOrderWithRepeats() {
    RecordingModel model = new RecordingModel();
    List<Instance> instances = List.of(ll(0, 0, " a"), gen(0, "x", 3), ll(0, 1, " bbb"), ll(1, 0, " cc"),
        gen(1, "y", 3));
    List<List<Object>> responses = new ModelRunner(model, 2, Progress.none()).run(instances);
    assertEquals(List.of(new LoglikelihoodResult(-2, false)), responses.get(0));
    assertEquals(List.of("X", "X", "X"), responses.get(1));
    assertEquals(List.of(new LoglikelihoodResult(-4, false)), responses.get(2));
    assertEquals(List.of(new LoglikelihoodResult(-3, false)), responses.get(3));
    assertEquals(List.of("Y", "Y", "Y"), responses.get(4));
    // loglikelihood first (first to appear), in batches of 2; then the 6 generations in batches of 2.
    assertEquals(List.of("ll:2", "ll:1", "gen:2", "gen:2", "gen:2"), model.calls);
  }
}
