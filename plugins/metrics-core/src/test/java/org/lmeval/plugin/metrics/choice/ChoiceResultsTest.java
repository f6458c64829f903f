package org.lmeval.plugin.metrics.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.plugin.metrics.TestSample;

class ChoiceResultsTest {
  @Test
  void exactMatchIsGreedyOfTheGoldAsInLmEval() {
    for (ChoiceFixtures.Case c : ChoiceFixtures.cases("exact_match")) {
      int expected = ((Number) c.expected().get("exact_match")).intValue();
      assertEquals(expected, ChoiceResults.of(c.sample(), "exact_match").exactMatch("exact_match"),
          () -> "exact_match of " + c.sample());
    }
  }

  @Test
  void lengthsAreCodePointsForAccNormAndUtf8BytesForAccBytes() {
    // "😀" is 1 code point, 2 UTF-16 units, 4 bytes; "ab" is 2 of each (2 bytes)
    ChoiceResults r = ChoiceResults.of(TestSample.multipleChoice(List.of("😀", "ab"), new double[] {-1.5, -2.5},
        new boolean[2], null, 0), "acc_norm");
    assertEquals(1, r.predNorm()); // -1.5/1 < -2.5/2
    assertEquals(0, r.predBytes()); // -1.5/4 > -2.5/2
  }

  @Test
  void goldResolution() {
    List<String> choices = List.of("x", "y", "z");
    assertEquals(1, ChoiceResults.resolveGold(1, choices, "acc"));
    assertEquals(-100, ChoiceResults.resolveGold(3, choices, "acc"));
    assertEquals(2, ChoiceResults.resolveGold("z", choices, "acc"));
    assertEquals(-100, ChoiceResults.resolveGold("w", choices, "acc"));
    assertEquals(List.of(0, -100), ChoiceResults.resolveGold(List.of(0, 5), choices, "acc"));
    assertEquals(1, ChoiceResults.resolveGold(true, choices, "acc"));
    EvalException e = assertThrows(EvalException.class, () -> ChoiceResults.resolveGold(null, choices, "acc"));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
  }

  @Test
  void wrongNumberOfLogLikelihoodsIsAnError() {
    TestSample s = TestSample.multipleChoice(List.of("a", "b", "c"), new double[] {-1, -2}, new boolean[2], null, 0);
    EvalException e = assertThrows(EvalException.class, () -> ChoiceResults.of(s, "acc"));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
  }

  @Test
  void mutualInformationNeedsTheUnconditionalLogLikelihoods() {
    TestSample s = TestSample.multipleChoice(List.of("a", "b"), new double[] {-1, -2}, new boolean[2], null, 0);
    EvalException e = assertThrows(EvalException.class, () -> new AccMutualInfoMetric().score(s));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
  }
}
