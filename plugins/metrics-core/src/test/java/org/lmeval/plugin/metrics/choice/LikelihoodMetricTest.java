package org.lmeval.plugin.metrics.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

class LikelihoodMetricTest {
  private final LikelihoodMetric metric = new LikelihoodMetric();

  @Test
  void sampleItemIsGoldAndLogLikelihoods() {
    for (ChoiceFixtures.Case c : ChoiceFixtures.cases("likelihood")) {
      assertEquals(c.expected().get("likelihood"), metric.sampleItem(c.sample()));
    }
  }

  @Test
  void hasNoAggregateValueLikeLmEval() {
    ChoiceFixtures.Case c = ChoiceFixtures.cases("likelihood").get(0);
    EvalException e = assertThrows(EvalException.class, () -> metric.score(List.of(c.sample())));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
  }
}
