package org.lmeval.plugin.metrics.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.plugin.metrics.Fixtures;
import org.lmeval.plugin.metrics.TestSample;
import org.lmeval.plugin.metrics.rouge.RougeType;

class RougeMetricTest {
  @Test
  void perDocumentValueIsTheFMeasure() {
    for (JsonNode c : Fixtures.load("rouge.json").get("cases")) {
      TestSample s = TestSample.generation(c.get("target").asText(), c.get("prediction").asText());
      for (RougeType type : RougeType.values()) {
        assertEquals(c.get("scores").get(type.metricName()).get(2).asDouble(), new RougeMetric(type).score(s).value());
      }
    }
  }

  @Test
  void severalGoldsTakeTheBest() {
    TestSample s = TestSample.generation(List.of("x y", "a b c"), "a b c");
    assertEquals(1.0, new RougeMetric(RougeType.ROUGE1).score(s).value());
  }
}
