package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

class StringTransformFilterTest {
  @Test
  void pythonStringSemantics() {
    assertEquals(List.of(List.of("x")), Steps.apply(Steps.step("remove_whitespace"), List.of(List.of("\u00a0x\u001c"))));
    assertEquals(List.of(List.of("ας", "i̇")), Steps.apply(Steps.step("lowercase"), List.of(List.of("ΑΣ", "İ"))));
    assertEquals(List.of(List.of("STRASSE")), Steps.apply(Steps.step("uppercase"), List.of(List.of("Straße"))));
  }

  @Test
  void aCollapsedStringIsIteratedByCharacterAsInLmEval() {
    assertEquals(List.of(List.of("a", "b")), Steps.apply(Steps.step("lowercase"), List.of("AB")));
  }

  @Test
  void nonStringsAreAClearError() {
    EvalException e = assertThrows(EvalException.class,
        () -> Steps.apply(Steps.step("uppercase"), List.of(Arrays.asList((Object) null))));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
  }
}
