package org.lmeval.platform.progress;

/** Reports long work as one bar per phase (lm-eval's tqdm bars), on stderr. */
public interface Progress {
  /** Starts a phase of {@code total} steps ("Running loglikelihood requests"). */
  Bar start(String phase, long total);

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
