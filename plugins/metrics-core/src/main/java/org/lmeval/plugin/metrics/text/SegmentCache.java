package org.lmeval.plugin.metrics.text;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Per-segment statistics of a corpus metric, computed once per (hypothesis, references) pair so that the
 * kernel's bootstrap, which rescores resampled corpora, only sums them again.
 *
 * @param <S> the statistics type
 */
final class SegmentCache<S> {
  private final Map<List<Object>, S> cache = new ConcurrentHashMap<>();
  private final BiFunction<String, List<String>, S> compute;

  SegmentCache(BiFunction<String, List<String>, S> compute) {
    this.compute = compute;
  }

  S get(String hyp, List<String> refs) {
    return cache.computeIfAbsent(List.of(hyp, refs), k -> compute.apply(hyp, refs));
  }
}
