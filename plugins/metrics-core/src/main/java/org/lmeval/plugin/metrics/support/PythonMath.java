package org.lmeval.plugin.metrics.support;

import java.util.List;

/** CPython 3.11 float arithmetic as lm-eval's pure-Python metrics use it. */
public final class PythonMath {
  /** {@code math.log(2)}. */
  public static final double LN2 = 0.6931471805599453;

  private PythonMath() {}

  /**
   * The built-in {@code sum} of floats on CPython 3.11: plain left-to-right addition starting from 0 (3.12+
   * compensates; lm-eval's reference numbers here are from 3.11).
   */
  public static double sum(double[] x) {
    double s = 0.0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  /** {@link #sum(double[])} of boxed numbers. */
  public static double sum(List<? extends Number> x) {
    double s = 0.0;
    for (Number v : x) {
      s += v.doubleValue();
    }
    return s;
  }

  /** lm-eval's {@code mean}: {@code sum(x) / len(x)}. */
  public static double mean(double[] x) {
    if (x.length == 0) {
      throw new ArithmeticException("mean of an empty list (ZeroDivisionError in lm-eval)");
    }
    return sum(x) / x.length;
  }
}
