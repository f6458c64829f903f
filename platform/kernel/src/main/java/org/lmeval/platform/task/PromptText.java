package org.lmeval.platform.task;

import java.util.List;

/** lm-eval's delimiter helpers ({@code maybe_delimit}, {@code requires_delimiter}) and plain-text rendering. */
final class PromptText {
  private PromptText() {}

  /** Joins prefix and suffix with the delimiter unless either is empty or has whitespace at the boundary. */
  static String maybeDelimit(String prefix, String suffix, String delimiter) {
    if (prefix == null || prefix.isEmpty()) {
      return suffix == null ? "" : suffix;
    }
    if (suffix == null || suffix.isEmpty()) {
      return prefix;
    }
    return PyText.endsWithSpace(prefix) || PyText.startsWithSpace(suffix) ? prefix + suffix
        : prefix + delimiter + suffix;
  }

  /** True if neither string has whitespace at the boundary (false when the prefix is empty). */
  static boolean requiresDelimiter(String prefix, String suffix) {
    if (prefix.isEmpty()) {
      return false;
    }
    return !(PyText.endsWithSpace(prefix) || PyText.startsWithSpace(suffix));
  }

  /** Plain-text rendering: every message's content followed by its delimiter. */
  static String plain(List<Message> messages) {
    StringBuilder sb = new StringBuilder();
    for (Message m : messages) {
      sb.append(m.content()).append(m.delimiter());
    }
    return sb.toString();
  }
}
