package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

class TakeFirstFilterTest {
  @Test
  void keepsTheFirstResponseOfEachRequest() {
    assertEquals(List.of("a", "c"), Steps.apply(Steps.step("take_first"), List.of(List.of("a", "b"), List.of("c"))));
  }

  @Test
  void aStringIsIndexedLikePython() {
    assertEquals(List.of("😀"), Steps.apply(Steps.step("take_first"), List.of("😀x")));
  }

  @Test
  void aRequestWithoutResponsesIsAClearError() {
    EvalException e = assertThrows(EvalException.class,
        () -> Steps.apply(Steps.step("take_first"), List.of(List.of())));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
  }
}
