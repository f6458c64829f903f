package org.lmeval.plugin.http.client;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One HTTP request to make and how to read its answer.
 *
 * @param method {@code POST} or {@code GET}
 * @param target maps a replica's {@code base_url} to the URL of this call (identity for OpenAI-style endpoints,
 *     whose {@code base_url} is the full endpoint)
 * @param body the JSON body of a POST, or null
 * @param parser reads a 2xx answer; any exception it throws counts as an unreadable answer (retried)
 * @param description what the call is for, for error messages ("loglikelihood request 12: 'Question: ...'");
 *     it never contains secrets
 * @param deduplicable whether identical calls of one batch may share one HTTP exchange (false for sampling)
 */
public record ApiCall<T>(String method, UnaryOperator<String> target, byte[] body, ResponseParser<T> parser,
    String description, boolean deduplicable) {
  public ApiCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(description, "description");
  }

  /** A POST of {@code body} to the replica's URL mapped by {@code target}. */
  public static <T> ApiCall<T> post(UnaryOperator<String> target, byte[] body, ResponseParser<T> parser,
      String description) {
    return new ApiCall<>("POST", target, body, parser, description, true);
  }

  /** A GET of the replica's URL mapped by {@code target}. */
  public static <T> ApiCall<T> get(UnaryOperator<String> target, ResponseParser<T> parser, String description) {
    return new ApiCall<>("GET", target, null, parser, description, true);
  }

  /** This call, never merged with an identical one (each sampled generation is its own draw). */
  public ApiCall<T> distinct() {
    return new ApiCall<>(method, target, body, parser, description, false);
  }
}
