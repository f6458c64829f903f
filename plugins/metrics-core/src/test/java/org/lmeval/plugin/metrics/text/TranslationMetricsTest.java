package org.lmeval.plugin.metrics.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Sample;
import org.lmeval.plugin.metrics.Fixtures;
import org.lmeval.plugin.metrics.TestSample;
import org.lmeval.plugin.metrics.Ulps;

/** bleu, chrf and ter as corpus metrics over samples: lm-eval's logged items and corpus values. */
class TranslationMetricsTest {
  @Test
  void sampleItemsAreGoldAndResult() {
    for (JsonNode c : Fixtures.load("generate_until.json").get("pass_through")) {
      Sample s = TestSample.generation(c.get("target").asText(), c.get("response").asText());
      Object expected = Fixtures.plain(c.get("expected").get("bleu"));
      assertEquals(expected, new BleuMetric().sampleItem(s));
      assertEquals(expected, new ChrfMetric().sampleItem(s));
      assertEquals(expected, new TerMetric().sampleItem(s));
    }
  }

  @Test
  void corpusValuesMatchLmEvalAggregations() {
    BleuMetric bleu = new BleuMetric();
    ChrfMetric chrf = new ChrfMetric();
    TerMetric ter = new TerMetric();
    for (JsonNode c : Fixtures.load("sacrebleu.json").get("corpora")) {
      List<Sample> samples = new ArrayList<>();
      for (JsonNode item : c.get("items")) {
        samples.add(TestSample.generation(item.get(0).asText(), item.get(1).asText()));
      }
      Ulps.assertClose(c.get("bleu").asDouble(), bleu.score(samples), 2, "bleu");
      assertEquals(c.get("chrf").asDouble(), chrf.score(samples));
      assertEquals(c.get("ter").asDouble(), ter.score(samples));
      // a second call reuses the cached segment statistics and must give the same value
      assertEquals(ter.score(samples), ter.score(samples));
    }
    assertEquals(100, bleu.maxBootstrapIters());
  }

  @Test
  void oneElementListResponseIsUnwrappedAndIntGoldIsStringified() {
    Sample s = TestSample.generation(72, List.of("72"));
    assertEquals(100.0, new ChrfMetric().score(List.of(s)));
  }

  @Test
  void multipleTargetsAreRejected() {
    Sample s = TestSample.generation(List.of("a", "b"), "a");
    EvalException e = assertThrows(EvalException.class, () -> new BleuMetric().score(List.of(s)));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
  }
}
