package org.lmeval.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the test server does wrong, and when. Deterministic, so that a test knows its client must survive:
 *
 * <ul>
 *   <li>{@link #firstAttempts(Fault...)}: for each distinct request (path and body), attempt {@code k} gets the
 *       {@code k}-th fault; later attempts are answered normally;
 *   <li>{@link #everyNth(int, Fault)}: every {@code n}-th request the server receives gets the fault.
 * </ul>
 *
 * Faults touch only the model endpoints under {@code /v1/}, never the tokenizer endpoints.
 */
public final class FaultPlan {
  /** One way to fail. */
  public enum Fault {
    /** Answer normally. */
    NONE,
    /** 429 with {@code Retry-After}. */
    RATE_LIMIT,
    /** 500 with a JSON error. */
    SERVER_ERROR,
    /** Close the connection with a TCP reset after reading the request. */
    RESET,
    /** Announce the whole body, send half of it, close. */
    TRUNCATED,
    /** 200 with a body that is not JSON. */
    MALFORMED,
    /** Wait {@link #hang()} before answering normally (to trip the client's timeout). */
    HANG
  }

  private final List<Fault> firstAttempts;
  private final int everyN;
  private final Fault everyFault;
  private final Duration retryAfter;
  private final Duration hang;
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong injected = new AtomicLong();

  private FaultPlan(List<Fault> firstAttempts, int everyN, Fault everyFault, Duration retryAfter, Duration hang) {
    this.firstAttempts = List.copyOf(firstAttempts);
    this.everyN = everyN;
    this.everyFault = everyFault;
    this.retryAfter = retryAfter;
    this.hang = hang;
  }

  /** No faults. */
  public static FaultPlan none() {
    return new FaultPlan(List.of(), 0, Fault.NONE, Duration.ofMillis(50), Duration.ofSeconds(2));
  }

  /** Attempt k of each distinct request gets {@code faults[k-1]}. */
  public static FaultPlan firstAttempts(Fault... faults) {
    return new FaultPlan(List.of(faults), 0, Fault.NONE, Duration.ofMillis(50), Duration.ofSeconds(2));
  }

  /** Every n-th request gets {@code fault}. */
  public static FaultPlan everyNth(int n, Fault fault) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1");
    }
    return new FaultPlan(List.of(), n, fault, Duration.ofMillis(50), Duration.ofSeconds(2));
  }

  /** The {@code Retry-After} of {@link Fault#RATE_LIMIT} answers (sent in seconds, with decimals). */
  public FaultPlan withRetryAfter(Duration d) {
    return new FaultPlan(firstAttempts, everyN, everyFault, d, hang);
  }

  /** How long {@link Fault#HANG} waits. */
  public FaultPlan withHang(Duration d) {
    return new FaultPlan(firstAttempts, everyN, everyFault, retryAfter, d);
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public Duration hang() {
    return hang;
  }

  /** How many faults were injected so far. */
  public long injected() {
    return injected.get();
  }

  Fault decide(String path, String body) {
    long n = received.incrementAndGet();
    Fault f = Fault.NONE;
    if (!firstAttempts.isEmpty()) {
      int k = attempts.computeIfAbsent(path + '\n' + body, x -> new AtomicInteger()).getAndIncrement();
      if (k < firstAttempts.size()) {
        f = firstAttempts.get(k);
      }
    }
    if (f == Fault.NONE && everyN > 0 && n % everyN == 0) {
      f = everyFault;
    }
    if (f != Fault.NONE) {
      injected.incrementAndGet();
    }
    return f;
  }
}
