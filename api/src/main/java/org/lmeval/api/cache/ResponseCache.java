package org.lmeval.api.cache;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Opaque string values by namespace and key. The kernel builds the namespace from the model's fingerprint
 * and the request type, the key from the request's canonical form, and writes after every batch.
 *
 * <p>Contract: {@link #getAll} returns only entries that were written by {@link #putAll} (or imported) with exactly
 * these namespace, key and value; a cache that finds an entry damaged throws {@code EvalException(CACHE_FAILURE)}
 * rather than return it. {@link #putAll} is durable when it returns: a process killed right after still finds
 * the entries when it opens the cache again. An entry already present is kept (first writer wins), so
 * concurrent writers of the same key never change a value a reader has seen.
 *
 * <p>The administration methods ({@link #summary}, {@link #prune}, {@link #forEachEntry},
 * {@link #importEntries}) back {@code lm-eval cache stats|ls|prune|export|import}; a cache that does not keep
 * what they need throws {@code CACHE_FAILURE} saying so.
 */
public interface ResponseCache extends AutoCloseable {
  /** The entries present among {@code keys}. */
  Map<String, String> getAll(String namespace, Collection<String> keys);

  /** Stores the entries durably before returning. */
  void putAll(String namespace, Map<String, String> entries);

  /**
   * As {@link #putAll(String, Map)}, with a label per key (the task that asked for it) that administration
   * shows; keys without a label are stored without one. Caches that keep no labels ignore them.
   */
  default void putAll(String namespace, Map<String, String> entries, Map<String, String> labels) {
    putAll(namespace, entries);
  }

  /** One line saying what and where this cache is, e.g. {@code H2 file /data/c.mv.db (12.5 MB), schema 1}. */
  default String describe() {
    return getClass().getSimpleName();
  }

  /** Entry counts per namespace and label. */
  default List<CacheSummary> summary() {
    throw unsupported("statistics");
  }

  /**
   * Removes the entries of the given namespaces written before {@code createdBeforeMillis} (epoch
   * milliseconds; {@code Long.MAX_VALUE} for any age). An empty set removes nothing.
   *
   * @return the number of entries removed
   */
  default long prune(Set<String> namespaces, long createdBeforeMillis) {
    throw unsupported("pruning");
  }

  /** Passes every entry to {@code sink}, namespace by namespace. */
  default void forEachEntry(Consumer<CacheEntry> sink) {
    throw unsupported("export");
  }

  /**
   * Adds entries as they were exported (with their label and time); entries whose key is already present are
   * kept as they are.
   *
   * @return the number of entries added
   */
  default long importEntries(Collection<CacheEntry> entries) {
    throw unsupported("import");
  }

  @Override
  void close();

  private EvalException unsupported(String what) {
    return new EvalException(ErrorCode.CACHE_FAILURE, "the response cache " + describe() + " does not support "
        + what);
  }
}
