package org.lmeval.plugin.metrics.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccMetricTest {
  private final AccMetric metric = new AccMetric();

  @Test
  void matchesLmEvalProcessResults() {
    for (ChoiceFixtures.Case c : ChoiceFixtures.cases("acc")) {
      double expected = ((Number) c.expected().get("acc")).doubleValue();
      assertEquals(expected, metric.score(c.sample()).value(), () -> "acc of " + c.sample());
      assertEquals(1.0, metric.score(c.sample()).weight());
    }
  }
}
