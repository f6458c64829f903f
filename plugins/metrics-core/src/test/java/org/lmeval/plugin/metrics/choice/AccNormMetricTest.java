package org.lmeval.plugin.metrics.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccNormMetricTest {
  private final AccNormMetric metric = new AccNormMetric();

  @Test
  void matchesLmEvalProcessResults() {
    for (ChoiceFixtures.Case c : ChoiceFixtures.cases("acc_norm")) {
      double expected = ((Number) c.expected().get("acc_norm")).doubleValue();
      assertEquals(expected, metric.score(c.sample()).value(), () -> "acc_norm of " + c.sample());
      assertEquals(1.0, metric.score(c.sample()).weight());
    }
  }
}
