package org.lmeval.plugin.metrics.sacrebleu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * sacrebleu's BLEU arithmetic over tokenized segments: per-segment sufficient statistics
 * {@code [hyp_len, ref_len, correct_1..4, total_1..4]} and the corpus score from their sums (exponential
 * smoothing, no effective order, n-gram order 4).
 */
public final class BleuStatistics {
  /** The n-gram order. */
  public static final int MAX_ORDER = 4;
  /** The length of a statistics vector. */
  public static final int SIZE = 2 + 2 * MAX_ORDER;

  private BleuStatistics() {}

  /** Statistics of one hypothesis against its references (closest reference length, clipped n-gram counts). */
  public static long[] segment(List<String> hyp, List<List<String>> refs) {
    Map<List<String>, Integer> refNgrams = new HashMap<>();
    int[] refLens = new int[refs.size()];
    for (int r = 0; r < refs.size(); r++) {
      List<String> ref = refs.get(r);
      refLens[r] = ref.size();
      for (Map.Entry<List<String>, Integer> e : ngrams(ref).entrySet()) {
        refNgrams.merge(e.getKey(), e.getValue(), Math::max);
      }
    }
    long[] stats = new long[SIZE];
    stats[0] = hyp.size();
    stats[1] = closestRefLength(hyp.size(), refLens);
    for (Map.Entry<List<String>, Integer> e : ngrams(hyp).entrySet()) {
      int n = e.getKey().size() - 1;
      stats[2 + MAX_ORDER + n] += e.getValue();
      Integer inRef = refNgrams.get(e.getKey());
      if (inRef != null) {
        stats[2 + n] += Math.min(e.getValue(), inRef);
      }
    }
    return stats;
  }

  private static int closestRefLength(int hypLen, int[] refLens) {
    int closestDiff = -1;
    int closestLen = -1;
    for (int refLen : refLens) {
      int diff = Math.abs(hypLen - refLen);
      if (closestDiff == -1 || diff < closestDiff) {
        closestDiff = diff;
        closestLen = refLen;
      } else if (diff == closestDiff && refLen < closestLen) {
        closestLen = refLen;
      }
    }
    return closestLen;
  }

  private static Map<List<String>, Integer> ngrams(List<String> tokens) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (int n = 1; n <= MAX_ORDER; n++) {
      for (int i = 0; i + n <= tokens.size(); i++) {
        counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** sacrebleu's {@code compute_bleu} with {@code smooth_method='exp'} on summed statistics, 0-100. */
  public static double score(long[] stats) {
    long sysLen = stats[0];
    long refLen = stats[1];
    double bp = 1.0;
    if (sysLen < refLen) {
      bp = sysLen > 0 ? Math.exp(1 - (double) refLen / (double) sysLen) : 0.0;
    }
    boolean anyCorrect = false;
    for (int n = 0; n < MAX_ORDER; n++) {
      anyCorrect |= stats[2 + n] != 0;
    }
    if (!anyCorrect) {
      return 0.0;
    }
    double[] precisions = new double[MAX_ORDER];
    double smoothMteval = 1.0;
    for (int n = 0; n < MAX_ORDER; n++) {
      long correct = stats[2 + n];
      long total = stats[2 + MAX_ORDER + n];
      if (total == 0) {
        break;
      }
      if (correct == 0) {
        smoothMteval *= 2;
        precisions[n] = 100.0 / (smoothMteval * total);
      } else {
        precisions[n] = 100.0 * correct / total;
      }
    }
    double logSum = 0.0;
    for (double p : precisions) {
      logSum += p == 0.0 ? -9999999999.0 : Math.log(p);
    }
    return bp * Math.exp(logSum / MAX_ORDER);
  }

  /** Element-wise sum of statistics vectors (sacrebleu's {@code sum_of_lists}). */
  public static long[] sum(List<long[]> segments) {
    long[] total = new long[SIZE];
    for (long[] s : segments) {
      for (int i = 0; i < SIZE; i++) {
        total[i] += s[i];
      }
    }
    return total;
  }
}
