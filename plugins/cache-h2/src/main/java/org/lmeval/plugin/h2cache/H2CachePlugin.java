package org.lmeval.plugin.h2cache;

import java.util.Collection;
import java.util.List;
import org.lmeval.api.Plugin;
import org.lmeval.api.cache.ResponseCacheFactory;

/** Contributes the response cache {@code h2}. */
public final class H2CachePlugin implements Plugin {
  @Override
  public Collection<ResponseCacheFactory> responseCaches() {
    return List.of(new H2ResponseCacheFactory());
  }
}
