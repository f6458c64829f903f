package org.lmeval.plugin.metrics.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.Ulps;

class BitsPerByteAggregationTest {
  private final BitsPerByteAggregation aggregation = new BitsPerByteAggregation();

  @Test
  void matchesLmEval() {
    List<JsonNode> cases = AggregationFixtures.cases("bits_per_byte");
    assertFalse(cases.isEmpty());
    for (JsonNode c : cases) {
      double expected = c.get("expected").asDouble();
      double actual = aggregation.aggregate(AggregationFixtures.scores(c.get("items")));
      Ulps.assertClose(expected, actual, 0, "bits_per_byte of " + c.get("items").size() + " items");
    }
  }

  @Test
  void hasLmEvalName() {
    assertEquals("bits_per_byte", aggregation.name());
  }

  @Test
  void negativeMeanLogLikelihoodPerByteInBits() {
    assertEquals(2.0 / Math.log(2), aggregation.aggregate(List.of(new Score(-4, 1), new Score(-2, 2))));
    assertEquals(Aggregation.StderrMethod.NONE, aggregation.stderr());
  }
}
