package org.lmeval.plugin.dummy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;

class DummyPluginTest {
  @Test
  void registersTheDummyModel() {
    assertEquals(List.of("dummy"), new DummyPlugin().modelBackends().stream().map(b -> b.name()).toList());
  }

  @Test
  void answersWithMinusPythonRandomInRequestOrder() {
    // CPython: random.seed(0); -random.random() twice = -0.8444218515250481, -0.7579544029403025
    LanguageModel model = new DummyModelBackend().open(Options.of("model arg", Map.of("random_seed", 0)));
    List<LoglikelihoodResult> results = model.loglikelihood(
        List.of(new LoglikelihoodRequest("a", " b"), new LoglikelihoodRequest("", " c")));
    assertEquals(-0.8444218515250481, results.get(0).logprob());
    assertEquals(-0.7579544029403025, results.get(1).logprob());
    assertFalse(results.get(0).greedy());
    assertEquals(1, model.loglikelihoodRolling(List.of(new RollingRequest("text"))).size());
    assertEquals(List.of("lol"), model.generateUntil(
        List.of(new GenerationRequest("ctx", GenerationParams.greedy(List.of("\n"))))));
  }
}
