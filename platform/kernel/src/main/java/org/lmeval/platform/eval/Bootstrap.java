package org.lmeval.platform.eval;

import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.lmeval.api.support.PythonRandom;
import org.lmeval.platform.python.PythonMath;

/**
 * lm-eval's deterministic bootstrap ({@code bootstrap_stderr}): {@code iters // chunk} chunks of
 * {@code chunk = min(1000, iters)} replicates (the remainder is dropped); chunk {@code i} draws with
 * CPython's {@code random.Random(i)}, each replicate being {@code statistic(rng.choices(items, k=n))};
 * the result is the sample standard deviation of the replicates, in chunk order. Equal to lm-eval's
 * multiprocessing result, which is seeded the same way per chunk; the parallel variant computes chunks
 * on several threads and gives the same bits as the serial one.
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
    int chunk = chunkSize(iters);
    double[] replicates = new double[iters / chunk * chunk];
    int[] indices = new int[itemCount];
    for (int i = 0; i < iters / chunk; i++) {
      runChunk(i, chunk, indices, statistic, replicates);
    }
    return stddev(replicates);
  }

  /**
   * The same as {@link #stderr(int, int, ToDoubleFunction)}, with chunks computed in parallel (on the
   * common fork-join pool). Each chunk gets its own statistic from {@code statistics}, so a statistic may
   * keep per-call buffers; what it calls into (an {@code Aggregation}) must be thread-safe.
   */
  public static double stderrParallel(int itemCount, int iters, Supplier<ToDoubleFunction<int[]>> statistics) {
    int chunk = chunkSize(iters);
    double[] replicates = new double[iters / chunk * chunk];
    IntStream.range(0, iters / chunk).parallel()
        .forEach(i -> runChunk(i, chunk, new int[itemCount], statistics.get(), replicates));
    return stddev(replicates);
  }

  /** {@code sample_stddev(replicates)}; NaN for a single replicate, where lm-eval divides by zero. */
  private static double stddev(double[] replicates) {
    return replicates.length < 2 ? Double.NaN : PythonMath.sampleStddev(replicates);
  }

  private static int chunkSize(int iters) {
    if (iters <= 0) {
      throw new IllegalArgumentException("bootstrap iterations must be positive, got " + iters);
    }
    return Math.min(CHUNK, iters);
  }

  /** Chunk {@code i}: {@code Random(i)}, {@code chunk} replicates stored from {@code i * chunk}. */
  private static void runChunk(int i, int chunk, int[] indices, ToDoubleFunction<int[]> statistic,
      double[] replicates) {
    PythonRandom rng = new PythonRandom(i);
    double n = indices.length;
    for (int j = 0; j < chunk; j++) {
      // rng.choices(items, k=n): items[floor(random() * n)], n times (PythonRandom#choices)
      for (int k = 0; k < indices.length; k++) {
        indices[k] = (int) Math.floor(rng.random() * n);
      }
      replicates[i * chunk + j] = statistic.applyAsDouble(indices);
    }
  }
}
