package org.lmeval.platform.boundary;

import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.Options;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.cache.ResponseCacheFactory;
import org.lmeval.api.cache.ResponseCacheServer;

/**
 * A plugin's {@link ResponseCacheFactory} behind the boundary: {@link #open} rejects options the factory did not
 * read and returns a {@link ClassLoaderSafeResponseCache}. Failures are {@code CACHE_FAILURE}.
 */
public final class ClassLoaderSafeResponseCacheFactory implements ResponseCacheFactory {
  private final ResponseCacheFactory delegate;
  private final Boundary boundary;
  private final String name;
  private final String component;

  public ClassLoaderSafeResponseCacheFactory(ResponseCacheFactory delegate, Boundary boundary) {
    this.delegate = delegate;
    this.boundary = boundary;
    this.name = Wrappers.name(boundary, "response cache", delegate::name);
    this.component = "response cache '" + name + "'";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ResponseCache open(Options options) {
    ResponseCache cache = boundary.call(component, "open", ErrorCode.CACHE_FAILURE, () -> delegate.open(options));
    ResultValidator.notNull(boundary, component, "open", ErrorCode.CACHE_FAILURE, cache, "the cache");
    ClassLoaderSafeResponseCache safe = new ClassLoaderSafeResponseCache(cache, component, boundary);
    try {
      UnreadOptions.check(options, "cache option", "response cache '" + name + "'", Set.of());
    } catch (RuntimeException e) {
      try {
        safe.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return safe;
  }

  @Override
  public ResponseCacheServer serve(Options options) {
    ResponseCacheServer server = boundary.call(component, "serve", ErrorCode.CACHE_FAILURE,
        () -> delegate.serve(options));
    ResultValidator.notNull(boundary, component, "serve", ErrorCode.CACHE_FAILURE, server, "the server");
    String location = boundary.call(component, "location()", ErrorCode.CACHE_FAILURE, server::location);
    return new ResponseCacheServer() {
      @Override
      public String location() {
        return location;
      }

      @Override
      public void close() {
        boundary.run(component, "closing the server", ErrorCode.CACHE_FAILURE, server::close);
      }
    };
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
