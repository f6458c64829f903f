package org.lmeval.plugin.metrics.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.Ulps;

class MeanAggregationTest {
  private final MeanAggregation aggregation = new MeanAggregation();

  @Test
  void matchesLmEval() {
    List<JsonNode> cases = AggregationFixtures.cases("mean");
    assertFalse(cases.isEmpty());
    for (JsonNode c : cases) {
      double expected = c.get("expected").asDouble();
      double actual = aggregation.aggregate(AggregationFixtures.scores(c.get("items")));
      Ulps.assertClose(expected, actual, 0, "mean of " + c.get("items").size() + " items");
    }
  }

  @Test
  void hasLmEvalName() {
    assertEquals("mean", aggregation.name());
  }

  @Test
  void closedFormStderrAndEmptyInputIsAnError() {
    assertEquals(Aggregation.StderrMethod.MEAN, aggregation.stderr());
    assertEquals(0.6, aggregation.aggregate(List.of(Score.of(1), Score.of(0), Score.of(1), Score.of(1), Score.of(0))));
    EvalException e = assertThrows(EvalException.class, () -> aggregation.aggregate(List.of()));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
  }

  @Test
  void sumsLeftToRightLikeCPython311() {
    // 1e16 + 1.0 + 1.0 loses both ones when added left to right; math.fsum (and Python 3.12's sum) would not
    List<Score> x = List.of(Score.of(1e16), Score.of(1.0), Score.of(1.0));
    assertEquals(1e16 / 3, aggregation.aggregate(x));
  }
}
