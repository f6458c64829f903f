package org.lmeval.platform.eval;

import java.util.function.ToDoubleFunction;
import org.lmeval.api.support.PythonRandom;

/**
 * lm-eval's deterministic bootstrap ({@code bootstrap_stderr}): {@code iters // chunk} chunks of
 * {@code chunk = min(1000, iters)} replicates (the remainder is dropped); chunk {@code i} draws with
 * CPython's {@code random.Random(i)}, each replicate being {@code statistic(rng.choices(items, k=n))};
 * the result is the sample standard deviation of the replicates. Serial, and equal to lm-eval's
 * multiprocessing result, which is seeded the same way per chunk.
 */
public final class Bootstrap {
  /** lm-eval's chunk size. */
  public static final int CHUNK = 1000;

  private Bootstrap() {}

  /**
   * The bootstrap stderr of a statistic over {@code itemCount} items.
   *
   * @param itemCount the number of items (the resample size)
   * @param iters lm-eval's {@code bootstrap_iters} (positive)
   * @param statistic the statistic of one resample, given the resampled item indices in draw order
   *     (the array is reused between calls)
   * @return the sample standard deviation of the replicates; NaN when fewer than 2 replicates are drawn
   */
  public static double stderr(int itemCount, int iters, ToDoubleFunction<int[]> statistic) {
    if (iters <= 0) {
      throw new IllegalArgumentException("bootstrap iterations must be positive, got " + iters);
    }
    int chunk = Math.min(CHUNK, iters);
    int chunks = iters / chunk;
    double[] replicates = new double[chunks * chunk];
    int[] indices = new int[itemCount];
    double n = itemCount;
    int r = 0;
    for (int i = 0; i < chunks; i++) {
      PythonRandom rng = new PythonRandom(i);
      for (int j = 0; j < chunk; j++) {
        // rng.choices(items, k=n): items[floor(random() * n)], n times (PythonRandom#choices)
        for (int k = 0; k < itemCount; k++) {
          indices[k] = (int) Math.floor(rng.random() * n);
        }
        replicates[r++] = statistic.applyAsDouble(indices);
      }
    }
    return Stderr.sampleStddev(replicates);
  }
}
