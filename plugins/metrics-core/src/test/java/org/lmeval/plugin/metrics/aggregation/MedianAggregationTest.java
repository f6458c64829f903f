package org.lmeval.plugin.metrics.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.Ulps;

class MedianAggregationTest {
  private final MedianAggregation aggregation = new MedianAggregation();

  @Test
  void matchesLmEval() {
    List<JsonNode> cases = AggregationFixtures.cases("median");
    assertFalse(cases.isEmpty());
    for (JsonNode c : cases) {
      double expected = c.get("expected").asDouble();
      double actual = aggregation.aggregate(AggregationFixtures.scores(c.get("items")));
      Ulps.assertClose(expected, actual, 0, "median of " + c.get("items").size() + " items");
    }
  }

  @Test
  void hasLmEvalName() {
    assertEquals("median", aggregation.name());
  }

  @Test
  void upperMedianOfSortedValues() {
    assertEquals(3.0, aggregation.aggregate(List.of(Score.of(4), Score.of(1), Score.of(3), Score.of(2))));
    assertEquals(2.0, aggregation.aggregate(List.of(Score.of(3), Score.of(1), Score.of(2))));
    assertEquals(Aggregation.StderrMethod.BOOTSTRAP, aggregation.stderr());
  }
}
