package org.lmeval.plugin.metrics.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.Fixtures;

/** Reads {@code aggregations.json}: per aggregation, input items and lm-eval's value. */
final class AggregationFixtures {
  private static final JsonNode ROOT = Fixtures.load("aggregations.json");

  private AggregationFixtures() {}

  static List<JsonNode> cases(String aggregation) {
    return Fixtures.list(ROOT.get(aggregation));
  }

  /** Plain numbers become scores of weight 1; [ll, n] pairs become weighted scores. */
  static List<Score> scores(JsonNode items) {
    List<Score> out = new ArrayList<>();
    for (JsonNode item : items) {
      out.add(item.isArray() ? new Score(item.get(0).asDouble(), item.get(1).asDouble()) : Score.of(item.asDouble()));
    }
    return out;
  }
}
