package org.lmeval.plugin.djl.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lmeval.api.EvalException;

class BatchSizeTest {
  @Test
  void parsesLmEvalsForms() {
    assertEquals(new BatchSize(8, 0, 64), BatchSize.parse("8", 64));
    assertEquals(new BatchSize(0, 1, 64), BatchSize.parse("auto", 64));
    assertEquals(new BatchSize(0, 4, 16), BatchSize.parse("auto:4", 16));
    assertEquals(8, BatchSize.parse("8", 64).preferred());
    assertEquals(16, BatchSize.parse("auto:4", 16).preferred());
    assertTrue(BatchSize.parse("auto", 64).auto());
  }

  @Test
  void rejectsOtherValues() {
    for (String bad : new String[] {"0", "-1", "auto:", "auto:x", "big", "1.5"}) {
      EvalException e = assertThrows(EvalException.class, () -> BatchSize.parse(bad, 64), bad);
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    assertThrows(EvalException.class, () -> BatchSize.parse("4", 0));
  }
}
