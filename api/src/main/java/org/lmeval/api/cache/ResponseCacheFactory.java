package org.lmeval.api.cache;

import org.lmeval.api.Options;

/** A kind of response cache ({@code h2}, ...). */
public interface ResponseCacheFactory {
  String name();

  /** Opens the cache at {@code options.location}; fails with {@code CACHE_FAILURE} if it cannot be used. */
  ResponseCache open(Options options);
}
