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

class F1MetricTest {
  private final F1Metric metric = new F1Metric();

  @Test
  void sampleItemIsGoldAndPrediction() {
    for (ChoiceFixtures.Case c : ChoiceFixtures.cases("f1")) {
      assertEquals(c.expected().get("f1"), metric.sampleItem(c.sample()), () -> "f1 item of " + c.sample());
    }
  }

  @Test
  void corpusValueMatchesScikitLearn() {
    for (JsonNode c : Fixtures.list(Fixtures.load("aggregations.json").get("f1"))) {
      List<Sample> samples = ClassificationSamples.of(c.get("items"));
      if (c.has("error")) {
        EvalException e = assertThrows(EvalException.class, () -> metric.score(samples));
        assertEquals(ErrorCode.INVALID_TASK, e.code());
      } else {
        assertEquals(c.get("expected").asDouble(), metric.score(samples), () -> "f1 of " + c.get("items"));
      }
    }
  }

  @Test
  void multipleTargetsHaveNoF1() {
    Sample s = TestSample.multipleChoice(List.of("a", "b"), new double[] {-1, -2}, new boolean[2], null,
        new ArrayList<>(List.of(0, 1)));
    EvalException e = assertThrows(EvalException.class, () -> metric.score(List.of(s)));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
  }
}
