package org.lmeval.plugin.metrics.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.Ulps;

class NanmeanAggregationTest {
  private final NanmeanAggregation aggregation = new NanmeanAggregation();

  @Test
  void matchesLmEval() {
    List<JsonNode> cases = AggregationFixtures.cases("nanmean");
    assertFalse(cases.isEmpty());
    for (JsonNode c : cases) {
      double expected = c.get("expected").asDouble();
      double actual = aggregation.aggregate(AggregationFixtures.scores(c.get("items")));
      Ulps.assertClose(expected, actual, 0, "nanmean of " + c.get("items").size() + " items");
    }
  }

  @Test
  void hasLmEvalName() {
    assertEquals("nanmean", aggregation.name());
  }

  @Test
  void nanWhenNothingToAverage() {
    assertTrue(Double.isNaN(aggregation.aggregate(List.of())));
    assertTrue(Double.isNaN(aggregation.aggregate(List.of(Score.of(Double.NaN)))));
    assertEquals(2.0, aggregation.aggregate(List.of(Score.of(1), Score.of(Double.NaN), Score.of(3))));
    assertEquals(Aggregation.StderrMethod.BOOTSTRAP, aggregation.stderr());
  }
}
