package org.lmeval.platform.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.platform.progress.Progress;

/**
 * Sends instances to a model as lm-eval's evaluator does: one pass per request type in order of first
 * appearance, each instance's request repeated {@code repeats} times consecutively, in batches of the
 * kernel's batch size, responses returned per instance in request order.
 */
public final class ModelRunner {
  private final LanguageModel model;
  private final int batchSize;
  private final Progress progress;

  public ModelRunner(LanguageModel model, int batchSize, Progress progress) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    this.model = model;
    this.batchSize = batchSize;
    this.progress = progress;
  }

  /**
   * Runs every instance; the result has one list of raw responses (one per repeat) per instance, in
   * the instances' order: {@code LoglikelihoodResult}, {@code RollingResult} or {@code String}.
   */
  public List<List<Object>> run(List<Instance> instances) {
    Map<RequestType, List<Integer>> byType = new LinkedHashMap<>();
    for (int i = 0; i < instances.size(); i++) {
      byType.computeIfAbsent(instances.get(i).type(), t -> new ArrayList<>()).add(i);
    }
    List<List<Object>> responses = new ArrayList<>(instances.size());
    for (int i = 0; i < instances.size(); i++) {
      responses.add(null);
    }
    for (Map.Entry<RequestType, List<Integer>> entry : byType.entrySet()) {
      runType(entry.getKey(), entry.getValue(), instances, responses);
    }
    return responses;
  }

  private void runType(RequestType type, List<Integer> indices, List<Instance> instances,
      List<List<Object>> responses) {
    List<Object> requests = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int index : indices) {
      Instance instance = instances.get(index);
      for (int r = 0; r < instance.repeats(); r++) {
        requests.add(instance.request());
        owner.add(index);
      }
      responses.set(index, new ArrayList<>(instance.repeats()));
    }
    try (Progress.Bar bar = progress.start("Running " + type.lmEvalName() + " requests", requests.size())) {
      for (int start = 0; start < requests.size(); start += batchSize) {
        List<Object> batch = requests.subList(start, Math.min(requests.size(), start + batchSize));
        List<?> results = call(type, batch);
        if (results.size() != batch.size()) {
          throw new EvalException(ErrorCode.BACKEND_FAILURE, "the model returned " + results.size()
              + " results for a " + type.lmEvalName() + " batch of " + batch.size());
        }
        for (int k = 0; k < results.size(); k++) {
          responses.get(owner.get(start + k)).add(results.get(k));
        }
        bar.advance(batch.size());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<?> call(RequestType type, List<Object> batch) {
    return switch (type) {
      case LOGLIKELIHOOD -> model.loglikelihood((List<LoglikelihoodRequest>) (List<?>) batch);
      case LOGLIKELIHOOD_ROLLING -> model.loglikelihoodRolling((List<RollingRequest>) (List<?>) batch);
      case GENERATE_UNTIL -> model.generateUntil((List<GenerationRequest>) (List<?>) batch);
    };
  }
}
