package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmeval.platform.eval.EvalSettings;

/**
 * Whole command lines against lm-eval 0.4.13: its parser and {@code EvaluatorConfig.from_cli} ran on each
 * (tools/cli/gen_cli_vectors.py); the settings we hand to the evaluator must hold the same values, and the
 * command lines lm-eval rejects must be usage or configuration errors here.
 */
class ArgvVectorsTest {
  @TempDir
  Path dir;

  static Stream<Arguments> vectors() {
    List<Arguments> cases = new ArrayList<>();
    Fixtures.cli().get("argv").forEach(c -> cases.add(Arguments.of(c.get("argv").toString(), c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matchesLmEval(String name, JsonNode vector) throws IOException {
    Path config = dir.resolve("run.yaml");
    Files.writeString(config, Fixtures.cli().get("config_yaml").asText());
    List<String> argv = new ArrayList<>();
    vector.get("argv").forEach(a -> argv.add(a.asText().equals("{config}") ? config.toString() : a.asText()));
    CliRun cli = new CliRun(dir);
    CliRun.Result r = cli.run(argv.toArray(String[]::new));
    String outcome = vector.get("outcome").asText();
    if (!outcome.equals("ok")) {
      assertTrue(r.exitCode() == ExitCodes.USAGE || r.exitCode() == ExitCodes.CONFIGURATION,
          "lm-eval: " + outcome + "; we exited " + r.exitCode() + ": " + r.err());
      List<String> lines = r.err().lines().toList();
      assertTrue(lines.get(lines.size() - 1).startsWith("lm-eval: error: "), r.err());
      assertEquals(1, r.err().lines().filter(l -> l.startsWith("lm-eval: error")).count(), r.err());
      return;
    }
    assertEquals(0, r.exitCode(), r.err());
    assertSameSettings(vector.get("config"), cli.lastSettings());
  }

  private void assertSameSettings(JsonNode py, EvalSettings s) {
    assertEquals(py.get("model").asText(), s.model());
    assertEquals(Fixtures.normalized(py.get("model_args")), Fixtures.tagged(s.modelArgs()), "model_args");
    assertEquals(tasks(py.get("tasks")), s.tasks(), "tasks");
    assertEquals(integerOrNull(py.get("num_fewshot")), s.numFewshot(), "num_fewshot");
    assertEquals(py.get("batch_size").asText(), s.batchSize(), "batch_size");
    assertEquals(integerOrNull(py.get("max_batch_size")), s.maxBatchSize(), "max_batch_size");
    assertEquals(py.get("limit").isNull() ? null : py.get("limit").asDouble(), s.limit(), "limit");
    assertEquals(Fixtures.normalized(py.get("samples")), Fixtures.tagged(s.samples()), "samples");
    assertEquals(textOrNull(py.get("use_cache")), s.useCache(), "use_cache");
    assertEquals(cacheRequests(py.get("cache_requests")), s.cacheRequests(), "cache_requests");
    assertEquals(py.get("write_out").asBoolean(), s.writeOut(), "write_out");
    assertEquals(py.get("log_samples").asBoolean(), s.logSamples(), "log_samples");
    assertEquals(py.get("output_path").isNull() ? null : dir.resolve(py.get("output_path").asText()),
        s.outputPath(), "output_path");
    assertEquals(py.get("predict_only").asBoolean(), s.predictOnly(), "predict_only");
    assertEquals(textOrNull(py.get("system_instruction")), s.systemInstruction(), "system_instruction");
    JsonNode chat = py.get("apply_chat_template");
    assertEquals(chat.isBoolean() ? (chat.asBoolean() ? "" : null) : chat.asText(), s.applyChatTemplate(),
        "apply_chat_template");
    JsonNode multiturn = py.get("fewshot_as_multiturn");
    assertEquals(multiturn.isNull() ? null : multiturn.asBoolean(), s.fewshotAsMultiturn(), "fewshot_as_multiturn");
    assertEquals(py.get("show_config").asBoolean(), s.showConfig(), "show_config");
    assertEquals(py.get("include_path").isNull() ? List.of() : List.of(dir.resolve(py.get("include_path").asText())),
        s.includePaths(), "include_path");
    assertEquals(Fixtures.normalized(py.get("gen_kwargs")), Fixtures.tagged(s.genKwargs()), "gen_kwargs");
    List<Integer> seeds = new ArrayList<>();
    py.get("seed").forEach(n -> seeds.add(n.isNull() ? null : n.asInt()));
    assertEquals(seeds, Arrays.asList(s.randomSeed(), s.numpySeed(), s.torchSeed(), s.fewshotSeed()), "seed");
    assertEquals(py.get("trust_remote_code").asBoolean(), s.trustRemoteCode(), "trust_remote_code");
    assertEquals(py.get("confirm_run_unsafe_code").asBoolean(), s.confirmRunUnsafeCode(), "confirm_run_unsafe_code");
    assertEquals(Fixtures.normalized(py.get("metadata")), Fixtures.tagged(s.metadata()), "metadata");
  }

  /** lm-eval keeps a config file's "a,b" as a string until task matching splits it on commas. */
  private static List<String> tasks(JsonNode n) {
    List<String> names = new ArrayList<>();
    if (n.isTextual()) {
      names.addAll(List.of(n.asText().split(",")));
    } else {
      n.forEach(t -> names.add(t.asText()));
    }
    return names;
  }

  private static String cacheRequests(JsonNode n) {
    if (n.isEmpty()) {
      return null;
    }
    if (n.get("delete_requests_cache").asBoolean()) {
      return "delete";
    }
    return n.get("rewrite_requests_cache").asBoolean() ? "refresh" : "true";
  }

  private static Integer integerOrNull(JsonNode n) {
    return n.isNull() ? null : n.asInt();
  }

  private static String textOrNull(JsonNode n) {
    return n.isNull() ? null : n.asText();
  }

}
