package org.lmeval.platform.task;

/**
 * One prompt message (lm-eval's {@code Message}): role, content and the delimiter that follows it when the
 * prompt is rendered as plain text.
 */
record Message(String role, String content, String delimiter) {
  String toText() {
    return content + delimiter;
  }
}
