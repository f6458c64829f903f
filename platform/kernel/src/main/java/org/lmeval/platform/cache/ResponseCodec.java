package org.lmeval.platform.cache;

import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingResult;

/**
 * How responses are stored as the cache's opaque strings: a loglikelihood result as {@code [logprob,greedy]}
 * ({@code [-1.25,true]}), a rolling result as its logprob ({@code -3.5}), a generation as the text itself.
 * Doubles are written in Java's shortest round-trip form, so a value read back is bit-for-bit the one stored.
 */
final class ResponseCodec {
  private ResponseCodec() {}

  static String encode(RequestType type, Object response) {
    return switch (type) {
      case LOGLIKELIHOOD -> {
        LoglikelihoodResult r = (LoglikelihoodResult) response;
        yield "[" + Double.toString(r.logprob()) + "," + r.greedy() + "]";
      }
      case LOGLIKELIHOOD_ROLLING -> Double.toString(((RollingResult) response).logprob());
      case GENERATE_UNTIL -> (String) response;
    };
  }

  /**
   * The response a stored value encodes.
   *
   * @throws IllegalArgumentException when the value is not a response of this type
   */
  static Object decode(RequestType type, String value) {
    return switch (type) {
      case LOGLIKELIHOOD -> {
        int comma = value.lastIndexOf(',');
        if (!value.startsWith("[") || !value.endsWith("]") || comma < 0) {
          throw new IllegalArgumentException("not [logprob,greedy]");
        }
        String greedy = value.substring(comma + 1, value.length() - 1);
        if (!greedy.equals("true") && !greedy.equals("false")) {
          throw new IllegalArgumentException("greedy is '" + greedy + "', not true or false");
        }
        yield new LoglikelihoodResult(number(value.substring(1, comma)), greedy.equals("true"));
      }
      case LOGLIKELIHOOD_ROLLING -> new RollingResult(number(value));
      case GENERATE_UNTIL -> value;
    };
  }

  private static double number(String text) {
    if (text.isEmpty() || Character.isWhitespace(text.charAt(0))
        || Character.isWhitespace(text.charAt(text.length() - 1))) {
      throw new IllegalArgumentException("'" + text + "' is not a number");
    }
    char last = text.charAt(text.length() - 1);
    if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
      throw new IllegalArgumentException("'" + text + "' is not a number");
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number");
    }
  }
}
