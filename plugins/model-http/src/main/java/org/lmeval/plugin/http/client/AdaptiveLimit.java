package org.lmeval.plugin.http.client;

/**
 * The number of requests allowed in flight, between 1 and the user's {@code num_concurrent}: additive increase,
 * multiplicative decrease (AIMD, as TCP does). A rate limit halves it, once per "generation" so that the many
 * requests already in flight when the server started refusing count as one signal; every {@code limit} successful
 * answers raise it by one, back up to the maximum.
 */
final class AdaptiveLimit {
  private final int max;
  private double limit;
  private long generation;
  private int lowest;

  AdaptiveLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1, got " + max);
    }
    this.max = max;
    this.limit = max;
    this.lowest = max;
  }

  synchronized int current() {
    return (int) limit;
  }

  /** Stamped on each request when it starts; a rate limit only counts if nothing lowered the limit since. */
  synchronized long generation() {
    return generation;
  }

  synchronized void onRateLimited(long requestGeneration) {
    if (requestGeneration == generation) {
      limit = Math.max(1, Math.floor(limit / 2));
      generation++;
      lowest = Math.min(lowest, (int) limit);
    }
  }

  /** Returns whether the limit rose to a new whole number (a request more may start). */
  synchronized boolean onSuccess() {
    if (limit < max) {
      int before = (int) limit;
      limit = Math.min(max, limit + 1.0 / Math.floor(limit));
      return (int) limit > before;
    }
    return false;
  }

  int max() {
    return max;
  }

  synchronized int lowest() {
    return lowest;
  }
}
