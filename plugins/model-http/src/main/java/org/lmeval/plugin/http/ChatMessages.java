package org.lmeval.plugin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;

/**
 * The messages of a chat request. A context that is a JSON list of {@code {"role", "content"}} objects (what
 * lm-eval's {@code apply_chat_template} produces for API models, {@code JsonChatStr}) is sent as those messages;
 * any other context becomes one user message.
 */
final class ChatMessages {
  private ChatMessages() {}

  static ArrayNode of(String context, ObjectMapper json) {
    String s = context.stripLeading();
    if (s.startsWith("[")) {
      try {
        JsonNode n = json.readTree(context);
        if (n != null && n.isArray() && !n.isEmpty() && allMessages(n)) {
          return (ArrayNode) n;
        }
      } catch (IOException e) {
        // plain text
      }
    }
    ArrayNode messages = json.createArrayNode();
    messages.addObject().put("role", "user").put("content", context);
    return messages;
  }

  private static boolean allMessages(JsonNode n) {
    for (JsonNode m : n) {
      if (!m.isObject() || !m.has("role") || !m.has("content") || !m.get("role").isTextual()) {
        return false;
      }
    }
    return true;
  }
}
