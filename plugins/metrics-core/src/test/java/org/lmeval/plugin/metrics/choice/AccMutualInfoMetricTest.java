package org.lmeval.plugin.metrics.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccMutualInfoMetricTest {
  private final AccMutualInfoMetric metric = new AccMutualInfoMetric();

  @Test
  void matchesLmEvalProcessResults() {
    for (ChoiceFixtures.Case c : ChoiceFixtures.cases("acc_mutual_info")) {
      double expected = ((Number) c.expected().get("acc_mutual_info")).doubleValue();
      assertEquals(expected, metric.score(c.sample()).value(), () -> "acc_mutual_info of " + c.sample());
      assertEquals(1.0, metric.score(c.sample()).weight());
    }
  }
}
