package org.lmeval.platform.boundary;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.cache.ResponseCache;

/** An opened response cache behind the boundary; failures are {@code CACHE_FAILURE}. */
public final class ClassLoaderSafeResponseCache implements ResponseCache {
  private final ResponseCache delegate;
  private final String component;
  private final Boundary boundary;

  public ClassLoaderSafeResponseCache(ResponseCache delegate, String component, Boundary boundary) {
    this.delegate = delegate;
    this.component = component;
    this.boundary = boundary;
  }

  @Override
  public Map<String, String> getAll(String namespace, Collection<String> keys) {
    String operation = "getAll of " + keys.size() + " keys in namespace '" + namespace + "'";
    Map<String, String> found = boundary.call(component, operation, ErrorCode.CACHE_FAILURE,
        () -> delegate.getAll(namespace, keys));
    ResultValidator.notNull(boundary, component, operation, ErrorCode.CACHE_FAILURE, found, "the map");
    Set<String> asked = keys instanceof Set<String> set ? set : new HashSet<>(keys);
    for (Map.Entry<String, String> e : found.entrySet()) {
      if (e.getValue() == null || !asked.contains(e.getKey())) {
        throw boundary.invalidResult(component, operation, ErrorCode.CACHE_FAILURE, "entry '" + e.getKey()
            + "' " + (e.getValue() == null ? "has a null value" : "was not asked for"));
      }
    }
    return Map.copyOf(found);
  }

  @Override
  public void putAll(String namespace, Map<String, String> entries) {
    boundary.run(component, "putAll of " + entries.size() + " entries in namespace '" + namespace + "'",
        ErrorCode.CACHE_FAILURE, () -> delegate.putAll(namespace, entries));
  }

  @Override
  public void close() {
    boundary.run(component, "close()", ErrorCode.CACHE_FAILURE, delegate::close);
  }

  @Override
  public String toString() {
    return boundary.describe(component);
  }
}
