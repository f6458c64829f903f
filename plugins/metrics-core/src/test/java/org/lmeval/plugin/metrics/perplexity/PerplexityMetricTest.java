package org.lmeval.plugin.metrics.perplexity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lmeval.plugin.metrics.Fixtures;
import org.lmeval.plugin.metrics.TestSample;
import org.lmeval.plugin.metrics.choice.AccMetric;

/** loglikelihood tasks: perplexity is the log-likelihood, acc is is_greedy (lm-eval's process_results). */
class PerplexityMetricTest {
  @Test
  void matchesLmEval() {
    for (JsonNode c : Fixtures.load("loglikelihood.json").get("cases")) {
      TestSample s = TestSample.loglikelihood(c.get("ll").asDouble(), c.get("greedy").asBoolean(), " word");
      assertEquals(c.get("expected").get("perplexity").asDouble(), new PerplexityMetric().score(s).value());
      assertEquals(c.get("expected").get("acc").asDouble(), new AccMetric().score(s).value());
    }
  }
}
