package org.lmeval.plugin.metrics.rouge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * rouge-score's arithmetic over tokens: ROUGE-N (clipped n-gram overlap), ROUGE-L (longest common subsequence)
 * and summary-level ROUGE-Lsum (union LCS over sentences), with the same tie-breaking in the LCS read-out.
 */
public final class RougeStatistics {
  private RougeStatistics() {}

  /** ROUGE-N between token lists. */
  public static RougeScore ngram(List<String> target, List<String> prediction, int n) {
    Map<List<String>, Integer> t = ngrams(target, n);
    Map<List<String>, Integer> p = ngrams(prediction, n);
    long intersection = 0;
    for (Map.Entry<List<String>, Integer> e : t.entrySet()) {
      intersection += Math.min(e.getValue(), p.getOrDefault(e.getKey(), 0));
    }
    long tCount = Math.max(1, Math.max(0, target.size() - n + 1));
    long pCount = Math.max(1, Math.max(0, prediction.size() - n + 1));
    return RougeScore.of((double) intersection / pCount, (double) intersection / tCount);
  }

  private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
    Map<List<String>, Integer> counts = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
    }
    return counts;
  }

  /** ROUGE-L between token lists. */
  public static RougeScore lcs(List<String> target, List<String> prediction) {
    if (target.isEmpty() || prediction.isEmpty()) {
      return RougeScore.ZERO;
    }
    int length = table(target, prediction)[target.size()][prediction.size()];
    return RougeScore.of((double) length / prediction.size(), (double) length / target.size());
  }

  /** ROUGE-Lsum between tokenized sentences (empty sentences already dropped). */
  public static RougeScore summaryLevelLcs(List<List<String>> refSentences, List<List<String>> candSentences) {
    if (refSentences.isEmpty() || candSentences.isEmpty()) {
      return RougeScore.ZERO;
    }
    int m = 0;
    int n = 0;
    Map<String, Integer> refCounts = new HashMap<>();
    Map<String, Integer> candCounts = new HashMap<>();
    for (List<String> s : refSentences) {
      m += s.size();
      s.forEach(t -> refCounts.merge(t, 1, Integer::sum));
    }
    for (List<String> s : candSentences) {
      n += s.size();
      s.forEach(t -> candCounts.merge(t, 1, Integer::sum));
    }
    if (m == 0 || n == 0) {
      return RougeScore.ZERO;
    }
    int hits = 0;
    for (List<String> ref : refSentences) {
      TreeSet<Integer> union = new TreeSet<>();
      for (List<String> cand : candSentences) {
        union.addAll(lcsIndices(ref, cand));
      }
      for (int i : union) {
        String token = ref.get(i);
        if (candCounts.getOrDefault(token, 0) > 0 && refCounts.getOrDefault(token, 0) > 0) {
          hits++;
          candCounts.merge(token, -1, Integer::sum);
          refCounts.merge(token, -1, Integer::sum);
        }
      }
    }
    return RougeScore.of((double) hits / n, (double) hits / m);
  }

  private static int[][] table(List<String> ref, List<String> can) {
    int[][] t = new int[ref.size() + 1][can.size() + 1];
    for (int i = 1; i <= ref.size(); i++) {
      for (int j = 1; j <= can.size(); j++) {
        t[i][j] = ref.get(i - 1).equals(can.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    return t;
  }

  /** The reference indices of one LCS, read out from the end as rouge-score does. */
  private static List<Integer> lcsIndices(List<String> ref, List<String> can) {
    int[][] t = table(ref, can);
    int i = ref.size();
    int j = can.size();
    List<Integer> out = new ArrayList<>();
    while (i > 0 && j > 0) {
      if (ref.get(i - 1).equals(can.get(j - 1))) {
        out.add(i - 1);
        i--;
        j--;
      } else if (t[i][j - 1] > t[i - 1][j]) {
        j--;
      } else {
        i--;
      }
    }
    return out;
  }
}
