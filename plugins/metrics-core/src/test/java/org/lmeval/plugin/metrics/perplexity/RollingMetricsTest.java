package org.lmeval.plugin.metrics.perplexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.metric.Score;
import org.lmeval.plugin.metrics.Fixtures;
import org.lmeval.plugin.metrics.TestSample;

/** word_perplexity, byte_perplexity and bits_per_byte items against lm-eval's process_results. */
class RollingMetricsTest {
  @Test
  void itemsMatchLmEval() {
    for (JsonNode c : Fixtures.load("rolling.json").get("cases")) {
      String target = c.get("target").asText();
      TestSample s = TestSample.rolling(Map.of(), target, c.get("ll").asDouble());
      check(c.get("expected").get("word_perplexity"), new WordPerplexityMetric().score(s), target);
      check(c.get("expected").get("byte_perplexity"), new BytePerplexityMetric().score(s), target);
      check(c.get("expected").get("bits_per_byte"), new BitsPerByteMetric().score(s), target);
    }
  }

  private static void check(JsonNode expected, Score actual, String target) {
    assertEquals(expected.get(0).asDouble(), actual.value(), target);
    assertEquals(expected.get(1).asDouble(), actual.weight(), () -> "count of " + target);
  }

  @Test
  void theSampleLogRecordsTheTupleOfLoglikelihoodAndCount() {
    // lm-eval logs process_results' (ll, n) tuples: "word_perplexity": [-15233.960815429688, 1093]
    TestSample s = TestSample.rolling(Map.of(), "two words", -3.25);
    WordPerplexityMetric words = new WordPerplexityMetric();
    assertEquals(java.util.List.of(-3.25, 2), words.sampleItem(s, words.score(s)));
    BytePerplexityMetric bytes = new BytePerplexityMetric();
    assertEquals(java.util.List.of(-3.25, 9), bytes.sampleItem(s, bytes.score(s)));
    BitsPerByteMetric bits = new BitsPerByteMetric();
    assertEquals(java.util.List.of(-3.25, 9), bits.sampleItem(s, bits.score(s)));
  }

  @Test
  void wordsArePythonReSplitFields() {
    assertEquals(1, RollingCounts.words(""));
    assertEquals(2, RollingCounts.words(" "));
    assertEquals(3, RollingCounts.words(" a "));
    assertEquals(2, RollingCounts.words("a\u00a0b")); // NBSP is whitespace for Python
    assertEquals(2, RollingCounts.words("a\u001cb")); // so is the file separator
    assertEquals(1, RollingCounts.words("a\u200bb")); // the zero-width space is not
  }

  @Test
  void onlyForRollingTasks() {
    TestSample s = TestSample.generation("text", "text");
    EvalException e = assertThrows(EvalException.class, () -> new WordPerplexityMetric().score(s));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
  }
}
