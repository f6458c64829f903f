package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/** Errors are one line on stderr, with the exit code of B9; stack traces only at DEBUG. */
class ErrorsTest {
  @TempDir
  Path dir;

  @Test
  void unknownFlagNamesItAndTheClosestFlag() {
    CliRun.Result r = new CliRun(dir).run("--modle", "dummy", "--tasks", "arc_easy");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertEquals("lm-eval: error: unknown option '--modle'; did you mean '--model'?\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void unknownFlagWithValueAttachedAndShortForm() {
    CliRun.Result r = new CliRun(dir).run("--model", "dummy", "--tasks", "arc_easy", "--num_fewshots=5");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: unknown option '--num_fewshots'; did you mean '--num_fewshot'"),
        r.err());
    r = new CliRun(dir).run("--model", "dummy", "--tasks", "arc_easy", "-q");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: unknown option '-q'"), r.err());
  }

  @Test
  void ambiguousPrefixNamesTheCandidates() {
    CliRun.Result r = new CliRun(dir).run("--model", "dummy", "--tasks", "x", "--wandb", "a=1");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertEquals("lm-eval: error: ambiguous option: --wandb could match --wandb_args, --wandb_config_args\n", r.err());
  }

  @Test
  void unknownModelGetsTheRegistrysSuggestion() {
    CliRun.Result r = new CliRun(dir).run("--model", "dumy", "--tasks", "arc_easy");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertEquals("lm-eval: error: unknown model 'dumy'; did you mean 'dummy'?\n", r.err());
  }

  @Test
  void lmEvalsHfModelPointsToTheInProcessBackends() {
    // this test set registers a fake "hf"; hf-auto is the same lm-eval backend under another name
    CliRun.Result r = new CliRun(dir).run("--model", "hf-auto", "--tasks", "arc_easy", "--model_args",
        "pretrained=gpt2");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: unknown model 'hf-auto': lm-eval's hf backend runs "
        + "transformers"), r.err());
    assertTrue(r.err().contains("--model djl") && r.err().contains("--model tensorflow"), r.err());
    CliRun.Result vllm = new CliRun(dir).run("--model", "vllm", "--tasks", "arc_easy");
    assertEquals(ExitCodes.USAGE, vllm.exitCode());
    assertTrue(vllm.err().contains("--model local-completions"), vllm.err());
  }

  @Test
  void noModelBackendsAtAllIsAConfigurationError() {
    CliRun.Result r = new CliRun(dir).noPlugins().run("--model", "dummy", "--tasks", "arc_easy");
    assertEquals(ExitCodes.CONFIGURATION, r.exitCode());
    assertTrue(r.err().contains("no model backends are registered"), r.err());
    assertTrue(r.err().contains("docs/troubleshooting.md#no-model-backends"), r.err());
  }

  @Test
  void badValuesAreUsageErrorsNamingTheFlag() {
    assertUsage("argument --num_fewshot: invalid int value: 'five'", "--num_fewshot", "five");
    assertUsage("argument --limit: invalid float value: '1,5'", "--limit", "1,5");
    assertUsage("argument --batch_size: invalid batch size 'big'", "--batch_size", "big");
    assertUsage("argument --cache_requests: invalid value 'yes' (choose from true, refresh, delete)",
        "--cache_requests", "yes");
    assertUsage("argument --verbosity: unknown log level 'loud'", "--verbosity", "loud");
    assertUsage("argument --model_args: expected `key=value`, got 'pythia'", "--model_args", "pythia");
    assertUsage("Specify --output_path if providing --log_samples or --predict_only", "--log_samples");
    assertUsage("When `fewshot_as_multiturn` is True, `apply_chat_template` must be set", "--fewshot_as_multiturn");
    assertUsage("If --samples is not None, then --limit must be None", "--samples", "{\"arc_easy\": [1]}",
        "--limit", "2");
    assertUsage("argument --samples: 'nope.json' is neither a JSON object nor a file", "--samples", "nope.json");
    assertUsage("argument --runtime: expected classpath or osgi, got 'karaf'", "--runtime", "karaf");
    assertUsage("argument --tasks: empty task name", "--tasks", "a,");
  }

  @Test
  void missingTasksIsAUsageError() {
    CliRun.Result r = new CliRun(dir).run("--model", "dummy");
    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: no tasks given: use --tasks"), r.err());
  }

  @Test
  void evaluationFailuresExitWithOneAndNoStackTrace() {
    CliRun.Result r = new CliRun(dir).runner((kernel, s, err) -> {
      throw new EvalException(ErrorCode.BACKEND_FAILURE, "server returned 500 for request 3");
    }).run("--model", "dummy", "--tasks", "arc_easy");
    assertEquals(ExitCodes.FAILURE, r.exitCode());
    assertEquals("lm-eval: error: server returned 500 for request 3\n", r.err());
  }

  @Test
  void taskDefinitionErrorsAreConfigurationErrors() {
    CliRun.Result r = new CliRun(dir).runner((kernel, s, err) -> {
      throw new EvalException(ErrorCode.INVALID_TASK, "arc.yaml: key 'doc_to_text': unknown filter 'uper'");
    }).run("--model", "dummy", "--tasks", "arc_easy");
    assertEquals(ExitCodes.CONFIGURATION, r.exitCode());
  }

  @Test
  void unexpectedExceptionsAreInternalErrorsWithTheTraceOnlyAtDebug() {
    EvaluationRunner broken = (kernel, s, err) -> {
      throw new IllegalStateException("boom");
    };
    CliRun.Result quiet = new CliRun(dir).runner(broken).run("--model", "dummy", "--tasks", "arc_easy");
    assertEquals(ExitCodes.FAILURE, quiet.exitCode());
    assertTrue(quiet.err().startsWith("lm-eval: error: internal error: java.lang.IllegalStateException: boom; rerun "
        + "with --verbosity DEBUG"), quiet.err());
    assertFalse(quiet.err().contains("\tat "), quiet.err());
    CliRun.Result debug = new CliRun(dir).runner(broken)
        .run("--model", "dummy", "--tasks", "arc_easy", "--verbosity", "DEBUG");
    assertTrue(debug.err().contains("\tat "), "DEBUG shows the stack trace: " + debug.err());
    CliRun.Result envDebug = new CliRun(dir).runner(broken).env(Map.of("LMEVAL_LOG_LEVEL", "debug"))
        .run("--model", "dummy", "--tasks", "arc_easy");
    assertTrue(envDebug.err().contains("\tat "), "LMEVAL_LOG_LEVEL=debug shows it too");
  }

  @Test
  void lmEvalLogLevelWinsOverVerbosity() {
    CliRun.Result r = new CliRun(dir).env(Map.of("LMEVAL_LOG_LEVEL", "ERROR"))
        .run("--model", "dummy", "--tasks", "arc_easy", "--limit", "2", "--verbosity", "INFO");
    assertEquals(0, r.exitCode());
    assertFalse(r.err().contains("--limit SHOULD ONLY BE USED FOR TESTING"), r.err());
    CliRun.Result info = new CliRun(dir).run("--model", "dummy", "--tasks", "arc_easy", "--verbosity", "INFO");
    assertTrue(info.err().contains("INFO [cli] Selected Tasks: [arc_easy]"), info.err());
  }

  @Test
  void missingPluginsFolderIsAConfigurationError() {
    CliRun.Result r = new CliRun(dir).run("plugins", "--plugins_dir", "no/such/dir");
    assertEquals(ExitCodes.CONFIGURATION, r.exitCode());
    assertTrue(r.err().startsWith("lm-eval: error: plugins folder not found: " + dir.resolve("no/such/dir")),
        r.err());
  }

  @Test
  void exitCodesMapEveryErrorCode() {
    for (ErrorCode code : ErrorCode.values()) {
      int exit = ExitCodes.forErrorCode(code);
      assertTrue(exit >= 1 && exit <= 3, code + " -> " + exit);
    }
    assertEquals(ExitCodes.USAGE, ExitCodes.forErrorCode(ErrorCode.INVALID_ARGUMENT));
    assertEquals(ExitCodes.CONFIGURATION, ExitCodes.forErrorCode(ErrorCode.PLUGIN_LOAD_FAILED));
    assertEquals(ExitCodes.FAILURE, ExitCodes.forErrorCode(ErrorCode.BACKEND_UNAVAILABLE));
  }

  private void assertUsage(String expectedStart, String... flags) {
    String[] args = new String[flags.length + 4];
    args[0] = "--model";
    args[1] = "dummy";
    args[2] = "--tasks";
    args[3] = "arc_easy";
    System.arraycopy(flags, 0, args, 4, flags.length);
    if (flags[0].equals("--tasks")) {
      args = new String[] {"--model", "dummy", "--tasks", flags[1]};
    }
    CliRun.Result r = new CliRun(dir).run(args);
    assertEquals(ExitCodes.USAGE, r.exitCode(), String.join(" ", args) + ": " + r.err());
    String last = r.err().lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("lm-eval: error: " + expectedStart), last);
  }
}
