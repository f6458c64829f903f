package org.lmeval.api.cache;

import java.util.Objects;

/**
 * One stored response, as {@code lm-eval cache export} writes it and {@code import} reads it.
 *
 * @param namespace the namespace (model fingerprint and request type)
 * @param key the request's key
 * @param value the response, as the kernel encoded it
 * @param label the task that first asked for it, or null
 * @param createdMillis when it was stored (epoch milliseconds)
 */
public record CacheEntry(String namespace, String key, String value, String label, long createdMillis) {
  public CacheEntry {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
