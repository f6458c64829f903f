package org.lmeval.api.cache;

import java.util.Collection;
import java.util.Map;

/**
 * Opaque string values by namespace and key. The kernel builds the namespace from the model's fingerprint
 * and the request type, the key from the request's canonical form, and writes after every batch.
 */
public interface ResponseCache extends AutoCloseable {
  /** The entries present among {@code keys}. */
  Map<String, String> getAll(String namespace, Collection<String> keys);

  /** Stores the entries durably before returning. */
  void putAll(String namespace, Map<String, String> entries);

  @Override
  void close();
}
