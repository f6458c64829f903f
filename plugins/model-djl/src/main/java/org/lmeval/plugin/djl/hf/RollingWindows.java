package org.lmeval.plugin.djl.hf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * lm-eval's {@code utils.get_rolling_token_windows} followed by {@code make_disjoint_window}: every token of
 * the text predicted exactly once, each window with the most context that fits in {@code maxSeqLen}.
 */
final class RollingWindows {
  private RollingWindows() {}

  /**
   * The disjoint (context, continuation) windows of {@code tokens}.
   *
   * @param tokens the encoded text
   * @param prefixToken the token that conditions the first window
   * @param maxSeqLen the model's max length
   * @param contextLen lm-eval's {@code context_len} (1 for loglikelihood_rolling)
   */
  static List<TokenPair> windows(int[] tokens, int prefixToken, int maxSeqLen, int contextLen) {
    if (contextLen < 1 || contextLen > maxSeqLen) {
      throw new IllegalArgumentException("context_len must be in [1, max_seq_len], got " + contextLen);
    }
    List<TokenPair> out = new ArrayList<>();
    if (tokens.length == 0) {
      return out;
    }
    int predLen = maxSeqLen - contextLen + 1;
    int predicted = 0;
    int first = Math.min(maxSeqLen, tokens.length);
    int[] input = new int[first];
    input[0] = prefixToken;
    System.arraycopy(tokens, 0, input, 1, first - 1);
    out.add(disjoint(input, Arrays.copyOfRange(tokens, 0, first)));
    predicted += first;
    while (predicted < tokens.length) {
      int windowPredLen = Math.min(tokens.length - predicted, predLen);
      int windowEnd = predicted + windowPredLen;
      int inputStart = Math.max(0, windowEnd - maxSeqLen - 1);
      out.add(disjoint(Arrays.copyOfRange(tokens, inputStart, windowEnd - 1),
          Arrays.copyOfRange(tokens, windowEnd - windowPredLen, windowEnd)));
      predicted += windowPredLen;
    }
    return out;
  }

  /** {@code make_disjoint_window}: the input keeps only the tokens before the predicted span. */
  private static TokenPair disjoint(int[] input, int[] pred) {
    return new TokenPair(Arrays.copyOf(input, input.length - (pred.length - 1)), pred);
  }
}
