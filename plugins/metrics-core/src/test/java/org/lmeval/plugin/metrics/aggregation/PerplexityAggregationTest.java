package org.lmeval.plugin.metrics.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.Ulps;

class PerplexityAggregationTest {
  private final PerplexityAggregation aggregation = new PerplexityAggregation();

  @Test
  void matchesLmEval() {
    List<JsonNode> cases = AggregationFixtures.cases("perplexity");
    assertFalse(cases.isEmpty());
    for (JsonNode c : cases) {
      double expected = c.get("expected").asDouble();
      double actual = aggregation.aggregate(AggregationFixtures.scores(c.get("items")));
      Ulps.assertClose(expected, actual, 1, "perplexity of " + c.get("items").size() + " items");
    }
  }

  @Test
  void hasLmEvalName() {
    assertEquals("perplexity", aggregation.name());
  }

  @Test
  void specVector() {
    // lm-eval-behaviour.md 10.3: perplexity of these log-likelihoods, computed on CPython 3.11
    List<Score> lls = List.of(Score.of(-2.0), Score.of(-1.5), Score.of(-3.25), Score.of(-0.5), Score.of(-4.0));
    assertEquals(9.487735836358526, aggregation.aggregate(lls));
    assertEquals(Aggregation.StderrMethod.BOOTSTRAP, aggregation.stderr());
  }
}
