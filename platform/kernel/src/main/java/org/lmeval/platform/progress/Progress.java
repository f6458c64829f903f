package org.lmeval.platform.progress;

/** Reports long work as one bar per phase (lm-eval's tqdm bars), on stderr. */
public interface Progress {
  /** Starts a phase of {@code total} steps ("Running loglikelihood requests"). */
  Bar start(String phase, long total);

  /**
   * Starts a phase counting {@code unit}s; a total of -1 is unknown. {@link Unit#BYTES} bars scale their counts
   * and rate as tqdm's {@code unit="B", unit_scale=True} ({@code 1.20G/4.50G [00:12<00:33, 98.5MB/s]}), as
   * {@code huggingface_hub} shows downloads. (Implementations that know no units count plain steps.)
   */
  default Bar start(String phase, long total, Unit unit) {
    return start(phase, total);
  }

  /** What a bar counts. */
  enum Unit {
    /** Steps ({@code it/s}). */
    ITEMS,
    /** Bytes, scaled by 1000 ({@code k}, {@code M}, {@code G}, ...; {@code B/s}). */
    BYTES
  }

  /** One phase's bar. Closing it prints the final state. */
  interface Bar extends AutoCloseable {
    void advance(long steps);

    @Override
    void close();
  }

  /** Reports nothing (tests, embedding). */
  static Progress none() {
    return (phase, total) -> new Bar() {
      @Override
      public void advance(long steps) {}

      @Override
      public void close() {}
    };
  }
}
