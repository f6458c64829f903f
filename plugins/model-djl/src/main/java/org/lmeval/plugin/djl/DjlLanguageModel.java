package org.lmeval.plugin.djl;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;

/** A model opened by the {@code djl} backend: lm-eval's {@code hf} request semantics over a DJL engine. */
final class DjlLanguageModel implements LanguageModel {
  private final String name;
  private final HfTokenizer tokenizer;
  private final CausalLm lm;
  private final RequestEncoder encoder;
  private final TokenScorer scorer;
  private final Generator generator;
  private final Batcher batcher;
  private final BatchSize batchSize;
  private final int maxLength;

  DjlLanguageModel(String name, HfTokenizer tokenizer, CausalLm lm, RequestEncoder encoder, TokenScorer scorer,
      Generator generator, Batcher batcher, BatchSize batchSize, int maxLength) {
    this.name = name;
    this.tokenizer = tokenizer;
    this.lm = lm;
    this.encoder = encoder;
    this.scorer = scorer;
    this.generator = generator;
    this.batcher = batcher;
    this.batchSize = batchSize;
    this.maxLength = maxLength;
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> batch) {
    return PluginContext.call(() -> {
      List<TokenPair> pairs = new ArrayList<>(batch.size());
      for (LoglikelihoodRequest r : batch) {
        pairs.add(encoder.encodePair(r.context(), r.continuation()));
      }
      return scorer.score(pairs);
    });
  }

  /**
   * lm-eval's {@code loglikelihood_rolling}: each text's disjoint windows (context_len 1, the model's
   * max_length), all windows scored in chunks of the batch size in order, summed per text.
   */
  @Override
  public List<RollingResult> loglikelihoodRolling(List<RollingRequest> batch) {
    return PluginContext.call(() -> {
      List<TokenPair> windows = new ArrayList<>();
      List<Integer> owners = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        int[] tokens = encoder.encode(batch.get(i).text());
        for (TokenPair w : RollingWindows.windows(tokens, encoder.prefixTokenId(), maxLength, 1)) {
          windows.add(w);
          owners.add(i);
        }
      }
      int[] owner = owners.stream().mapToInt(Integer::intValue).toArray();
      double[] sums = new double[batch.size()];
      int chunk = batchSize.auto() ? batcher.detect(maxLength) : batchSize.fixed();
      for (int start = 0; start < windows.size(); start += chunk) {
        int end = Math.min(windows.size(), start + chunk);
        List<LoglikelihoodResult> scored = scorer.score(windows.subList(start, end));
        for (int k = 0; k < scored.size(); k++) {
          sums[owner[start + k]] += scored.get(k).logprob();
        }
      }
      List<RollingResult> results = new ArrayList<>(batch.size());
      for (double s : sums) {
        results.add(new RollingResult(s));
      }
      return results;
    });
  }

  @Override
  public List<String> generateUntil(List<GenerationRequest> batch) {
    return PluginContext.call(() -> generator.generate(batch));
  }

  @Override
  public int preferredBatchSize() {
    return batchSize.preferred();
  }

  @Override
  public String modelName() {
    return name;
  }

  /** The model's context length in tokens (lm-eval's {@code max_length}). */
  int maxLength() {
    return maxLength;
  }

  /** The token ids lm-eval's {@code tok_encode} gives {@code text}. */
  int[] encode(String text) {
    return PluginContext.call(() -> encoder.encode(text));
  }

  /** lm-eval's {@code _loglikelihood_tokens} on already tokenised pairs. */
  List<LoglikelihoodResult> scoreTokens(List<TokenPair> pairs) {
    return PluginContext.call(() -> scorer.score(pairs));
  }

  /** The forward pass this model runs on (for benchmarks). */
  CausalLm causalLm() {
    return lm;
  }

  @Override
  public void close() {
    PluginContext.call(() -> {
      try {
        lm.close();
      } finally {
        tokenizer.close();
      }
      return null;
    });
  }
}
