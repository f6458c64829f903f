package org.lmeval.plugin.dummy;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.api.support.PythonRandom;

/** Answers as lm-eval's DummyLM does, drawing from one generator in request order. */
final class DummyLanguageModel implements LanguageModel {
  private final PythonRandom random;

  DummyLanguageModel(long seed) {
    this.random = new PythonRandom(seed);
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    List<LoglikelihoodResult> results = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      results.add(new LoglikelihoodResult(-random.random(), false));
    }
    return results;
  }

  @Override
  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    List<RollingResult> results = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      results.add(new RollingResult(-random.random()));
    }
    return results;
  }

  @Override
  public List<String> generateUntil(List<GenerationRequest> batch) {
    return batch.stream().map(r -> "lol").toList();
  }

  @Override
  public String modelName() {
    return "";
  }
}
