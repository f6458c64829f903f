package org.lmeval.plugin.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MajorityVoteFilterTest {
  @Test
  void mostFrequentWinsAndTiesGoToTheFirstSeen() {
    assertEquals(List.of(List.of("7"), List.of("b")),
        Steps.apply(Steps.step("majority_vote"), List.of(List.of("3", "7", "7", "3", "7"), List.of("b", "a", "a", "b"))));
  }
}
