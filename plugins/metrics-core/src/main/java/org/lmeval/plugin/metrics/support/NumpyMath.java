package org.lmeval.plugin.metrics.support;

/**
 * numpy's float64 arithmetic where its order of operations shows in the last bits: {@code np.sum} and
 * {@code np.mean} (pairwise summation in blocks of 128 with 8 accumulators), {@code np.argmax} (first maximum,
 * NaN wins) and lm-eval's {@code softmax}.
 */
public final class NumpyMath {
  private static final int BLOCK = 128;

  private NumpyMath() {}

  /** {@code np.sum} of a 1-D float64 array (and of one row in a 2-D {@code axis=1} sum). */
  public static double sum(double[] x) {
    return sum(x, 0, x.length);
  }

  /** {@code np.sum} of {@code x[from, to)}. */
  public static double sum(double[] x, int from, int to) {
    return 0.0 + pairwise(x, from, to - from);
  }

  /** {@code np.mean}: the pairwise sum divided by the count; NaN for an empty array. */
  public static double mean(double[] x) {
    return sum(x) / x.length;
  }

  private static double pairwise(double[] a, int off, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[off + i];
      }
      return res;
    }
    if (n <= BLOCK) {
      double r0 = a[off];
      double r1 = a[off + 1];
      double r2 = a[off + 2];
      double r3 = a[off + 3];
      double r4 = a[off + 4];
      double r5 = a[off + 5];
      double r6 = a[off + 6];
      double r7 = a[off + 7];
      int i = 8;
      for (; i < n - (n % 8); i += 8) {
        r0 += a[off + i];
        r1 += a[off + i + 1];
        r2 += a[off + i + 2];
        r3 += a[off + i + 3];
        r4 += a[off + i + 4];
        r5 += a[off + i + 5];
        r6 += a[off + i + 6];
        r7 += a[off + i + 7];
      }
      double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < n; i++) {
        res += a[off + i];
      }
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
  }

  /** {@code np.argmax}: the first index of the maximum; a NaN is the maximum (its first occurrence wins). */
  public static int argmax(double[] x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("argmax of an empty sequence");
    }
    int best = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i])) {
        return i;
      }
      if (x[i] > x[best]) {
        best = i;
      }
    }
    return best;
  }

  /** {@code np.max}: NaN if any element is NaN. */
  public static double max(double[] x) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * lm-eval's {@code utils.softmax}: {@code e = exp(x - max(x)); e / e.sum()}. numpy's vectorised {@code exp}
   * may differ from {@link Math#exp} in the last bit on some CPUs, so the result can differ by an ulp.
   */
  public static double[] softmax(double[] x) {
    double m = max(x);
    double[] e = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      e[i] = Math.exp(x[i] - m);
    }
    double s = sum(e);
    for (int i = 0; i < e.length; i++) {
      e[i] = e[i] / s;
    }
    return e;
  }
}
