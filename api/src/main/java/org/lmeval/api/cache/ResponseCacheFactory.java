package org.lmeval.api.cache;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;

/** A kind of response cache ({@code h2}, ...). */
public interface ResponseCacheFactory {
  String name();

  /** Opens the cache at {@code options.location}; fails with {@code CACHE_FAILURE} if it cannot be used. */
  ResponseCache open(Options options);

  /**
   * Starts a server that lets several processes or machines share caches ({@code lm-eval cache serve}); it runs
   * until closed. Fails with {@code CACHE_FAILURE} if it cannot start or this kind of cache has no server.
   */
  default ResponseCacheServer serve(Options options) {
    throw new EvalException(ErrorCode.CACHE_FAILURE, "the response cache '" + name() + "' has no server");
  }
}
