package org.lmeval.platform.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.results.RunInfo;
import org.lmeval.platform.results.TableFormatter;
import org.lmeval.platform.results.TrackerInfo;

/**
 * Replays lm-eval 0.4.13 runs (tools/scoring/gen_fixtures.py: local tasks, a replaying model) through a
 * {@link ScoringSession} and compares what it writes with what lm-eval wrote: every samples JSONL file
 * byte for byte, the results file byte for byte (but for the measured evaluation time), and the tables.
 */
@SuppressWarnings("unchecked")
class ScoringSessionFixtureTest {
  private static final String TIME_LINE = "(?m)^  \"total_evaluation_time_seconds\": \"[^\"]*\"$";

  @ParameterizedTest
  @ValueSource(strings = {"e2e_groups.json", "e2e_predict_only.json"})
  void replaysLmEvalRun(String fixture, @TempDir Path out) throws IOException {
    Map<String, Object> fx = Fixtures.load(fixture);
    Map<String, Object> expectedResults = Fixtures.parse((String) ((Map<String, Object>) fx.get("files")).get("results"));
    Map<String, Object> config = (Map<String, Object>) expectedResults.get("config");
    EvalSettings settings = EvalSettings.builder().model("CUSTOM").outputPath(out).logSamples(true)
        .predictOnly((Boolean) fx.get("predict_only")).bootstrapIters((Integer) fx.get("bootstrap_iters")).build();
    TrackerInfo tracker = new TrackerInfo("CUSTOM", (String) expectedResults.get("model_name"),
        (String) expectedResults.get("model_name_sanitized"), null, null, true, null, null, null);
    List<FixtureTask> tasks = new ArrayList<>();
    for (Object t : (List<Object>) fx.get("tasks")) {
      tasks.add(new FixtureTask((Map<String, Object>) t));
    }
    List<GroupSpec> groups = new ArrayList<>();
    for (Object g : (List<Object>) fx.get("groups")) {
      Map<String, Object> gj = (Map<String, Object>) g;
      List<GroupSpec.AggregateMetric> aggs = new ArrayList<>();
      for (Object a : (List<Object>) gj.get("aggregate_metric_list")) {
        Map<String, Object> aj = (Map<String, Object>) a;
        aggs.add(new GroupSpec.AggregateMetric((String) aj.get("metric"), (List<String>) aj.get("filter_list"),
            (String) aj.get("aggregation"), (Boolean) aj.get("weight_by_size")));
      }
      groups.add(new GroupSpec((String) gj.get("name"), (String) gj.get("alias"), (List<String>) gj.get("children"),
          aggs, (String) gj.get("version")));
    }
    Map<String, Object> env = new LinkedHashMap<>();
    for (String k : List.of("pretty_env_info", "transformers_version", "lm_eval_version", "upper_git_hash")) {
      env.put(k, expectedResults.get(k));
    }
    RunInfo run = new RunInfo((String) config.get("model"), config.get("model_args"), Map.of(),
        config.get("batch_size"), (List<Object>) config.get("batch_sizes"), config.get("device"),
        config.get("use_cache"), config.get("limit"), config.get("bootstrap_iters"), config.get("gen_kwargs"),
        config.get("random_seed"), config.get("numpy_seed"), config.get("torch_seed"), config.get("fewshot_seed"),
        (String) expectedResults.get("git_hash"), ((Number) expectedResults.get("date")).doubleValue(), env);

    ScoringSession.Finished done;
    try (Kernel kernel = TestScoringPlugin.kernel();
        ScoringSession session = ScoringSession.builder(kernel.registry(), settings)
            .taskOrder(tasks.stream().map(FixtureTask::name).toList()).tracker(tracker)
            .now(LocalDateTime.of(2026, 5, 11, 17, 50, 39, 123456000)).open()) {
      // score in reverse order: results must still come out in load order
      for (int i = tasks.size() - 1; i >= 0; i--) {
        FixtureTask t = tasks.get(i);
        session.scoreTask(t, t.instances(), t.responses());
      }
      done = session.finish(groups, run);
    }

    Path dir = out.resolve((String) expectedResults.get("model_name_sanitized"));
    Map<String, Object> files = (Map<String, Object>) fx.get("files");
    for (Map.Entry<String, Object> e : files.entrySet()) {
      if (e.getKey().equals("results")) {
        continue;
      }
      Path samples = dir.resolve("samples_" + e.getKey() + "_2026-05-11T17-50-39.123456.jsonl");
      String actual = Files.readString(samples, StandardCharsets.UTF_8);
      String[] expectedLines = ((String) e.getValue()).split("\n");
      String[] actualLines = actual.split("\n");
      assertEquals(expectedLines.length, actualLines.length, "records of " + e.getKey());
      for (int i = 0; i < expectedLines.length; i++) {
        Map<String, Object> want = Fixtures.parse(expectedLines[i]);
        Map<String, Object> got = Fixtures.parse(actualLines[i]);
        assertEquals(List.copyOf(want.keySet()), List.copyOf(got.keySet()), e.getKey() + " record " + i + " fields");
        for (String field : want.keySet()) {
          assertEquals(want.get(field), got.get(field), e.getKey() + " record " + i + " field " + field);
        }
      }
      assertEquals(e.getValue(), actual, "samples of " + e.getKey() + ", byte for byte");
    }
    String results = Files.readString(dir.resolve("results_2026-05-11T17-50-39.123456.json"), StandardCharsets.UTF_8);
    assertEquals(((String) files.get("results")).replaceAll(TIME_LINE, "TIME"), results.replaceAll(TIME_LINE, "TIME"));
    assertEquals(fx.get("results_table"), TableFormatter.makeTable(done.result().results(), "results"));
    if (fx.get("groups_table") != null) {
      assertEquals(fx.get("groups_table"), TableFormatter.makeTable(done.result().results(), "groups"));
      assertEquals(fx.get("results_table") + "\n" + fx.get("groups_table") + "\n", done.result().tables());
    }
    assertEquals(files.size(), done.result().files().size());
    assertTrue(done.result().files().stream().allMatch(Files::exists));
    assertNull(done.configDump());
  }
}
