package org.lmeval.platform.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * lm-eval's delimiter helpers ({@code maybe_delimit}, {@code requires_delimiter}), plain-text rendering and the
 * message lists a chat template gets.
 */
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

  /** The messages as chat turns ({@code Message.to_dict}): role and content, delimiters dropped. */
  static List<Map<String, String>> chat(List<Message> messages) {
    List<Map<String, String>> out = new ArrayList<>(messages.size());
    for (Message m : messages) {
      out.add(turn(m.role(), m.content()));
    }
    return out;
  }

  /**
   * lm-eval's {@code multiturn_to_singleturn}: a leading system message stays; the rest becomes one user message
   * whose content is their plain-text rendering without the last delimiter, except that a final assistant message
   * (a {@code gen_prefix}) stays a separate turn.
   */
  static List<Map<String, String>> singleTurn(List<Message> messages) {
    boolean hasSystem = "system".equals(messages.get(0).role());
    List<Message> rest = new ArrayList<>(messages.subList(hasSystem ? 1 : 0, messages.size()));
    Message last = rest.get(rest.size() - 1);
    Message assistant = null;
    if ("assistant".equals(last.role())) {
      assistant = last;
      rest.remove(rest.size() - 1);
    }
    Message user = rest.get(rest.size() - 1);
    rest.set(rest.size() - 1, new Message(user.role(), user.content(), ""));
    List<Map<String, String>> out = new ArrayList<>(3);
    if (hasSystem) {
      out.add(turn("system", messages.get(0).content()));
    }
    out.add(turn("user", plain(rest)));
    if (assistant != null) {
      out.add(turn(assistant.role(), assistant.content()));
    }
    return out;
  }

  private static Map<String, String> turn(String role, String content) {
    Map<String, String> m = new LinkedHashMap<>(2);
    m.put("role", role);
    m.put("content", content);
    return m;
  }
}
