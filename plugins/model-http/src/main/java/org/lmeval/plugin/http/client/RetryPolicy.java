package org.lmeval.plugin.http.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed call again, and how long to wait first.
 *
 * <p>Errors (connection failures, timeouts, 5xx, unreadable answers) are retried until {@code maxAttempts} attempts
 * have been made (lm-eval's {@code max_retries} counts attempts the same way). The wait before attempt
 * {@code n + 1} is exponential, {@code baseDelay * 2^(n-1)} capped at {@code maxDelay}, with "equal jitter" (a
 * uniform draw in its upper half) so that many calls failing together do not come back together.
 *
 * <p>Rate limits (429, or 503 with {@code Retry-After}) are the server asking for patience, not failures: they have
 * their own, larger budget ({@code maxRateLimitRetries}) and wait at least what {@code Retry-After} says.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, int maxRateLimitRetries) {
  /** The longest {@code Retry-After} honoured; a larger value is capped to it. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
  }

  /** lm-eval's defaults: 3 attempts, 1 s growing to 10 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 30);
  }

  /** The wait after the {@code failedAttempts}-th failure (1-based), with jitter. */
  public long backoffNanos(int failedAttempts) {
    long base = baseDelay.toNanos();
    long cap = Math.max(base, maxDelay.toNanos());
    int shift = Math.min(30, Math.max(0, failedAttempts - 1));
    long exp = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
    if (exp <= 0) {
      return 0;
    }
    long half = exp / 2;
    return half + ThreadLocalRandom.current().nextLong(exp - half + 1);
  }

  /** The wait after a rate limit: {@code Retry-After} (capped) plus up to 10% jitter, or the back-off. */
  public long rateLimitNanos(int rateLimits, long retryAfterNanos) {
    if (retryAfterNanos >= 0) {
      long capped = Math.min(retryAfterNanos, MAX_RETRY_AFTER.toNanos());
      return capped + ThreadLocalRandom.current().nextLong(capped / 10 + 1);
    }
    return backoffNanos(rateLimits);
  }
}
