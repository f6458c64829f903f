package org.lmeval.examples.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.metric.Metric;

class ResponseLengthMetricTest {
  private static double score(Options kwargs, Object response) {
    Metric.PerSample metric = (Metric.PerSample) new ResponseLengthMetricFactory().create(kwargs);
    return metric.score(new TextSample(response)).value();
  }

  @Test
  void countsCodePointsNotUtf16Units() {
    assertEquals(5, score(Options.empty(), "hello"));
    assertEquals(0, score(Options.empty(), ""));
    // One emoji is two UTF-16 units but one code point; "é" precomposed is one.
    assertEquals(3, score(Options.empty(), "é🙂!"));
  }

  @Test
  void stripIgnoresSurroundingWhitespace() {
    assertEquals(7, score(Options.empty(), "  hi\n\n "));
    Options strip = Options.of("metric kwarg", Map.of("strip", true));
    assertEquals(2, score(strip, "  hi\n\n "));
    assertTrue(strip.unreadKeys().isEmpty(), "create() reads every kwarg it accepts");
  }

  @Test
  void declaresLmEvalStyleDefaults() {
    ResponseLengthMetricFactory f = new ResponseLengthMetricFactory();
    assertEquals("response_length", f.name());
    assertFalse(f.higherIsBetter());
    assertEquals("mean", f.defaultAggregation());
  }

  @Test
  void nonStringResponseIsAClearTaskError() {
    EvalException e = assertThrows(EvalException.class, () -> score(Options.empty(), List.of("a", "b")));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    assertTrue(e.getMessage().contains("the filtered response is a list of 2 values; use it on generate_until tasks"),
        e.getMessage());
  }
}
