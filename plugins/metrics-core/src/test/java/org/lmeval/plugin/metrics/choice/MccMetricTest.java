package org.lmeval.plugin.metrics.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmeval.plugin.metrics.Fixtures;

class MccMetricTest {
  private final MccMetric metric = new MccMetric();

  @Test
  void sampleItemIsGoldAndPrediction() {
    for (ChoiceFixtures.Case c : ChoiceFixtures.cases("mcc")) {
      assertEquals(c.expected().get("mcc"), metric.sampleItem(c.sample()), () -> "mcc item of " + c.sample());
    }
  }

  @Test
  void corpusValueMatchesScikitLearn() {
    for (JsonNode c : Fixtures.list(Fixtures.load("aggregations.json").get("matthews_corrcoef"))) {
      assertEquals(c.get("expected").asDouble(), metric.score(ClassificationSamples.of(c.get("items"))),
          () -> "mcc of " + c.get("items"));
    }
  }
}
