package org.lmeval.plugin.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.Plugin;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;

/** The registered names and their lm-eval 0.4.13 properties (Trino's TestExamplePlugin style). */
class MetricsPluginTest {
  private final Plugin plugin = new MetricsPlugin();

  private Map<String, MetricFactory> metrics() {
    Map<String, MetricFactory> byName = new LinkedHashMap<>();
    for (MetricFactory f : plugin.metrics()) {
      assertTrue(byName.put(f.name(), f) == null, "duplicate metric " + f.name());
    }
    return byName;
  }

  @Test
  void registeredMetricNames() {
    Set<String> expected = new TreeSet<>(List.of("acc", "acc_norm", "acc_bytes", "acc_mutual_info", "exact_match", "f1",
        "mcc", "brier_score", "likelihood", "perplexity", "word_perplexity", "byte_perplexity", "bits_per_byte",
        "bleu", "chrf", "ter", "rouge1", "rouge2", "rougeL", "rougeLsum", "bypass",
        "truthfulqa.utils.process_results_mc2.acc",
        "wikitext.preprocess_wikitext.process_results.word_perplexity",
        "wikitext.preprocess_wikitext.process_results.byte_perplexity",
        "wikitext.preprocess_wikitext.process_results.bits_per_byte"));
    for (String sim : List.of("bleu", "rouge1", "rouge2", "rougeL")) {
      for (String stat : List.of("max", "acc", "diff")) {
        expected.add("truthfulqa.utils.process_results_gen." + sim + "_" + stat);
      }
    }
    assertEquals(expected, new TreeSet<>(metrics().keySet()));
  }

  @Test
  void builtinsHaveLmEvalHigherIsBetterAndAggregation() {
    JsonNode registry = Fixtures.load("registry.json").get("metrics");
    Map<String, MetricFactory> ours = metrics();
    Set<String> notProvided = Set.of("acc_all", "chrf++");
    for (Iterator<String> it = registry.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (notProvided.contains(name)) {
        continue;
      }
      MetricFactory f = ours.get(name);
      assertNotNull(f, "lm-eval metric " + name + " is not registered");
      assertEquals(registry.get(name).get("higher_is_better").asBoolean(), f.higherIsBetter(), name);
      assertEquals(registry.get(name).get("aggregation").asText(), f.defaultAggregation(), name);
    }
  }

  @Test
  void aggregationsAndTheirStderr() {
    Map<String, Aggregation.StderrMethod> expected = Map.of(
        "mean", Aggregation.StderrMethod.MEAN,
        "median", Aggregation.StderrMethod.BOOTSTRAP,
        "perplexity", Aggregation.StderrMethod.BOOTSTRAP,
        "nanmean", Aggregation.StderrMethod.BOOTSTRAP,
        "weighted_perplexity", Aggregation.StderrMethod.NONE,
        "bits_per_byte", Aggregation.StderrMethod.NONE,
        "bypass", Aggregation.StderrMethod.NONE);
    Map<String, Aggregation.StderrMethod> actual = new LinkedHashMap<>();
    for (Aggregation a : plugin.aggregations()) {
      actual.put(a.name(), a.stderr());
    }
    assertEquals(expected, actual);
  }

  @Test
  void everyDefaultAggregationIsRegisteredOrTheMetricIsCorpusLevel() {
    Set<String> aggregations = new HashSet<>();
    plugin.aggregations().forEach(a -> aggregations.add(a.name()));
    for (MetricFactory f : plugin.metrics()) {
      Metric m = f.create(Options.empty());
      if (m instanceof Metric.PerSample) {
        assertTrue(aggregations.contains(f.defaultAggregation()), f.name() + " -> " + f.defaultAggregation());
      } else {
        assertInstanceOf(Metric.Corpus.class, m);
      }
    }
  }

  @Test
  void corpusMetricsBootstrapLikeLmEval() {
    Map<String, MetricFactory> m = metrics();
    assertEquals(100, ((Metric.Corpus) m.get("bleu").create(Options.empty())).maxBootstrapIters());
    assertEquals(100, ((Metric.Corpus) m.get("chrf").create(Options.empty())).maxBootstrapIters());
    assertEquals(100, ((Metric.Corpus) m.get("ter").create(Options.empty())).maxBootstrapIters());
    assertEquals(Integer.MAX_VALUE, ((Metric.Corpus) m.get("f1").create(Options.empty())).maxBootstrapIters());
    assertEquals(Integer.MAX_VALUE, ((Metric.Corpus) m.get("mcc").create(Options.empty())).maxBootstrapIters());
    assertEquals(0, ((Metric.Corpus) m.get("brier_score").create(Options.empty())).maxBootstrapIters());
  }

  @Test
  void passThroughMetricsIgnoreKwargsLikeLmEval() {
    // real task files pass ignore_case to acc and average to f1; lm-eval never hands them to those metrics
    Options kwargs = Options.of("metric kwarg", Map.of("ignore_case", true, "average", "macro"));
    metrics().get("acc").create(kwargs);
    assertEquals(Set.of(), kwargs.unreadKeys());
  }

  @Test
  void exactMatchRejectsUnknownKwargsWithTheMetricName() {
    MetricFactory em = metrics().get("exact_match");
    EvalException e = assertThrows(EvalException.class,
        () -> em.create(Options.of("metric kwarg", Map.of("ignore_cases", true))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("'exact_match'") && e.getMessage().contains("ignore_cases"), e.getMessage());
  }

  @Test
  void discoverableThroughTheServiceFile() {
    boolean found = false;
    for (Plugin p : ServiceLoader.load(Plugin.class, getClass().getClassLoader())) {
      found |= p instanceof MetricsPlugin;
    }
    assertTrue(found, "META-INF/services/org.lmeval.api.Plugin must list MetricsPlugin");
  }
}
