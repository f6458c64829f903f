package org.lmeval.examples.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.metric.Metric;
import org.lmeval.testkit.PluginHarness;

/** The plugin as the kernel sees it: listed in META-INF/services, installed through the real registry. */
class ResponseLengthPluginTest {
  @Test
  void registersResponseLength() {
    try (PluginHarness h = PluginHarness.load(ResponseLengthPlugin.class)) {
      h.assertComponents("metric response_length");
      Metric.PerSample metric = (Metric.PerSample) h.registry().metrics().get("response_length")
          .create(Options.empty());
      assertEquals(4, metric.score(new TextSample("four")).value());
    }
  }

  @Test
  void misspelledKwargIsRejectedWithASuggestion() {
    try (PluginHarness h = PluginHarness.load(ResponseLengthPlugin.class)) {
      EvalException e = assertThrows(EvalException.class, () -> h.registry().metrics().get("response_length")
          .create(Options.of("metric kwarg", Map.of("stirp", true))));
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
      assertEquals("unknown metric kwarg 'stirp' for metric 'response_length'; did you mean 'strip'?", e.getMessage());
    }
  }
}
