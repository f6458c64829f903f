package org.lmeval.plugin.uniform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;

class UniformBytesLanguageModelTest {
  private final UniformBytesLanguageModel model =
      (UniformBytesLanguageModel) new UniformBytesModelBackend().open(Options.empty());

  @Test
  void scoresEveryUtf8ByteAtLn256WhateverTheContext() {
    List<LoglikelihoodResult> r = model.loglikelihood(List.of(
        new LoglikelihoodRequest("The answer is", " Paris"),
        new LoglikelihoodRequest("", " Paris"),
        new LoglikelihoodRequest("x", "é🙂")));
    assertEquals(-6 * Math.log(256), r.get(0).logprob(), 1e-12);
    assertEquals(r.get(0), r.get(1));
    // "é" is 2 UTF-8 bytes, the emoji 4.
    assertEquals(-6 * Math.log(256), r.get(2).logprob(), 1e-12);
    assertFalse(r.get(0).greedy());
  }

  @Test
  void rollingIsTheSameRuleOverTheWholeText() {
    assertEquals(-44 * 8 * Math.log(2), model.loglikelihoodRolling(List.of(
        new RollingRequest("The quick brown fox jumps over the lazy dog."))).get(0).logprob(), 1e-9);
    assertEquals(0.0, model.loglikelihoodRolling(List.of(new RollingRequest(""))).get(0).logprob());
  }

  @Test
  void generatesNothing() {
    assertEquals(List.of("", ""), model.generateUntil(List.of(
        new GenerationRequest("a", GenerationParams.greedy(List.of("\n"))),
        new GenerationRequest("b", GenerationParams.greedy(List.of())))));
  }
}
