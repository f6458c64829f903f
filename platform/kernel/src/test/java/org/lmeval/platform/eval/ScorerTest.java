package org.lmeval.platform.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RollingResult;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.python.PythonMath;
import org.lmeval.platform.python.PythonTuple;

/** The scorer per output type, with the test plugin's metrics and filters. */
class ScorerTest {
  private static Kernel kernel;
  private final List<SampleRecord> records = new ArrayList<>();
  private final SampleSink sink = (task, r) -> records.add(r);

  @BeforeAll
  static void start() {
    kernel = TestScoringPlugin.kernel();
  }

  @AfterAll
  static void stop() {
    kernel.close();
  }

  private ScoredTask score(FakeTask task, List<List<Object>> responses) {
    return score(task, responses, 1000, false);
  }

  private ScoredTask score(FakeTask task, List<List<Object>> responses, int iters, boolean predictOnly) {
    return new Scorer(kernel.registry(), iters, predictOnly).score(task, task.instances(), responses, sink);
  }

  private static List<Object> ll(double logprob, boolean greedy) {
    return List.of(new LoglikelihoodResult(logprob, greedy));
  }

  private static List<List<Object>> lls(double... logprobs) {
    List<List<Object>> out = new ArrayList<>();
    for (double x : logprobs) {
      out.add(ll(x, x > -1));
    }
    return out;
  }

  @Test
  void multipleChoiceResolvesGoldsAndUsesLmEvalMetricOrder() {
    FakeTask t = new FakeTask(OutputType.MULTIPLE_CHOICE).metric("acc_norm").metric("exact_match").metric("acc");
    t.doc("choices", List.of("a", "bbbb"), "target", 1);          // int gold
    t.doc("choices", List.of("a", "bbbb"), "target", "a");        // string gold
    t.doc("choices", List.of("a", "bbbb"), "target", "zzz");      // string gold not among the choices: -100
    t.doc("choices", List.of("a", "bbbb"), "target", 5);          // int gold out of range: -100
    ScoredTask s = score(t, lls(-2.0, -3.0, -0.5, -3.0, -2.0, -1.0, -1.0, -3.0));
    assertEquals(List.of("name", "alias", "sample_len", "acc,none", "acc_stderr,none", "acc_norm,none",
        "acc_norm_stderr,none", "exact_match,none", "exact_match_stderr,none"), List.copyOf(s.entry().keySet()));
    // acc preds: doc0 0 (gold 1), doc1 0 (gold 0), doc2 1 (gold -100), doc3 0 (gold -100)
    assertEquals(0.25, s.entry().get("acc,none"));
    assertEquals(PythonMath.meanStderr(new double[] {0, 1, 0, 0}), s.entry().get("acc_stderr,none"));
    // acc_norm divides by code-point length: doc0 -2/1 < -3/4, so it picks "bbbb", the gold
    assertEquals(0.5, s.entry().get("acc_norm,none"));
    assertEquals(4, s.sampleLen());
    assertEquals(Map.of("acc_norm", true, "exact_match", true, "acc", true), s.higherIsBetter());
    assertEquals(List.of("acc_norm", "exact_match", "acc"), List.copyOf(s.higherIsBetter().keySet()));
    assertEquals(4, records.size());
    SampleRecord r = records.get(0);
    assertEquals(List.of("acc", "acc_norm", "exact_match"), r.metrics());
    assertEquals(0, r.metricValues().get("exact_match"), "int(is_greedy[gold]) is an int");
    assertEquals(0.0, r.metricValues().get("acc"));
    assertEquals(List.of(PythonTuple.of(-2.0, false), PythonTuple.of(-3.0, false)), r.filteredResps());
    assertEquals(1, r.target(), "the record keeps the raw doc_to_target");
  }

  @Test
  void goldResolution() {
    FakeTask mc = new FakeTask(OutputType.MULTIPLE_CHOICE);
    Map<String, Object> doc = Map.of();
    List<String> abc = List.of("a", "b", "c");
    mc.target = d -> List.of(0, 2, 7);
    assertEquals(List.of(0, 2, -100), GoldResolver.multipleChoice(mc, doc, abc, 0));
    mc.target = d -> "c";
    assertEquals(2, GoldResolver.multipleChoice(mc, doc, abc, 0));
    mc.target = d -> -1;
    assertEquals(-1, GoldResolver.multipleChoice(mc, doc, abc, 0), "negative ints pass the < len check");
    mc.target = d -> 1.5;
    assertEquals(1.5, GoldResolver.multipleChoice(mc, doc, abc, 0), "other types pass through");
    mc.multipleInput = true;
    mc.target = d -> "unused";
    assertEquals(1, GoldResolver.multipleChoice(mc, Map.of("text", 1), abc, 0), "multiple_input: doc_to_text");

    FakeTask gen = new FakeTask(OutputType.GENERATE_UNTIL);
    gen.target = d -> 5;
    assertEquals("5", GoldResolver.generation(gen, doc, List.of(), "5", false, 0), "type(result)(gold)");
    assertEquals(5, GoldResolver.generation(gen, doc, List.of(), "5", true, 0), "not with bypass");
    assertEquals(5, GoldResolver.generation(gen, doc, List.of(), List.of("5"), false, 0), "not for list results");
    gen.target = d -> List.of("a", "b");
    assertEquals("['a', 'b']", GoldResolver.generation(gen, doc, List.of(), "x", false, 0));
    gen.target = d -> "7";
    assertEquals(7, GoldResolver.generation(gen, doc, List.of(), 3, false, 0), "int(gold) for an int result");
    gen.hasChoices = true;
    gen.target = d -> 1;
    assertEquals("b", GoldResolver.generation(gen, doc, abc, "x", false, 0), "doc_to_choice: choices[gold]");
    gen.target = d -> -1;
    assertEquals("c", GoldResolver.generation(gen, doc, abc, "x", false, 0));
    gen.target = d -> "b";
    EvalException e = assertThrows(EvalException.class, () -> GoldResolver.generation(gen, doc, abc, "x", false, 3));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    assertTrue(e.getMessage().contains("doc 3"), e.getMessage());
    gen.hasChoices = false;
    gen.multipleTarget = true;
    assertEquals(List.of("b"), GoldResolver.generation(gen, doc, List.of(), "x", false, 0));
    gen.target = d -> "ab";
    assertEquals(List.of("a", "b"), GoldResolver.generation(gen, doc, List.of(), "x", false, 0), "list(str)");
  }

  @Test
  void loglikelihoodProducesPerplexityThenAcc() {
    FakeTask t = new FakeTask(OutputType.LOGLIKELIHOOD).metric("acc").metric("perplexity");
    t.metrics.set(1, new MetricSpec("perplexity", "perplexity", false, Map.of()));
    t.doc("target", "mat").doc("target", "time").doc("target", "be");
    ScoredTask s = score(t, List.of(ll(-1.0, true), ll(-2.0, false), ll(-0.5, true)));
    assertEquals(List.of("name", "alias", "sample_len", "perplexity,none", "perplexity_stderr,none", "acc,none",
        "acc_stderr,none"), List.copyOf(s.entry().keySet()));
    assertEquals(Math.exp(-(-1.0 + -2.0 + -0.5) / 3), s.entry().get("perplexity,none"));
    assertTrue(s.entry().get("perplexity_stderr,none") instanceof Double, "perplexity is bootstrapped");
    assertEquals(2.0 / 3, s.entry().get("acc,none"));
    assertEquals(1, records.get(0).metricValues().get("acc"), "lm-eval logs int(is_greedy)");
    assertEquals(Map.of("acc", true, "perplexity", false), s.higherIsBetter());
  }

  @Test
  void rollingAcceptsResultsAndDoubles() {
    FakeTask t = new FakeTask(OutputType.LOGLIKELIHOOD_ROLLING).metric("word_perplexity").metric("bits_per_byte");
    t.doc("target", " two words ").doc("target", "é");
    ScoredTask s = score(t, List.of(List.of(new RollingResult(-4.0)), List.of(-2.0)));
    // re.split(r"\s+", " two words ") has 4 fields; "é" is 2 bytes
    assertEquals(Math.exp(6.0 / (4 + 1)), s.entry().get("word_perplexity,none"));
    assertEquals("N/A", s.entry().get("word_perplexity_stderr,none"));
    assertEquals(6.0 / (11 + 2) / Math.log(2), s.entry().get("bits_per_byte,none"));
    assertEquals(List.of(-4.0, 4), records.get(0).metricValues().get("word_perplexity"));
    assertEquals(List.of(List.of(-4.0)), records.get(0).resps());
  }

  @Test
  void generationCoercesTargetsAndScoresMultipleTargets() {
    FakeTask t = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match");
    t.doc("target", 5).doc("target", 12);
    ScoredTask s = score(t, List.of(List.of("5"), List.of("twelve")));
    assertEquals(0.5, s.entry().get("exact_match,none"));

    records.clear();
    FakeTask m = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match", "ignore_case", true);
    m.multipleTarget = true;
    m.doc("target", List.of("Paris", "paris, france")).doc("target", List.of("Rome")).doc("target", List.of());
    ScoredTask ms = score(m, List.of(List.of("PARIS"), List.of("Milan"), List.of("x")));
    assertEquals(1.0 / 3, ms.entry().get("exact_match,none"));
    assertEquals(1.0, records.get(0).metricValues().get("exact_match"));
    assertEquals(0.0, records.get(2).metricValues().get("exact_match"), "no gold: 0.0");
  }

  @Test
  void filterSetsAndRepeats() {
    FakeTask t = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match");
    t.repeats = 3;
    FilterSetSpec.Step regex = new FilterSetSpec.Step("regex", Map.of("regex_pattern", "#### (\\d+)"));
    t.filterSets = List.of(
        new FilterSetSpec("first", List.of(regex, new FilterSetSpec.Step("take_first", Map.of()))),
        new FilterSetSpec("maj", List.of(regex, new FilterSetSpec.Step("majority_vote", Map.of()),
            new FilterSetSpec.Step("take_first", Map.of()))),
        new FilterSetSpec("top2", List.of(new FilterSetSpec.Step("take_first_k", Map.of("k", 2)))));
    t.doc("target", "7").doc("target", "8");
    ScoredTask s = score(t, List.of(List.of("#### 6", "#### 7", "#### 7"), List.of("#### 8", "no", "#### 9")));
    assertEquals(0.5, s.entry().get("exact_match,first"));
    assertEquals(1.0, s.entry().get("exact_match,maj"));
    assertEquals(0.0, s.entry().get("exact_match,top2"), "a list response is compared as its str()");
    assertEquals(List.of("name", "alias", "sample_len", "exact_match,first", "exact_match_stderr,first",
        "exact_match,maj", "exact_match_stderr,maj", "exact_match,top2", "exact_match_stderr,top2"),
        List.copyOf(s.entry().keySet()));
    assertEquals(6, records.size(), "one record per doc per filter set, filter set major");
    assertEquals(List.of("first", "first", "maj", "maj", "top2", "top2"),
        records.stream().map(SampleRecord::filter).toList());
    assertEquals(List.of("7"), records.get(2).filteredResps());
    assertEquals(List.of(List.of("#### 6", "#### 7")), records.get(4).filteredResps());
    assertEquals(List.of(List.of("#### 6", "#### 7", "#### 7")), records.get(0).resps());
  }

  @Test
  void duplicateFilterSetNamesKeepTheFirstPositionAndTheLastPipeline() {
    FakeTask t = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match");
    t.filterSets = List.of(new FilterSetSpec("x", List.of(new FilterSetSpec.Step("take_first", Map.of()))),
        new FilterSetSpec("y", List.of(new FilterSetSpec.Step("take_first", Map.of()))),
        new FilterSetSpec("x", List.of(new FilterSetSpec.Step("regex", Map.of("regex_pattern", "(\\d)")),
            new FilterSetSpec.Step("take_first", Map.of()))));
    t.doc("target", "1");
    ScoredTask s = score(t, List.of(List.of("a 1")));
    assertEquals(List.of("exact_match,x", "exact_match_stderr,x", "exact_match,y", "exact_match_stderr,y"),
        List.copyOf(s.entry().keySet()).subList(3, 7));
    assertEquals(1.0, s.entry().get("exact_match,x"));
    assertEquals(0.0, s.entry().get("exact_match,y"));
  }

  @Test
  void nonFiniteLoglikelihoodIsABackendFailureNamingTaskDocAndRequest() {
    FakeTask t = new FakeTask(OutputType.MULTIPLE_CHOICE).metric("acc");
    t.name = "arc_easy";
    t.doc("choices", List.of("a", "b"), "target", 0).doc("choices", List.of("x", "yes"), "target", 0);
    List<List<Object>> responses = lls(-1, -2, -3, Double.NaN);
    EvalException e = assertThrows(EvalException.class, () -> score(t, responses));
    assertEquals(ErrorCode.BACKEND_FAILURE, e.code());
    assertTrue(e.getMessage().contains("(NaN) for task 'arc_easy', doc 1, request 1"), e.getMessage());
    assertTrue(e.getMessage().contains("continuation ' yes'"), e.getMessage());
    assertTrue(records.isEmpty(), "nothing of the task is logged");
    responses.set(3, ll(Double.NEGATIVE_INFINITY, false));
    assertTrue(assertThrows(EvalException.class, () -> score(t, responses)).getMessage().contains("-Infinity"));
  }

  @Test
  void responsesMustMatchInstancesAndRepeats() {
    FakeTask t = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match");
    t.repeats = 2;
    t.doc("target", "1");
    EvalException e = assertThrows(EvalException.class, () -> score(t, List.of(List.of("1"))));
    assertTrue(e.getMessage().contains("expected 2 responses (repeats), got 1"), e.getMessage());
    assertThrows(EvalException.class, () -> score(t, List.of()));
    assertThrows(EvalException.class, () -> score(t, List.of(Arrays.asList("1", null))));
  }

  @Test
  void predictOnlyLogsSamplesWithBypass() {
    FakeTask mc = new FakeTask(OutputType.MULTIPLE_CHOICE).metric("acc");
    mc.doc("choices", List.of("a", "b"), "target", 0);
    ScoredTask s = score(mc, lls(-1, -2), 1000, true);
    assertEquals(List.of("name", "alias", "sample_len"), List.copyOf(s.entry().keySet()));
    assertEquals(0, s.sampleLen());
    assertEquals(Map.of("bypass", true), s.higherIsBetter());
    assertEquals(List.of(), records.get(0).metrics());

    records.clear();
    FakeTask gen = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match");
    gen.doc("target", 5).doc("target", 6);
    ScoredTask g = score(gen, List.of(List.of("5"), List.of("x")), 1000, true);
    assertEquals(999, g.entry().get("bypass,none"));
    assertEquals("N/A", g.entry().get("bypass_stderr,none"));
    assertTrue(records.get(0).metricValues().containsKey("bypass"));
    assertNull(records.get(0).metricValues().get("bypass"));
  }

  @Test
  void stderrRules() {
    FakeTask t = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match");
    t.doc("target", "1").doc("target", "2");
    List<List<Object>> rs = List.of(List.of("1"), List.of("3"));
    assertEquals("N/A", score(t, rs, 0, false).entry().get("exact_match_stderr,none"), "bootstrap_iters 0");
    assertEquals(Math.sqrt(0.5) / Math.sqrt(2), score(t, rs, 5, false).entry().get("exact_match_stderr,none"),
        "mean: closed form whatever the iterations");
    FakeTask one = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match");
    one.doc("target", "1");
    assertEquals("N/A", score(one, List.of(List.of("1"))).entry().get("exact_match_stderr,none"), "< 2 items");

    FakeTask corpus = new FakeTask(OutputType.GENERATE_UNTIL).metric("capped_corpus");
    corpus.doc("target", "1").doc("target", "2");
    ScoredTask c = score(corpus, rs);
    assertEquals(2.0, c.entry().get("capped_corpus,none"));
    assertEquals("N/A", c.entry().get("capped_corpus_stderr,none"), "maxBootstrapIters 0");
    assertNull(records.get(records.size() - 1).metricValues().get("capped_corpus"));

    FakeTask closed = new FakeTask(OutputType.GENERATE_UNTIL).metric("closed_form_corpus");
    closed.doc("target", "1").doc("target", "2");
    assertEquals(0.125, score(closed, rs).entry().get("closed_form_corpus_stderr,none"));
    assertEquals("N/A", score(closed, rs, 0, false).entry().get("closed_form_corpus_stderr,none"));

    FakeTask bleu = new FakeTask(OutputType.GENERATE_UNTIL).metric("bleu");
    bleu.doc("target", "1").doc("target", "2");
    TestScoringPlugin.COUNTING_CALLS.set(0);
    score(bleu, rs, 1000, false);
    assertEquals(1 + 100, TestScoringPlugin.COUNTING_CALLS.get(), "bleu/chrf/ter bootstrap at most 100 times");
  }

  @Test
  void metricAndFilterKwargsAreChecked() {
    FakeTask gen = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match", "ignore_cas", true);
    gen.doc("target", "1");
    EvalException e = assertThrows(EvalException.class, () -> score(gen, List.of(List.of("1"))));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains("ignore_cas"), e.getMessage());

    FakeTask mc = new FakeTask(OutputType.MULTIPLE_CHOICE).metric("acc", "whatever", 1);
    mc.doc("choices", List.of("a"), "target", 0);
    assertEquals(1.0, score(mc, lls(-1)).entry().get("acc,none"), "lm-eval ignores metric kwargs here");

    FakeTask f = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match");
    f.filterSets = List.of(new FilterSetSpec("s", List.of(new FilterSetSpec.Step("take_first", Map.of("k", 1)))));
    f.doc("target", "1");
    String filterError = assertThrows(EvalException.class, () -> score(f, List.of(List.of("1")))).getMessage();
    assertTrue(filterError.contains("filter kwarg 'k'") && filterError.contains("take_first"), filterError);

    FakeTask unknown = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_mach");
    unknown.doc("target", "1");
    EvalException u = assertThrows(EvalException.class, () -> score(unknown, List.of(List.of("1"))));
    assertEquals(ErrorCode.UNKNOWN_COMPONENT, u.code());
    assertTrue(u.getMessage().contains("exact_match"), "did you mean: " + u.getMessage());
  }

  @Test
  void lmEvalMetricsAnOutputTypeDoesNotProduceAreSkipped() {
    FakeTask t = new FakeTask(OutputType.LOGLIKELIHOOD).metric("acc").metric("chrf").metric("acc_norm");
    t.doc("target", "x");
    ScoredTask s = score(t, List.of(ll(-1, true)));
    assertEquals(List.of("name", "alias", "sample_len", "acc,none", "acc_stderr,none"),
        List.copyOf(s.entry().keySet()));
    assertEquals(List.of("acc", "chrf", "acc_norm"), List.copyOf(s.higherIsBetter().keySet()));
    assertFalse(records.get(0).metricValues().containsKey("acc_norm"));
  }

  @Test
  void aFilterMustKeepOneValuePerRequest() {
    FakeTask t = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match");
    t.filterSets = List.of(new FilterSetSpec("s", List.of(new FilterSetSpec.Step("drop_all", Map.of()))));
    t.doc("target", "1");
    EvalException e = assertThrows(EvalException.class, () -> score(t, List.of(List.of("1"))));
    // The kernel boundary checks every filter's output size before the scorer sees it.
    assertEquals(ErrorCode.BACKEND_FAILURE, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains("drop_all"), e.getMessage());
  }
}
