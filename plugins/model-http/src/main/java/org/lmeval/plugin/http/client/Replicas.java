package org.lmeval.plugin.http.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The servers a model's requests are spread over ({@code base_url} with several comma-separated URLs). Each
 * request goes to the reachable replica with the fewest requests in flight (ties in turn); a replica that refused a
 * connection rests for a while (1 s, doubling to 30 s while it keeps failing) and gets requests again after.
 */
final class Replicas {
  private static final long FIRST_REST_NANOS = 1_000_000_000L;
  private static final long LONGEST_REST_NANOS = 30_000_000_000L;

  /** One server. Mutable state is guarded by the enclosing {@link Replicas}. */
  static final class Replica {
    final String baseUrl;
    int inFlight;
    long restUntil;
    int consecutiveFailures;
    long served;

    Replica(String baseUrl) {
      this.baseUrl = baseUrl;
    }
  }

  private final List<Replica> replicas = new ArrayList<>();
  private int next;

  Replicas(List<String> baseUrls) {
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException("no base URL");
    }
    for (String u : baseUrls) {
      replicas.add(new Replica(u));
    }
  }

  synchronized Replica acquire(long now) {
    Replica best = null;
    int n = replicas.size();
    for (int k = 0; k < n; k++) {
      Replica r = replicas.get((next + k) % n);
      if (r.restUntil - now > 0) {
        continue;
      }
      if (best == null || r.inFlight < best.inFlight) {
        best = r;
      }
    }
    if (best == null) {
      for (Replica r : replicas) {
        if (best == null || r.restUntil - best.restUntil < 0) {
          best = r;
        }
      }
    }
    next = (next + 1) % n;
    best.inFlight++;
    best.served++;
    return best;
  }

  /** Gives a replica back; {@code unreachable} when the connection itself failed. */
  synchronized void release(Replica r, boolean unreachable, long now) {
    r.inFlight--;
    if (unreachable) {
      r.consecutiveFailures++;
      long rest = FIRST_REST_NANOS << Math.min(5, r.consecutiveFailures - 1);
      r.restUntil = now + Math.min(rest, LONGEST_REST_NANOS);
    } else {
      r.consecutiveFailures = 0;
    }
  }

  int size() {
    return replicas.size();
  }

  /** Requests sent to each replica so far, in {@code base_url} order. */
  synchronized List<Long> served() {
    return replicas.stream().map(r -> r.served).toList();
  }
}
