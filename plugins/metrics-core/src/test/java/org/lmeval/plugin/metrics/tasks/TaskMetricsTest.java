package org.lmeval.plugin.metrics.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.Fixtures;
import org.lmeval.plugin.metrics.TestSample;
import org.lmeval.plugin.metrics.Ulps;

/** truthfulqa_mc2, truthfulqa_gen and wikitext against their lm-eval 0.4.13 process_results. */
class TaskMetricsTest {
  private static final JsonNode ROOT = Fixtures.load("tasks.json");

  @Test
  void truthfulQaMc2() {
    for (JsonNode c : ROOT.get("truthfulqa_mc2")) {
      Map<String, Object> doc = Fixtures.map(c.get("doc"));
      double[] lls = Fixtures.doubles(c.get("lls"));
      List<String> choices = new ArrayList<>();
      for (int i = 0; i < lls.length; i++) {
        choices.add("c" + i);
      }
      double actual = new TruthfulQaMc2Metric().score(TestSample.multipleChoice(doc, choices, lls)).value();
      // numpy's vectorised exp may differ from Math.exp in the last bit
      Ulps.assertClose(c.get("expected").get("acc").asDouble(), actual, 8, "mc2 of " + c.get("lls"));
    }
  }

  @Test
  void truthfulQaGen() {
    for (JsonNode c : ROOT.get("truthfulqa_gen")) {
      Map<String, Object> doc = Fixtures.map(c.get("doc"));
      TestSample s = TestSample.generation(doc, " ", c.get("completion").asText());
      for (TruthfulQaGenMetric.Similarity sim : TruthfulQaGenMetric.Similarity.values()) {
        for (TruthfulQaGenMetric.Statistic stat : TruthfulQaGenMetric.Statistic.values()) {
          TruthfulQaGenMetric m = new TruthfulQaGenMetric(sim, stat);
          double expected = c.get("expected").get(m.key()).asDouble();
          Ulps.assertClose(expected, m.score(s).value(), sim == TruthfulQaGenMetric.Similarity.BLEU ? 4 : 0,
              m.key() + " of " + c.get("completion"));
        }
      }
    }
  }

  @Test
  void wikitextCountsTheOriginalPage() {
    for (JsonNode c : ROOT.get("wikitext")) {
      Map<String, Object> doc = Fixtures.map(c.get("doc"));
      TestSample s = TestSample.rolling(doc, "detokenized text is not what is counted", c.get("ll").asDouble());
      for (WikitextMetric.Count count : WikitextMetric.Count.values()) {
        Score score = new WikitextMetric(count).score(s);
        JsonNode expected = c.get("expected").get(count.key());
        assertEquals(expected.get(0).asDouble(), score.value());
        assertEquals(expected.get(1).asDouble(), score.weight(), count.key());
      }
    }
  }
}
