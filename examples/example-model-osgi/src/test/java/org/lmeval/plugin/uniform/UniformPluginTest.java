package org.lmeval.plugin.uniform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.testkit.PluginHarness;

class UniformPluginTest {
  @Test
  void registersUniformBytes() {
    try (PluginHarness h = PluginHarness.load(UniformPlugin.class)) {
      h.assertComponents("model uniform-bytes");
      // The kernel's own model args are accepted even though the backend reads none.
      h.registry().modelBackends().get("uniform-bytes")
          .open(Options.of("model arg", Map.of("batch_size", 16, "device", "cpu"))).close();
    }
  }

  @Test
  void rejectsModelArgsItDoesNotTake() {
    try (PluginHarness h = PluginHarness.load(UniformPlugin.class)) {
      EvalException e = assertThrows(EvalException.class, () -> h.registry().modelBackends().get("uniform-bytes")
          .open(Options.of("model arg", Map.of("pretrained", "gpt2"))));
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
      assertEquals("unknown model arg 'pretrained' for model 'uniform-bytes'; it takes no model args", e.getMessage());
    }
  }
}
