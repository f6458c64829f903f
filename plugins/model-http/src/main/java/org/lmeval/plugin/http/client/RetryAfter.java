package org.lmeval.plugin.http.client;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} header: delay-seconds (decimals accepted) or an HTTP-date. */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait in nanoseconds, or -1 when the header is absent or unreadable. */
  static long nanos(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    String v = header.trim();
    try {
      double seconds = Double.parseDouble(v);
      if (seconds >= 0 && Double.isFinite(seconds)) {
        return (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0);
      }
      return -1;
    } catch (NumberFormatException e) {
      // an HTTP-date, below
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      long ms = at.toEpochMilli() - now.toEpochMilli();
      return Math.max(0, ms) * 1_000_000L;
    } catch (DateTimeParseException e) {
      return -1;
    }
  }
}
