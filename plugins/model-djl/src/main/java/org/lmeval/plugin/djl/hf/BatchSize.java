package org.lmeval.plugin.djl.hf;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * lm-eval's {@code batch_size}: a fixed N, {@code auto} (detect once), or {@code auto:N} (detect N times
 * across the sorted requests), with {@code max_batch_size} as the start of detection.
 *
 * @param fixed the fixed size, or 0 for auto
 * @param schedule how many times auto detection runs over one call's requests (1 for {@code auto})
 * @param max {@code max_batch_size}
 */
record BatchSize(int fixed, int schedule, int max) {

  /** Parses {@code batch_size} (an int or "N", "auto", "auto:N") and {@code max_batch_size}. */
  static BatchSize parse(String value, int max) {
    if (max < 1) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'max_batch_size' must be >= 1, got " + max);
    }
    String v = value.trim();
    if (v.equals("auto")) {
      return new BatchSize(0, 1, max);
    }
    if (v.startsWith("auto:")) {
      return new BatchSize(0, positive(v.substring(5), value), max);
    }
    return new BatchSize(positive(v, value), 0, max);
  }

  private static int positive(String digits, String original) {
    try {
      int n = Integer.parseInt(digits.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EvalException(ErrorCode.INVALID_ARGUMENT,
        "model arg 'batch_size' must be a positive integer, 'auto' or 'auto:N', got '" + original + "'");
  }

  boolean auto() {
    return fixed == 0;
  }

  /** What the kernel should send per call: the fixed size, or max_batch_size for auto. */
  int preferred() {
    return auto() ? max : fixed;
  }
}
