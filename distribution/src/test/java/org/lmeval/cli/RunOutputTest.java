package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvaluationResult;
import org.lmeval.platform.eval.ScoringSession;
import org.lmeval.platform.python.PythonJson;

/** What 'lm-eval run' prints and what it hands to the evaluator. */
class RunOutputTest {
  @TempDir
  Path dir;

  private static ScoringSession.Finished result(EvalSettings s) {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("results", Map.of("arc_easy", Map.of("acc,none", 0.25, "acc_stderr,none", 1e-05)));
    results.put("config", Map.of("model", "dummy"));
    EvaluationResult r = new EvaluationResult(results, "dummy ({}), gen_kwargs: ({}), limit: 20.0, num_fewshot: None, batch_size: 1",
        "|Tasks|\n", List.of());
    return new ScoringSession.Finished(r, s.showConfig() ? PythonJson.dumps(results, PythonJson.Options.RESULTS) : null);
  }

  @Test
  void printsTheSummaryLineThenTheTables() {
    CliRun.Result r = new CliRun(dir).runner((kernel, s, err) -> result(s)).run("--model", "dummy", "--tasks", "arc_easy");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("dummy ({}), gen_kwargs: ({}), limit: 20.0, num_fewshot: None, batch_size: 1\n|Tasks|\n\n", r.out());
  }

  @Test
  void showConfigPrintsTheResultsJsonFirst() {
    CliRun.Result r = new CliRun(dir).runner((kernel, s, err) -> result(s))
        .run("--model", "dummy", "--tasks", "arc_easy", "--show_config");
    assertTrue(r.out().startsWith("""
        {
          "results": {
            "arc_easy": {
        """), r.out());
    assertTrue(r.out().contains("\"acc_stderr,none\": 1e-05"), r.out());
    assertTrue(r.out().contains("}\ndummy ({}), gen_kwargs"), r.out());
  }

  @Test
  void trackerFlagsWarnOnceEachAndDoNotFail() {
    CliRun.Result r = new CliRun(dir).run("--model", "dummy", "--tasks", "arc_easy", "--wandb_args", "project=p",
        "--hf_hub_log_args", "hub_results_org=o", "--check_integrity");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of(
        "lm-eval: warning: --wandb_args is not supported in lm-eval-java (nothing is logged to Weights & Biases); "
            + "ignored",
        "lm-eval: warning: --hf_hub_log_args is not supported in lm-eval-java (nothing is pushed to the Hugging Face "
            + "Hub); ignored",
        "lm-eval: warning: --check_integrity is ignored: lm-eval's task test suite it ran no longer exists"),
        r.err().lines().toList());
  }

  @Test
  void trackerFlagsStillValidateTheirSyntax() {
    CliRun.Result r = new CliRun(dir).run("--model", "dummy", "--tasks", "arc_easy", "--trackio_args", "project");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertEquals("lm-eval: error: argument --trackio_args: expected `key=value`, got 'project'\n", r.err());
  }

  @Test
  void ownSettingsReachTheEvaluator() {
    Path datasets = dir.resolve("ds");
    CliRun cli = new CliRun(dir).env(Map.of("LMEVAL_DATASETS", "env-ds"));
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy", "--bootstrap_iters", "0").exitCode());
    assertEquals(0, cli.lastSettings().bootstrapIters());
    assertEquals(dir.resolve("env-ds"), cli.lastSettings().datasetDir());
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy", "--dataset_dir", "ds").exitCode());
    assertEquals(datasets, cli.lastSettings().datasetDir());
    assertEquals(100000, cli.lastSettings().bootstrapIters());
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy", "--include_path", "my_tasks").exitCode());
    assertEquals(List.of(dir.resolve("my_tasks")), cli.lastSettings().includePaths());
  }

  @Test
  void jsonModelArgsAndMetadataMerge() {
    CliRun cli = new CliRun(dir);
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy", "--model_args",
        "{\"pretrained\": \"m\", \"max_length\": 2048}", "--metadata", "max_length=4096", "tokenizer=t").exitCode());
    assertEquals(Map.of("pretrained", "m", "max_length", 2048), cli.lastSettings().modelArgs());
    assertEquals(Map.of("pretrained", "m", "max_length", 4096, "tokenizer", "t"), cli.lastSettings().metadata());
  }

  @Test
  void samplesFromAFile() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("s.json"), "{\"arc_easy\": [3, 1]}");
    CliRun cli = new CliRun(dir);
    assertEquals(0, cli.run("--model", "dummy", "--tasks", "arc_easy", "--samples", "s.json").exitCode());
    assertEquals(Map.of("arc_easy", List.of(3, 1)), cli.lastSettings().samples());
  }
}
