package org.lmeval.tasks.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvaluationResult;
import org.lmeval.platform.eval.Evaluator;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.plugin.replay.ReplayPlugin;

/**
 * Scoring parity with lm-eval 0.4.13 on a real model. Each fixture folder (tools/replay/make_fixtures.py)
 * holds what lm-eval wrote for one run of the stories260K model ({@code --model hf}, CPU): the results JSON
 * and the samples JSONL files. The same run is made with our evaluator, the bundled task YAML and the real
 * plugins, with {@code --model replay} answering from lm-eval's logged responses; then every metric value
 * and stderr (closed form and bootstrap) of every task and group must equal lm-eval's to 1e-12 relative,
 * the per-run tables (versions, n-shot, higher_is_better, n-samples, group_subtasks, task_hashes) must be
 * equal, and every sample record must equal lm-eval's field by field (doc_id, doc, target, arguments,
 * resps, filtered_resps, filter, metrics, the three hashes and the per-document metric values).
 * Configs are not compared: our bundles' YAML text is ours.
 */
class ReplayParityTest {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final double RELATIVE = 1e-12;
  private static final List<String> TABLES = List.of("group_subtasks", "versions", "n-shot", "higher_is_better",
      "n-samples", "task_hashes");

  static Stream<Path> runs() throws IOException {
    Path dir = Path.of("src/test/resources/lmeval-hf");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("run.json"))).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  @SuppressWarnings("unchecked")
  void scoresEqualLmEvalOnReplayedResponses(Path run, @TempDir Path tmp) throws IOException {
    Map<String, Object> manifest = JSON.readValue(run.resolve("run.json").toFile(), Map.class);
    Path mirror = tmp.resolve("datasets");
    GoldenParityTest.buildMirror((Map<String, Map<String, String>>) manifest.get("split_files"), mirror);

    PluginRegistry registry = registry();
    List<Integer> seed = (List<Integer>) manifest.get("seed");
    EvalSettings settings = EvalSettings.builder()
        .model("replay")
        .modelArgs(Map.of("path", run.toAbsolutePath().toString()))
        .tasks((List<String>) manifest.get("tasks"))
        .numFewshot((Integer) manifest.get("num_fewshot"))
        .limit(((Number) manifest.get("limit")).doubleValue())
        .genKwargs(genKwargs((String) manifest.get("gen_kwargs")))
        .bootstrapIters((Integer) manifest.get("bootstrap_iters"))
        .randomSeed(seed.get(0)).numpySeed(seed.get(1)).torchSeed(seed.get(2)).fewshotSeed(seed.get(3))
        .datasetDir(mirror)
        .outputPath(tmp.resolve("out"))
        .logSamples(true)
        .build();
    EvaluationResult result = new Evaluator(registry).evaluate(settings);

    Map<String, Object> want = JSON.readValue(only(run, "results_", ".json").toFile(), Map.class);
    Map<String, Object> got = JSON.readValue(result.files().stream()
        .filter(f -> f.getFileName().toString().startsWith("results_")).findFirst().orElseThrow().toFile(), Map.class);
    compareEntries("results", (Map<String, Object>) want.get("results"), (Map<String, Object>) got.get("results"));
    if (want.containsKey("groups")) {
      compareEntries("groups", (Map<String, Object>) want.get("groups"), (Map<String, Object>) got.get("groups"));
    }
    for (String table : TABLES) {
      assertValue(table, want.get(table), got.get(table));
    }

    for (String task : ((Map<String, Object>) want.get("configs")).keySet()) {
      Path ours = result.files().stream()
          .filter(f -> isSamplesOf(f, task)).findFirst()
          .orElseThrow(() -> new AssertionError("no samples file written for " + task + ": " + result.files()));
      compareSamples(task, readLines(samplesOf(run, task)), readLines(ours));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDocumentThatWasNotLoggedFailsNamingTheRequestAndTheFolder(@TempDir Path tmp) throws IOException {
    Path run = Path.of("src/test/resources/lmeval-hf/arc_easy");
    Map<String, Object> manifest = JSON.readValue(run.resolve("run.json").toFile(), Map.class);
    GoldenParityTest.buildMirror((Map<String, Map<String, String>>) manifest.get("split_files"), tmp);
    EvalSettings settings = EvalSettings.builder().model("replay")
        .modelArgs(Map.of("path", run.toAbsolutePath().toString())).tasks(List.of("arc_easy"))
        .limit(((Number) manifest.get("limit")).doubleValue() + 1).datasetDir(tmp).build();
    EvalException e = assertThrows(EvalException.class, () -> new Evaluator(registry()).evaluate(settings));
    assertEquals(ErrorCode.BACKEND_FAILURE, e.code());
    assertTrue(e.getMessage().contains("replay: no logged answer for the loglikelihood request (context \"Question: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("under " + run.toAbsolutePath()), e.getMessage());
  }

  private PluginRegistry registry() {
    return ParityRegistry.with(new ReplayPlugin());
  }

  /** lm-eval's {@code --gen_kwargs} string ({@code k=v,...}) as the settings take it; only ints occur here. */
  private static Map<String, Object> genKwargs(String text) {
    if (text == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String kv : text.split(",")) {
      String[] p = kv.split("=", 2);
      out.put(p[0], p[1].matches("-?[0-9]+") ? (Object) Integer.valueOf(p[1]) : p[1]);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void compareEntries(String section, Map<String, Object> want, Map<String, Object> got) {
    assertNotNull(got, section + " missing from our results");
    assertEquals(new ArrayList<>(want.keySet()), new ArrayList<>(got.keySet()), section + ": names and order");
    want.forEach((name, entry) -> {
      Map<String, Object> w = (Map<String, Object>) entry;
      Map<String, Object> g = (Map<String, Object>) got.get(name);
      assertEquals(new TreeSet<>(w.keySet()), new TreeSet<>(g.keySet()), section + "." + name + ": keys");
      w.forEach((k, v) -> assertValue(section + "." + name + "." + k, v, g.get(k)));
    });
  }

  private static void compareSamples(String task, List<Map<String, Object>> want, List<Map<String, Object>> got) {
    assertEquals(want.size(), got.size(), task + ": number of sample records");
    for (int i = 0; i < want.size(); i++) {
      Map<String, Object> w = want.get(i);
      Map<String, Object> g = got.get(i);
      String where = task + " sample " + i + " (doc_id " + w.get("doc_id") + ", filter " + w.get("filter") + ")";
      assertEquals(new ArrayList<>(w.keySet()), new ArrayList<>(g.keySet()), where + ": fields and their order");
      w.forEach((k, v) -> assertValue(where + "." + k, v, g.get(k)));
    }
  }

  /** Equal structure; strings, booleans and nulls equal; numbers equal to 1e-12 relative (NaN equals NaN). */
  @SuppressWarnings("unchecked")
  private static void assertValue(String where, Object want, Object got) {
    if (want instanceof Number w && got instanceof Number g) {
      double a = w.doubleValue();
      double b = g.doubleValue();
      if (Double.isNaN(a) && Double.isNaN(b) || a == b) {
        return;
      }
      if (!(Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b)))) {
        fail(where + ": lm-eval " + a + ", ours " + b + " (relative difference "
            + Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)) + ")");
      }
    } else if (want instanceof Map<?, ?> w && got instanceof Map<?, ?> g) {
      assertEquals(new ArrayList<>(w.keySet()), new ArrayList<>(g.keySet()), where + ": keys");
      ((Map<String, Object>) w).forEach((k, v) -> assertValue(where + "." + k, v, g.get(k)));
    } else if (want instanceof List<?> w && got instanceof List<?> g) {
      assertEquals(w.size(), g.size(), where + ": length");
      for (int i = 0; i < w.size(); i++) {
        assertValue(where + "[" + i + "]", w.get(i), g.get(i));
      }
    } else if (!Objects.equals(want, got)) {
      fail(where + ":\n  lm-eval: " + abbreviate(want) + "\n  ours:    " + abbreviate(got));
    }
  }

  private static String abbreviate(Object o) {
    String s = String.valueOf(o).replace("\n", "\\n");
    return (o == null ? "null" : o.getClass().getSimpleName() + " ") + (s.length() > 400 ? s.substring(0, 400)
        + "..." : s);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> readLines(Path file) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(JSON.readValue(line, Map.class));
      }
    }
    return out;
  }

  /** {@code samples_<task>_<date>.jsonl}, the date starting with a digit (task names may share prefixes). */
  private static boolean isSamplesOf(Path file, String task) {
    String name = file.getFileName().toString();
    String prefix = "samples_" + task + "_";
    return name.startsWith(prefix) && name.endsWith(".jsonl") && name.length() > prefix.length()
        && Character.isDigit(name.charAt(prefix.length()));
  }

  private static Path samplesOf(Path dir, String task) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> found = s.filter(p -> isSamplesOf(p, task)).toList();
      assertEquals(1, found.size(), "samples files of " + task + " in " + dir + ": " + found);
      return found.get(0);
    }
  }

  private static Path only(Path dir, String prefix, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(suffix)).toList();
      assertTrue(found.size() == 1, "expected one " + prefix + "*" + suffix + " in " + dir + ", found " + found);
      return found.get(0);
    }
  }
}
