package org.lmeval.plugin.metrics.sacrebleu;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * sacrebleu's chrF arithmetic with its defaults (character order 6, word order 0, beta 2, no epsilon
 * smoothing): per-segment {@code [hyp, ref, match]} counts per order, the best-scoring reference, and the
 * f-score of summed statistics, 0-100. Segments arrive with whitespace already removed.
 */
public final class ChrfStatistics {
  /** The character n-gram order. */
  public static final int CHAR_ORDER = 6;
  /** The length of a statistics vector. */
  public static final int SIZE = 3 * CHAR_ORDER;
  private static final int BETA = 2;
  private static final double EPS = 1e-16;

  private ChrfStatistics() {}

  /** Statistics of a hypothesis against the reference giving the best f-score (first one on ties). */
  public static long[] segment(String hyp, List<String> refs) {
    List<Map<String, Integer>> hypNgrams = charNgrams(hyp);
    long[] best = new long[0];
    double bestF = -1.0;
    for (String ref : refs) {
      List<Map<String, Integer>> refNgrams = charNgrams(ref);
      long[] stats = new long[SIZE];
      for (int n = 0; n < CHAR_ORDER; n++) {
        Map<String, Integer> h = hypNgrams.get(n);
        Map<String, Integer> r = refNgrams.get(n);
        long match = 0;
        long hypCount = 0;
        for (Map.Entry<String, Integer> e : h.entrySet()) {
          hypCount += e.getValue();
          Integer inRef = r.get(e.getKey());
          if (inRef != null) {
            match += Math.min(e.getValue(), inRef);
          }
        }
        long refCount = 0;
        for (int c : r.values()) {
          refCount += c;
        }
        stats[3 * n] = r.isEmpty() ? 0 : hypCount;
        stats[3 * n + 1] = refCount;
        stats[3 * n + 2] = match;
      }
      double f = fScore(stats);
      if (f > bestF) {
        bestF = f;
        best = stats;
      }
    }
    return best;
  }

  /** Character n-grams of orders 1..6, over code points. */
  private static List<Map<String, Integer>> charNgrams(String line) {
    int[] cps = line.codePoints().toArray();
    List<Map<String, Integer>> out = new java.util.ArrayList<>(CHAR_ORDER);
    for (int n = 1; n <= CHAR_ORDER; n++) {
      Map<String, Integer> counts = new HashMap<>();
      for (int i = 0; i + n <= cps.length; i++) {
        counts.merge(new String(cps, i, n), 1, Integer::sum);
      }
      out.add(counts);
    }
    return out;
  }

  /** sacrebleu's {@code _compute_f_score}. */
  public static double fScore(long[] stats) {
    int factor = BETA * BETA;
    double avgPrec = 0.0;
    double avgRec = 0.0;
    int effectiveOrder = 0;
    for (int i = 0; i < CHAR_ORDER; i++) {
      long nHyp = stats[3 * i];
      long nRef = stats[3 * i + 1];
      long nMatch = stats[3 * i + 2];
      double prec = nHyp > 0 ? (double) nMatch / nHyp : EPS;
      double rec = nRef > 0 ? (double) nMatch / nRef : EPS;
      if (nHyp > 0 && nRef > 0) {
        avgPrec += prec;
        avgRec += rec;
        effectiveOrder++;
      }
    }
    if (effectiveOrder == 0) {
      avgPrec = 0.0;
      avgRec = 0.0;
    } else {
      avgPrec /= effectiveOrder;
      avgRec /= effectiveOrder;
    }
    if (avgPrec + avgRec != 0) {
      double score = (1 + factor) * avgPrec * avgRec;
      score /= (factor * avgPrec) + avgRec;
      return 100 * score;
    }
    return 0.0;
  }

  /** Element-wise sum of statistics vectors. */
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
