package org.lmeval.plugin.metrics.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.Ulps;

class WeightedPerplexityAggregationTest {
  private final WeightedPerplexityAggregation aggregation = new WeightedPerplexityAggregation();

  @Test
  void matchesLmEval() {
    List<JsonNode> cases = AggregationFixtures.cases("weighted_perplexity");
    assertFalse(cases.isEmpty());
    for (JsonNode c : cases) {
      double expected = c.get("expected").asDouble();
      double actual = aggregation.aggregate(AggregationFixtures.scores(c.get("items")));
      Ulps.assertClose(expected, actual, 1, "weighted_perplexity of " + c.get("items").size() + " items");
    }
  }

  @Test
  void hasLmEvalName() {
    assertEquals("weighted_perplexity", aggregation.name());
  }

  @Test
  void weightsDivideTheSum() {
    assertEquals(Math.exp(3.0), aggregation.aggregate(List.of(new Score(-4, 2), new Score(-8, 2))));
    assertEquals(Aggregation.StderrMethod.NONE, aggregation.stderr());
  }
}
