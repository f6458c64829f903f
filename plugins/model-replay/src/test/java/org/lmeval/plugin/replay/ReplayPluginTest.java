package org.lmeval.plugin.replay;

import org.junit.jupiter.api.Test;
import org.lmeval.testkit.PluginHarness;

class ReplayPluginTest {
  @Test
  void registersTheReplayModelThroughTheKernel() {
    try (PluginHarness h = PluginHarness.load(ReplayPlugin.class)) {
      h.assertComponents("model replay");
    }
  }
}
