package org.lmeval.api.cache;

/** A running cache server ({@code lm-eval cache serve}); {@link #close()} stops it. */
public interface ResponseCacheServer extends AutoCloseable {
  /**
   * The location clients pass to {@code --use_cache}, with {@code <name>} where the cache's name goes, e.g.
   * {@code jdbc:h2:tcp://localhost:9092/<name>}.
   */
  String location();

  @Override
  void close();
}
