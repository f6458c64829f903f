package org.lmeval.platform.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

/**
 * A deterministic model that records what it was sent: loglikelihoods from the request text's hash, generations
 * as "gen(context)" or, when sampling, "sample-N" with N drawn from a seeded generator (each call a new draw).
 */
class RecordingModel implements LanguageModel {
  final List<Object> sent = new ArrayList<>();
  final List<Integer> batchSizes = new ArrayList<>();
  private final Random random;
  RuntimeException failNext;

  RecordingModel(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    record(batch);
    List<LoglikelihoodResult> out = new ArrayList<>();
    for (LoglikelihoodRequest r : batch) {
      int h = (r.context() + "|" + r.continuation()).hashCode();
      out.add(new LoglikelihoodResult(-Math.abs(h % 1000) / 7.0, h % 2 == 0));
    }
    return out;
  }

  @Override
  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    record(batch);
    List<RollingResult> out = new ArrayList<>();
    for (RollingRequest r : batch) {
      out.add(new RollingResult(-Math.abs(r.text().hashCode() % 5000) / 3.0));
    }
    return out;
  }

  @Override
  public List<String> generateUntil(List<GenerationRequest> batch) {
    record(batch);
    List<String> out = new ArrayList<>();
    for (GenerationRequest r : batch) {
      out.add(r.params().doSample() ? "sample-" + random.nextInt(1_000_000) : "gen(" + r.context() + ")");
    }
    return out;
  }

  @Override
  public String fingerprint() {
    return "weights-sha256-abc";
  }

  private void record(List<?> batch) {
    if (failNext != null) {
      RuntimeException e = failNext;
      failNext = null;
      throw e;
    }
    sent.addAll(batch);
    batchSizes.add(batch.size());
  }
}
