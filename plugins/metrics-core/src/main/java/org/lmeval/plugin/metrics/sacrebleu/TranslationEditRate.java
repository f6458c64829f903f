package org.lmeval.plugin.metrics.sacrebleu;

import java.util.ArrayList;
import java.util.List;

/**
 * The number of edits of Translation Edit Rate between two token lists, as sacrebleu 2.x computes it (its
 * Tercom re-implementation): greedy block shifts chosen by the reduction of a beam-limited edit distance, then
 * insertions, deletions and substitutions. Same constants, candidate order and tie-breaks as sacrebleu, so the
 * edit counts are identical.
 */
public final class TranslationEditRate {
  private static final int MAX_SHIFT_SIZE = 10;
  private static final int MAX_SHIFT_DIST = 50;
  private static final int BEAM_WIDTH = 25;
  private static final int MAX_SHIFT_CANDIDATES = 1000;
  private static final long INFINITY = 10_000_000_000_000_000L;

  private static final char NOP = ' ';
  private static final char SUB = 's';
  private static final char INS = 'i';
  private static final char DEL = 'd';
  private static final char UNDEF = 'x';

  private TranslationEditRate() {}

  /** Edits to turn {@code hyp} into {@code ref}, and the reference length. */
  public record Edits(long edits, int referenceLength) {}

  /** sacrebleu's {@code translation_edit_rate(words_hyp, words_ref)}. */
  public static Edits compute(List<String> hyp, List<String> ref) {
    if (ref.isEmpty()) {
      return new Edits(hyp.size(), 0);
    }
    BeamEditDistance distance = new BeamEditDistance(ref);
    long shifts = 0;
    List<String> input = hyp;
    int[] checked = {0};
    while (true) {
      Shift shift = bestShift(input, ref, distance, checked);
      if (checked[0] >= MAX_SHIFT_CANDIDATES) {
        break;
      }
      if (shift == null || shift.gain <= 0) {
        break;
      }
      shifts++;
      input = shift.words;
    }
    return new Edits(shifts + distance.compute(input).cost, ref.size());
  }

  private record Shift(long gain, int length, int startH, int target, List<String> words) {
    boolean betterThan(Shift other) {
      if (gain != other.gain) {
        return gain > other.gain;
      }
      if (length != other.length) {
        return length > other.length;
      }
      if (startH != other.startH) {
        return startH < other.startH; // compared as -start_h
      }
      return target < other.target; // compared as -idx; equal keys mean the same shift
    }
  }

  private static Shift bestShift(List<String> wordsH, List<String> wordsR, BeamEditDistance distance,
                                 int[] checked) {
    Result pre = distance.compute(wordsH);
    String trace = flip(pre.trace);
    Alignment a = Alignment.of(trace);
    Shift best = null;
    int nH = wordsH.size();
    int nR = wordsR.size();
    outer:
    for (int startH = 0; startH < nH; startH++) {
      for (int startR = 0; startR < nR; startR++) {
        if (Math.abs(startR - startH) > MAX_SHIFT_DIST) {
          continue;
        }
        int length = 0;
        while (wordsH.get(startH + length).equals(wordsR.get(startR + length)) && length < MAX_SHIFT_SIZE) {
          length++;
          best = consider(wordsH, startH, startR, length, a, distance, pre.cost, best, checked);
          if (checked[0] >= MAX_SHIFT_CANDIDATES) {
            break outer;
          }
          if (nH == startH + length || nR == startR + length) {
            break;
          }
        }
      }
    }
    return best;
  }

  private static Shift consider(List<String> wordsH, int startH, int startR, int length, Alignment a,
                                BeamEditDistance distance, long preScore, Shift best, int[] checked) {
    if (sum(a.hypErr, startH, startH + length) == 0 || sum(a.refErr, startR, startR + length) == 0) {
      return best;
    }
    int aligned = a.align[startR];
    if (startH <= aligned && aligned < startH + length) {
      return best;
    }
    int prevIdx = -1;
    for (int offset = -1; offset < length; offset++) {
      int idx;
      int r = startR + offset;
      if (r == -1) {
        idx = 0;
      } else if (r < a.align.length) {
        idx = a.align[r] + 1;
      } else {
        break;
      }
      if (idx == prevIdx) {
        continue;
      }
      prevIdx = idx;
      List<String> shifted = performShift(wordsH, startH, length, idx);
      Shift candidate = new Shift(preScore - distance.compute(shifted).cost, length, startH, idx, shifted);
      checked[0]++;
      if (best == null || candidate.betterThan(best)) {
        best = candidate;
      }
    }
    return best;
  }

  private static int sum(List<Integer> xs, int from, int to) {
    int s = 0;
    for (int i = from; i < Math.min(to, xs.size()); i++) {
      s += xs.get(i);
    }
    return s;
  }

  /** Moves {@code words[start:start+length]} to {@code target}, with Python's clamped slices. */
  static List<String> performShift(List<String> words, int start, int length, int target) {
    List<String> out = new ArrayList<>(words.size());
    if (target < start) {
      out.addAll(slice(words, 0, target));
      out.addAll(slice(words, start, start + length));
      out.addAll(slice(words, target, start));
      out.addAll(slice(words, start + length, words.size()));
    } else if (target > start + length) {
      out.addAll(slice(words, 0, start));
      out.addAll(slice(words, start + length, target));
      out.addAll(slice(words, start, start + length));
      out.addAll(slice(words, target, words.size()));
    } else {
      out.addAll(slice(words, 0, start));
      out.addAll(slice(words, start + length, length + target));
      out.addAll(slice(words, start, start + length));
      out.addAll(slice(words, length + target, words.size()));
    }
    return out;
  }

  private static List<String> slice(List<String> words, int from, int to) {
    int a = Math.min(Math.max(from, 0), words.size());
    int b = Math.min(Math.max(to, 0), words.size());
    return a < b ? words.subList(a, b) : List.of();
  }

  private static String flip(String trace) {
    StringBuilder sb = new StringBuilder(trace.length());
    for (int i = 0; i < trace.length(); i++) {
      char c = trace.charAt(i);
      sb.append(c == INS ? DEL : c == DEL ? INS : c);
    }
    return sb.toString();
  }

  /** sacrebleu's {@code trace_to_alignment}: reference position to hypothesis position, and error flags. */
  private record Alignment(int[] align, List<Integer> refErr, List<Integer> hypErr) {
    static Alignment of(String trace) {
      int posHyp = -1;
      int posRef = -1;
      List<Integer> hypErr = new ArrayList<>();
      List<Integer> refErr = new ArrayList<>();
      List<Integer> align = new ArrayList<>();
      for (int i = 0; i < trace.length(); i++) {
        char op = trace.charAt(i);
        switch (op) {
          case NOP, SUB -> {
            posHyp++;
            posRef++;
            align.add(posHyp);
            int err = op == SUB ? 1 : 0;
            hypErr.add(err);
            refErr.add(err);
          }
          case INS -> {
            posHyp++;
            hypErr.add(1);
          }
          case DEL -> {
            posRef++;
            align.add(posHyp);
            refErr.add(1);
          }
          default -> throw new IllegalStateException("unknown edit operation " + op);
        }
      }
      return new Alignment(align.stream().mapToInt(Integer::intValue).toArray(), refErr, hypErr);
    }
  }

  private record Result(long cost, String trace) {}

  /** sacrebleu's {@code BeamEditDistance} (its row cache only saves time, so it is left out). */
  private static final class BeamEditDistance {
    private final List<String> ref;

    BeamEditDistance(List<String> ref) {
      this.ref = ref;
    }

    Result compute(List<String> hyp) {
      int nH = hyp.size();
      int nR = ref.size();
      long[][] cost = new long[nH + 1][nR + 1];
      char[][] op = new char[nH + 1][nR + 1];
      for (int j = 0; j <= nR; j++) {
        cost[0][j] = j;
        op[0][j] = INS;
      }
      for (int i = 1; i <= nH; i++) {
        java.util.Arrays.fill(cost[i], INFINITY);
        java.util.Arrays.fill(op[i], UNDEF);
      }
      double lengthRatio = nH > 0 ? (double) nR / nH : 1;
      int beamWidth = BEAM_WIDTH < lengthRatio / 2 ? (int) Math.ceil(lengthRatio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
      for (int i = 1; i <= nH; i++) {
        int pseudoDiag = (int) Math.floor(i * lengthRatio);
        int minJ = Math.max(0, pseudoDiag - beamWidth);
        int maxJ = i == nH ? nR + 1 : Math.min(nR + 1, pseudoDiag + beamWidth);
        for (int j = minJ; j < maxJ; j++) {
          if (j == 0) {
            cost[i][0] = cost[i - 1][0] + 1;
            op[i][0] = DEL;
            continue;
          }
          boolean same = hyp.get(i - 1).equals(ref.get(j - 1));
          long sub = cost[i - 1][j - 1] + (same ? 0 : 1);
          if (cost[i][j] > sub) {
            cost[i][j] = sub;
            op[i][j] = same ? NOP : SUB;
          }
          long del = cost[i - 1][j] + 1;
          if (cost[i][j] > del) {
            cost[i][j] = del;
            op[i][j] = DEL;
          }
          long ins = cost[i][j - 1] + 1;
          if (cost[i][j] > ins) {
            cost[i][j] = ins;
            op[i][j] = INS;
          }
        }
      }
      StringBuilder trace = new StringBuilder();
      int i = nH;
      int j = nR;
      while (i > 0 || j > 0) {
        char o = op[i][j];
        trace.append(o);
        switch (o) {
          case SUB, NOP -> {
            i--;
            j--;
          }
          case INS -> j--;
          case DEL -> i--;
          default -> throw new IllegalStateException("unknown edit operation " + o);
        }
      }
      return new Result(cost[nH][nR], trace.reverse().toString());
    }
  }
}
