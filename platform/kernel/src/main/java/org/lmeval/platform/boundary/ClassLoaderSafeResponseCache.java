package org.lmeval.platform.boundary;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.cache.CacheEntry;
import org.lmeval.api.cache.CacheSummary;
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
  public void putAll(String namespace, Map<String, String> entries, Map<String, String> labels) {
    boundary.run(component, "putAll of " + entries.size() + " entries in namespace '" + namespace + "'",
        ErrorCode.CACHE_FAILURE, () -> delegate.putAll(namespace, entries, labels));
  }

  @Override
  public String describe() {
    String description = boundary.call(component, "describe()", ErrorCode.CACHE_FAILURE, delegate::describe);
    return description == null ? component : description;
  }

  @Override
  public List<CacheSummary> summary() {
    List<CacheSummary> summary = boundary.call(component, "summary()", ErrorCode.CACHE_FAILURE, delegate::summary);
    return ResultValidator.noNulls(boundary, component, "summary()", ErrorCode.CACHE_FAILURE, summary,
        i -> "row " + i);
  }

  @Override
  public long prune(Set<String> namespaces, long createdBeforeMillis) {
    return boundary.call(component, "prune of " + namespaces.size() + " namespaces", ErrorCode.CACHE_FAILURE,
        () -> delegate.prune(namespaces, createdBeforeMillis));
  }

  @Override
  public void forEachEntry(Consumer<CacheEntry> sink) {
    boundary.run(component, "forEachEntry", ErrorCode.CACHE_FAILURE, () -> delegate.forEachEntry(sink));
  }

  @Override
  public long importEntries(Collection<CacheEntry> entries) {
    return boundary.call(component, "import of " + entries.size() + " entries", ErrorCode.CACHE_FAILURE,
        () -> delegate.importEntries(entries));
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
