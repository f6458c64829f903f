package org.lmeval.plugin.djl.hf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.LoglikelihoodResult;

/**
 * lm-eval's {@code HFLM._loglikelihood_tokens} for causal models: input {@code (ctx + cont)[-(L+1):][:-1]},
 * requests sorted longest first (ties by token sequence), requests with the same input share one forward
 * row (lm-eval's logits cache), batches right-padded, {@code logprob = sum(log_softmax(logits)[cont])} over
 * the last {@code len(cont)} input positions, {@code greedy = all(argmax == cont)}; results in request order.
 */
final class TokenScorer {
  private static final Comparator<int[]> LONGEST_FIRST = (a, b) -> {
    if (a.length != b.length) {
      return Integer.compare(b.length, a.length);
    }
    return Arrays.compare(a, b);
  };

  private final CausalLm lm;
  private final int maxLength;
  private final Batcher batcher;
  private final boolean logitsCache;

  /**
   * @param logitsCache lm-eval's {@code logits_cache}: requests with the same input share one forward row
   */
  TokenScorer(CausalLm lm, int maxLength, Batcher batcher, boolean logitsCache) {
    this.lm = lm;
    this.maxLength = maxLength;
    this.batcher = batcher;
    this.logitsCache = logitsCache;
  }

  List<LoglikelihoodResult> score(List<TokenPair> requests) {
    int n = requests.size();
    int[][] wholes = new int[n][];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      TokenPair r = requests.get(i);
      if (r.context().length == 0 || r.continuation().length == 0) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "loglikelihood request " + i + " has an empty "
            + (r.context().length == 0 ? "context" : "continuation") + " after tokenisation");
      }
      if (r.continuation().length > maxLength) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "loglikelihood request " + i + ": the continuation has "
            + r.continuation().length + " tokens, more than the model's max_length " + maxLength);
      }
      wholes[i] = r.whole();
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> LONGEST_FIRST.compare(wholes[a], wholes[b]));

    // One forward row per distinct input, in sorted order of first appearance.
    Map<Object, List<Integer>> groups = new LinkedHashMap<>();
    for (int i : order) {
      int[] whole = wholes[i];
      int from = Math.max(0, whole.length - (maxLength + 1));
      int[] input = Arrays.copyOfRange(whole, from, whole.length - 1);
      Object key = logitsCache ? new InputKey(input) : Integer.valueOf(i);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    List<int[]> rows = new ArrayList<>(groups.size());
    List<List<Integer>> members = new ArrayList<>(groups.size());
    groups.forEach((key, idx) -> {
      int[] whole = wholes[idx.get(0)];
      rows.add(Arrays.copyOfRange(whole, Math.max(0, whole.length - (maxLength + 1)), whole.length - 1));
      members.add(idx);
    });

    LoglikelihoodResult[] results = new LoglikelihoodResult[n];
    for (int[] range : batcher.ranges(rows)) {
      List<int[]> batch = rows.subList(range[0], range[1]);
      lm.forward(batch, logits -> {
        for (int r = 0; r < batch.size(); r++) {
          int inplen = batch.get(r).length;
          for (int i : members.get(range[0] + r)) {
            int[] cont = requests.get(i).continuation();
            double sum = 0;
            boolean greedy = true;
            for (int k = 0; k < cont.length; k++) {
              int pos = inplen - cont.length + k;
              sum += logits.logSoftmax(r, pos, cont[k]);
              greedy &= logits.argmax(r, pos) == cont[k];
            }
            if (!Double.isFinite(sum)) {
              throw new EvalException(ErrorCode.BACKEND_FAILURE, "the model produced non-finite logits for"
                  + " loglikelihood request " + i + " (log-probability " + sum + ")");
            }
            results[i] = new LoglikelihoodResult(sum, greedy);
          }
        }
        return null;
      });
    }
    return List.of(results);
  }

  private record InputKey(int[] tokens) {
    @Override
    public boolean equals(Object o) {
      return o instanceof InputKey k && Arrays.equals(tokens, k.tokens);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
      return Arrays.toString(tokens);
    }
  }
}
