package org.lmeval.plugin.metrics;

import static org.junit.jupiter.api.Assertions.fail;

/** Float comparison in units in the last place, for values computed with libm or SIMD {@code exp}/{@code log}. */
public final class Ulps {
  private Ulps() {}

  /** The distance in ulps between two doubles (0 for equal values, both NaN, or +0/-0). */
  public static long distance(double a, double b) {
    if (Double.isNaN(a) && Double.isNaN(b) || a == b) {
      return 0;
    }
    if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
      return Long.MAX_VALUE;
    }
    long x = Double.doubleToLongBits(a);
    long y = Double.doubleToLongBits(b);
    x = x < 0 ? Long.MIN_VALUE - x : x;
    y = y < 0 ? Long.MIN_VALUE - y : y;
    return Math.abs(x - y);
  }

  public static void assertClose(double expected, double actual, long maxUlps, String message) {
    long d = distance(expected, actual);
    if (d > maxUlps) {
      fail(message + ": expected " + expected + " but was " + actual + " (" + d + " ulps apart)");
    }
  }
}
