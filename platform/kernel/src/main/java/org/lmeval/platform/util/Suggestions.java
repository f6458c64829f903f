package org.lmeval.platform.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" suggestions for names users type: close matches by edit distance, best first (like
 * Python's {@code difflib.get_close_matches}, which lm-eval uses).
 */
public final class Suggestions {
  private Suggestions() {}

  /** Up to {@code max} names close to {@code typed}, best first; empty if none is close. */
  public static List<String> closest(String typed, Collection<String> names, int max) {
    String t = typed.toLowerCase(Locale.ROOT);
    record Scored(String name, double ratio) {}
    List<Scored> scored = new ArrayList<>();
    for (String name : names) {
      String n = name.toLowerCase(Locale.ROOT);
      int distance = levenshtein(t, n);
      double ratio = 1.0 - (double) distance / Math.max(1, Math.max(t.length(), n.length()));
      boolean prefix = !t.isEmpty() && (n.startsWith(t) || t.startsWith(n));
      if (ratio >= 0.6 || (prefix && Math.min(t.length(), n.length()) >= 3)) {
        scored.add(new Scored(name, prefix ? Math.max(ratio, 0.6) : ratio));
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::ratio).reversed().thenComparing(Scored::name));
    return scored.stream().limit(max).map(Scored::name).toList();
  }

  /**
   * A message tail for an unknown name: {@code "; did you mean 'x' or 'y'?"}, or, when nothing is close,
   * {@code "; valid names: a, b, c"} (at most 20 listed), or "" if there are no names at all.
   */
  public static String didYouMean(String typed, Collection<String> names) {
    List<String> close = closest(typed, names, 3);
    if (!close.isEmpty()) {
      return "; did you mean " + String.join(" or ", close.stream().map(n -> "'" + n + "'").toList()) + "?";
    }
    if (names.isEmpty()) {
      return "";
    }
    List<String> sorted = names.stream().sorted().toList();
    String listed = String.join(", ", sorted.subList(0, Math.min(20, sorted.size())));
    return "; valid names: " + listed + (sorted.size() > 20 ? ", ... (" + sorted.size() + " in all)" : "");
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
