package org.lmeval.api.cache;

import java.util.Objects;

/**
 * The entries of one namespace and label.
 *
 * @param namespace the namespace (model fingerprint and request type)
 * @param label the task label, or null for entries stored without one
 * @param entries how many entries
 * @param valueChars the total length of their values, in characters
 * @param oldestMillis the oldest entry's time (epoch milliseconds)
 * @param newestMillis the newest entry's time (epoch milliseconds)
 */
public record CacheSummary(String namespace, String label, long entries, long valueChars, long oldestMillis,
    long newestMillis) {
  public CacheSummary {
    Objects.requireNonNull(namespace, "namespace");
  }
}
