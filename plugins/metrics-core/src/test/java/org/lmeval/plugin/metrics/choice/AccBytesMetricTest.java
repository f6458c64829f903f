package org.lmeval.plugin.metrics.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccBytesMetricTest {
  private final AccBytesMetric metric = new AccBytesMetric();

  @Test
  void matchesLmEvalProcessResults() {
    for (ChoiceFixtures.Case c : ChoiceFixtures.cases("acc_bytes")) {
      double expected = ((Number) c.expected().get("acc_bytes")).doubleValue();
      assertEquals(expected, metric.score(c.sample()).value(), () -> "acc_bytes of " + c.sample());
      assertEquals(1.0, metric.score(c.sample()).weight());
    }
  }
}
