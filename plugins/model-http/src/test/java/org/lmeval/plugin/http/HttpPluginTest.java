package org.lmeval.plugin.http;

import org.junit.jupiter.api.Test;
import org.lmeval.testkit.PluginHarness;

/** The plugin registers lm-eval's API model names through the real registry. */
class HttpPluginTest {
  @Test
  void registersLmEvalsApiModelNames() {
    try (PluginHarness h = PluginHarness.load(HttpPlugin.class)) {
      h.assertComponents("model local-completions", "model openai-completions", "model local-chat-completions",
          "model openai-chat-completions", "model azure-openai-chat-completions", "model anthropic-chat", "model anthropic-chat-completions",
          "model anthropic-completions", "model textsynth", "model gguf", "model ggml");
    }
  }
}
