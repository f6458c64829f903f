package org.lmeval.plugin.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

/**
 * Serves requests from a {@link SamplesIndex}. Generations are served per (context, parameters) in logged
 * order, one logged repeat after another (the kernel sends a request's repeats consecutively), starting
 * over when all repeats were served. A request that was never logged, or logged with two different answers,
 * fails with a message naming it and the folder.
 */
final class ReplayLanguageModel implements LanguageModel {
  private static final int HEAD = 80;

  private final SamplesIndex index;
  private final Map<SamplesIndex.GenerationKey, Integer> served = new HashMap<>();

  ReplayLanguageModel(SamplesIndex index) {
    this.index = index;
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    List<LoglikelihoodResult> out = new ArrayList<>(batch.size());
    for (LoglikelihoodRequest r : batch) {
      String what = "loglikelihood request (context " + LoggedValues.head(r.context(), HEAD) + ", continuation "
          + LoggedValues.head(r.continuation(), HEAD) + ")";
      out.add(answer(index.loglikelihood(r.context(), r.continuation()), what));
    }
    return out;
  }

  @Override
  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    List<RollingResult> out = new ArrayList<>(batch.size());
    for (RollingRequest r : batch) {
      String what = "loglikelihood_rolling request (text " + LoggedValues.head(r.text(), HEAD) + ")";
      out.add(new RollingResult(answer(index.rolling(r.text()), what)));
    }
    return out;
  }

  @Override
  public List<String> generateUntil(List<GenerationRequest> batch) {
    List<String> out = new ArrayList<>(batch.size());
    for (GenerationRequest r : batch) {
      String what = "generate_until request (context " + LoggedValues.head(r.context(), HEAD)
          + ", generation kwargs " + LoggedValues.canonical(r.params()) + ")";
      List<String> repeats = answer(index.generation(r.context(), r.params()), what);
      SamplesIndex.GenerationKey key = new SamplesIndex.GenerationKey(r.context(),
          LoggedValues.canonical(r.params()));
      int n = served.merge(key, 1, Integer::sum) - 1;
      out.add(repeats.get(n % repeats.size()));
    }
    return out;
  }

  /** In-memory look-ups: one kernel chunk can be large. */
  @Override
  public int preferredBatchSize() {
    return 4096;
  }

  private <T> T answer(SamplesIndex.Entry<T> entry, String what) {
    if (entry == null) {
      throw new EvalException(ErrorCode.BACKEND_FAILURE, "replay: no logged answer for the " + what + " in the "
          + index.files() + " samples file(s) under " + index.dir() + " (" + index.size() + " distinct requests); "
          + "replay a run logged with the same tasks, --num_fewshot, --limit, seeds and --gen_kwargs");
    }
    if (entry.conflictSource != null) {
      throw new EvalException(ErrorCode.BACKEND_FAILURE, "replay: the " + what + " was logged with different "
          + "answers under " + index.dir() + ": " + describe(entry.value) + " at " + entry.source + ", "
          + describe(entry.conflictValue) + " at " + entry.conflictSource);
    }
    return entry.value;
  }

  private static String describe(Object answer) {
    if (answer instanceof LoglikelihoodResult r) {
      return "(" + r.logprob() + ", " + (r.greedy() ? "True" : "False") + ")";
    }
    return String.valueOf(answer);
  }
}
