package org.lmeval.plugin.metrics.rouge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.plugin.metrics.Fixtures;

class RougeTypeTest {
  @Test
  void precisionRecallAndFMeasureMatchRougeScore() {
    for (JsonNode c : Fixtures.load("rouge.json").get("cases")) {
      String target = c.get("target").asText();
      String prediction = c.get("prediction").asText();
      for (RougeType type : RougeType.values()) {
        JsonNode expected = c.get("scores").get(type.metricName());
        RougeScore actual = type.score(target, prediction);
        String what = type.metricName() + " of " + prediction + " vs " + target;
        assertEquals(expected.get(0).asDouble(), actual.precision(), what);
        assertEquals(expected.get(1).asDouble(), actual.recall(), what);
        assertEquals(expected.get(2).asDouble(), actual.fmeasure(), what);
      }
    }
  }

  @Test
  void rougeScoreReadmeExample() {
    // rouge-score's documented example: rouge1 f 0.75, rougeL f 0.625
    RougeScore r1 = RougeType.ROUGE1.score("The quick brown fox jumps over the lazy dog",
        "The quick brown dog jumps on the log.");
    assertEquals(0.75, r1.precision());
    assertEquals(0.6666666666666666, r1.recall());
    RougeScore rl = RougeType.ROUGE_L.score("The quick brown fox jumps over the lazy dog",
        "The quick brown dog jumps on the log.");
    assertEquals(0.625, rl.precision());
  }

  @Test
  void tokenizerKeepsAsciiAlphanumericRunsOfTheLowerCasedText() {
    assertEquals(List.of("i", "stanbul", "k", "9", "caf"), RougeTokenizer.tokenize("İstanbul K-9 café"));
  }
}
