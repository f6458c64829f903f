package org.lmeval.plugin.metrics.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Sample;
import org.lmeval.plugin.metrics.Fixtures;
import org.lmeval.plugin.metrics.TestSample;
import org.lmeval.plugin.metrics.Ulps;

class BrierScoreMetricTest {
  private final BrierScoreMetric metric = new BrierScoreMetric();

  @Test
  void sampleItemIsGoldAndSoftmax() {
    for (ChoiceFixtures.Case c : ChoiceFixtures.cases("brier_score")) {
      List<?> expected = (List<?>) c.expected().get("brier_score");
      List<?> actual = (List<?>) metric.sampleItem(c.sample());
      assertEquals(expected.get(0), actual.get(0));
      List<?> p = (List<?>) expected.get(1);
      List<?> q = (List<?>) actual.get(1);
      assertEquals(p.size(), q.size());
      for (int i = 0; i < p.size(); i++) {
        // numpy's SIMD exp and Java's Math.exp may differ in the last bits
        Ulps.assertClose(((Number) p.get(i)).doubleValue(), (Double) q.get(i), 4, "softmax of " + c.sample());
      }
    }
  }

  @Test
  void corpusValueMatchesLmEval() {
    for (JsonNode c : Fixtures.list(Fixtures.load("aggregations.json").get("brier_score"))) {
      List<Sample> samples = new ArrayList<>();
      for (JsonNode item : c.get("items")) {
        double[] probs = Fixtures.doubles(item.get(1));
        double[] lls = new double[probs.length];
        List<String> choices = new ArrayList<>();
        for (int k = 0; k < probs.length; k++) {
          lls[k] = Math.log(probs[k]);
          choices.add("c" + k);
        }
        samples.add(TestSample.multipleChoice(choices, lls, new boolean[lls.length], null, item.get(0).asInt()));
      }
      double expected = c.get("expected").asDouble();
      assertEquals(expected, metric.score(samples), 1e-12 * Math.max(1, expected), () -> "brier of " + c);
    }
  }

  @Test
  void perfectPredictionsScoreZeroAndGoldOutsideChoicesIsAnError() {
    Sample sure = TestSample.multipleChoice(List.of("a", "b"), new double[] {0, -1000}, new boolean[2], null, 0);
    assertEquals(0.0, metric.score(List.of(sure)));
    Sample missing = TestSample.multipleChoice(List.of("a", "b"), new double[] {0, -1}, new boolean[2], null, 7);
    EvalException e = assertThrows(EvalException.class, () -> metric.score(List.of(missing)));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    assertEquals(0, metric.maxBootstrapIters());
  }
}
