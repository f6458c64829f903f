package org.lmeval.platform.eval;

/**
 * lm-eval's group arithmetic ({@code lm_eval/api/metrics.py}: {@code pooled_sample_stderr},
 * {@code unweighted_mean_stderr}, {@code aggregate_subtask_metrics}) with CPython 3.11's float semantics
 * (plain left-to-right sums). The per-task formulas ({@code mean}, {@code sample_stddev},
 * {@code mean_stderr}) are {@link org.lmeval.platform.python.PythonMath}'s.
 */
public final class Stderr {
  private Stderr() {}

  /**
   * {@code pooled_sample_stderr}: a group's stderr from its leaf tasks' stderrs and sizes,
   * {@code sqrt(sum((n-1) * s**2 * n) / (sum(n) - K) / sum(n))}. NaN when {@code sum(n) == K}, where
   * lm-eval divides by zero.
   */
  public static double pooled(double[] stderrs, long[] sizes) {
    if (stderrs.length != sizes.length) {
      throw new IllegalArgumentException("stderrs and sizes differ in length");
    }
    double numerator = 0;
    long total = 0;
    for (int i = 0; i < stderrs.length; i++) {
      numerator += (sizes[i] - 1) * (stderrs[i] * stderrs[i]) * sizes[i];
      total += sizes[i];
    }
    long dof = total - stderrs.length;
    if (dof == 0) {
      return Double.NaN;
    }
    return Math.sqrt(numerator / dof / total);
  }

  /** {@code unweighted_mean_stderr}: {@code sqrt(sum(s**2)) / K}, for groups with {@code weight_by_size: false}. */
  public static double unweightedMean(double[] stderrs) {
    double acc = 0;
    for (double s : stderrs) {
      acc += s * s;
    }
    return Math.sqrt(acc) / stderrs.length;
  }

  /**
   * {@code aggregate_subtask_metrics}: {@code sum(v * w) / sum(w)} with {@code w = size}, or 1 when not
   * weighting by size.
   */
  public static double weightedMean(double[] values, long[] sizes, boolean weightBySize) {
    double acc = 0;
    long total = 0;
    for (int i = 0; i < values.length; i++) {
      long w = weightBySize ? sizes[i] : 1;
      acc += values[i] * w;
      total += w;
    }
    return acc / total;
  }
}
