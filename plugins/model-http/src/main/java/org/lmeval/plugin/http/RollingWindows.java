package org.lmeval.plugin.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * lm-eval's {@code get_rolling_token_windows} with {@code context_len = 1}, each window made disjoint
 * ({@code make_disjoint_window}): every token is predicted once, with as much context as fits (§3.4).
 */
final class RollingWindows {
  private RollingWindows() {}

  static List<TokenPairs.Pair> windows(int[] tokens, int prefixToken, int maxSeqLen) {
    List<TokenPairs.Pair> out = new ArrayList<>();
    if (tokens.length == 0) {
      return out;
    }
    if (maxSeqLen < 1) {
      throw new IllegalArgumentException("max_seq_len must be >= 1, got " + maxSeqLen);
    }
    int predLen = maxSeqLen;
    int first = Math.min(maxSeqLen, tokens.length);
    int[] input = new int[first];
    input[0] = prefixToken;
    System.arraycopy(tokens, 0, input, 1, first - 1);
    out.add(disjoint(input, Arrays.copyOfRange(tokens, 0, first)));
    int done = first;
    while (done < tokens.length) {
      int w = Math.min(tokens.length - done, predLen);
      int end = done + w;
      int from = Math.max(0, end - maxSeqLen - 1);
      out.add(disjoint(Arrays.copyOfRange(tokens, from, end - 1), Arrays.copyOfRange(tokens, end - w, end)));
      done = end;
    }
    return out;
  }

  private static TokenPairs.Pair disjoint(int[] input, int[] pred) {
    return new TokenPairs.Pair(Arrays.copyOf(input, input.length - (pred.length - 1)), pred);
  }
}
