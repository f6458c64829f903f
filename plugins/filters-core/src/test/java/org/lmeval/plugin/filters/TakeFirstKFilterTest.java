package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.EvalException;

class TakeFirstKFilterTest {
  @Test
  void keepsTheFirstKResponses() {
    assertEquals(List.of(List.of("a", "b"), List.of("d", "e")),
        Steps.apply(Steps.step("take_first_k", Map.of("k", 2)), List.of(List.of("a", "b", "c"), List.of("d", "e", "f"))));
  }

  @Test
  void needsKResponsesInTheFirstRequest() {
    EvalException e = assertThrows(EvalException.class,
        () -> Steps.apply(Steps.step("take_first_k", Map.of("k", 3)), List.of(List.of("a", "b"))));
    assertTrue(e.getMessage().contains("repeats"), e.getMessage());
  }
}
