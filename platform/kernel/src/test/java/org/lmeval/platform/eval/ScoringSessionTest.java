package org.lmeval.platform.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.results.RunInfo;

/** The session's run-level behaviour: failures, flags and files. */
@SuppressWarnings("unchecked")
class ScoringSessionTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6000);
  private static Kernel kernel;

  @BeforeAll
  static void start() {
    kernel = TestScoringPlugin.kernel();
  }

  @AfterAll
  static void stop() {
    kernel.close();
  }

  private static FakeTask gen(String name) {
    FakeTask t = new FakeTask(OutputType.GENERATE_UNTIL).metric("exact_match");
    t.name = name;
    t.doc("target", "1").doc("target", "2");
    return t;
  }

  private static FakeTask mc(String name) {
    FakeTask t = new FakeTask(OutputType.MULTIPLE_CHOICE).metric("acc");
    t.name = name;
    t.doc("choices", List.of("a", "b"), "target", 0);
    return t;
  }

  private static List<List<Object>> lls(double a, double b) {
    return List.of(List.of(new LoglikelihoodResult(a, false)), List.of(new LoglikelihoodResult(b, false)));
  }

  private static RunInfo run(EvalSettings s) {
    return new RunInfo(s.model(), s.modelArgs(), Map.of(), 1, List.of(), null, null, null, s.bootstrapIters(),
        Map.of(), 0, 1234, 1234, 1234, null, 1.5e9, RunInfo.defaultEnvironment());
  }

  @Test
  void aFailingTaskLeavesTheFinishedTasksWritten(@TempDir Path out) throws IOException {
    EvalSettings s = EvalSettings.builder().model("dummy").modelArgs(Map.of("pretrained", "org/m"))
        .outputPath(out).logSamples(true).build();
    try (ScoringSession session = ScoringSession.builder(kernel.registry(), s).taskOrder(List.of("ok", "bad"))
        .now(NOW).open()) {
      session.scoreTask(gen("ok"), gen("ok").instances(), List.of(List.of("1"), List.of("3")));
      FakeTask bad = mc("bad");
      EvalException e = assertThrows(EvalException.class,
          () -> session.scoreTask(bad, bad.instances(), lls(-1, Double.NaN)));
      assertTrue(e.getMessage().contains("task 'bad', doc 0, request 1"), e.getMessage());
      ScoringSession.Finished done = session.finish(List.of(), run(s));
      Map<String, Object> results = (Map<String, Object>) done.result().results().get("results");
      assertEquals(List.of("ok"), List.copyOf(results.keySet()));
      Path dir = out.resolve("org__m");
      assertTrue(Files.exists(dir.resolve("results_2026-01-02T03-04-05.000006.json")));
      assertEquals(2, Files.readAllLines(dir.resolve("samples_ok_2026-01-02T03-04-05.000006.jsonl")).size());
      assertEquals(Map.of("ok", ((ScoredTask) session.scoredTasks().get(0)).taskHash()),
          done.result().results().get("task_hashes"));
      String[] lines = done.result().tables().split("\n");
      assertEquals("|Tasks|Version|Filter|n-shot|  Metric   |   |Value|   |Stderr|", lines[0]);
      assertEquals("dummy ({'pretrained': 'org/m'}), gen_kwargs: ({}), limit: None, num_fewshot: None, "
          + "batch_size: 1", done.result().summaryLine());
    }
  }

  @Test
  void withoutOutputPathNothingIsWrittenAndShowConfigDumpsTheResults() {
    EvalSettings s = EvalSettings.builder().model("dummy").showConfig(true).logSamples(true).build();
    try (ScoringSession session = ScoringSession.builder(kernel.registry(), s).open()) {
      session.scoreTask(gen("t"), gen("t").instances(), List.of(List.of("1"), List.of("2")));
      ScoringSession.Finished done = session.finish(List.of(), run(s));
      assertTrue(done.result().files().isEmpty());
      assertFalse(done.result().results().containsKey("task_hashes"), "only the tracker adds them, when saving");
      assertNotNull(done.configDump());
      assertTrue(done.configDump().startsWith("{\n  \"results\": {\n    \"t\": {"), done.configDump());
      assertTrue(done.configDump().contains("\"exact_match,none\": 1.0"));
    }
  }

  @Test
  void withoutLogSamplesNoSamplesFilesAndEmptyTaskHashes(@TempDir Path out) throws IOException {
    EvalSettings s = EvalSettings.builder().model("dummy").outputPath(out.resolve("res.json")).build();
    try (ScoringSession session = ScoringSession.builder(kernel.registry(), s).now(NOW).open()) {
      session.scoreTask(gen("t"), gen("t").instances(), List.of(List.of("1"), List.of("2")));
      ScoringSession.Finished done = session.finish(List.of(), run(s));
      assertEquals(List.of(out.resolve("res_2026-01-02T03-04-05.000006.json")), done.result().files());
      assertEquals(Map.of(), done.result().results().get("task_hashes"));
      try (var files = Files.list(out)) {
        assertEquals(1, files.count());
      }
    }
  }

  @Test
  void taskWithoutInstancesGetsAnEmptySamplesFileAndNoMetrics(@TempDir Path out) {
    EvalSettings s = EvalSettings.builder().model("dummy").outputPath(out).logSamples(true).build();
    FakeTask empty = gen("empty");
    empty.docs.clear();
    try (ScoringSession session = ScoringSession.builder(kernel.registry(), s).now(NOW).open()) {
      ScoredTask t = session.scoreTask(empty, List.of(), List.of());
      assertEquals(List.of("name", "alias", "sample_len"), List.copyOf(t.entry().keySet()));
      assertEquals(SampleRecord.sha256(""), t.taskHash());
      Path samples = session.outputPaths().samplesFile("empty");
      assertTrue(Files.exists(samples));
    }
  }

  @Test
  void groupsAreAggregatedAndPrinted() {
    EvalSettings s = EvalSettings.builder().model("dummy").build();
    GroupSpec g = new GroupSpec("grp", "My group", List.of("a", "b"),
        List.of(new GroupSpec.AggregateMetric("exact_match", null, "mean", true)), "1");
    try (ScoringSession session = ScoringSession.builder(kernel.registry(), s).taskOrder(List.of("a", "b")).open()) {
      session.scoreTask(gen("b"), gen("b").instances(), List.of(List.of("1"), List.of("x")));
      session.scoreTask(gen("a"), gen("a").instances(), List.of(List.of("1"), List.of("2")));
      ScoringSession.Finished done = session.finish(List.of(g), run(s));
      Map<String, Object> r = done.result().results();
      assertEquals(List.of("results", "groups", "group_subtasks", "configs", "versions", "n-shot",
          "higher_is_better", "n-samples", "config", "git_hash", "date", "pretty_env_info", "transformers_version",
          "lm_eval_version", "upper_git_hash"), List.copyOf(r.keySet()));
      assertEquals(List.of("a", "b", "grp"), List.copyOf(((Map<String, Object>) r.get("results")).keySet()));
      Map<String, Object> grp = (Map<String, Object>) ((Map<String, Object>) r.get("groups")).get("grp");
      assertEquals(0.75, grp.get("exact_match,none"));
      assertEquals(Map.of("grp", 0, "a", 0, "b", 0), r.get("n-shot"));
      assertTrue(done.result().tables().contains("|My group"), done.result().tables());
      assertTrue(done.result().tables().contains("| - a"), done.result().tables());
      assertTrue(done.result().tables().contains("\n| Groups |Version|"), done.result().tables());
    }
  }
}
