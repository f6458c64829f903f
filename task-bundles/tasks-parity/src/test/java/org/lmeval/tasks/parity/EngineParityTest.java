package org.lmeval.tasks.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmeval.api.Options;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvaluationResult;
import org.lmeval.platform.eval.Evaluator;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.plugin.djl.DjlModelBackend;
import org.lmeval.plugin.djl.DjlPlugin;
import org.lmeval.plugin.tensorflow.TensorFlowModelBackend;
import org.lmeval.plugin.tensorflow.TensorFlowPlugin;

/**
 * Parity of the real in-process engines with lm-eval 0.4.13's {@code --model hf} on stories260K: every
 * loglikelihood request logged in the lmeval-hf fixtures (all tasks but the generation one), wikitext's
 * loglikelihood_rolling requests and gsm8k's greedy generations are answered by each converted format
 * (onnx, onnx-hf, onnx-hf-past (generating with its key/value cache) and torchscript through the djl backend,
 * tf-savedmodel through the tensorflow backend)
 * and compared with lm-eval's logged responses; then lambada_openai and arc_easy (limit 20) run through the
 * Evaluator on every engine and must give the same metrics.
 */
class EngineParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURES = Path.of("src/test/resources/lmeval-hf");
  private static final double LOGLIKELIHOOD_TOLERANCE = 2e-3;
  /**
   * Every k-th distinct loglikelihood request is scored (default 3: 361 of 1082; a full pass takes 30 to 200 s
   * per engine); {@code -Dlmeval.parity.stride=1} scores them all. Rolling and generation requests: all.
   */
  private static final int STRIDE = Integer.getInteger("lmeval.parity.stride", 3);

  /** One engine: the backend's name, the stories260K folder and the engine model arg (null: none). */
  record Engine(String backend, String folder, String engine) {
    @Override
    public String toString() {
      return backend + ":" + folder;
    }

    Map<String, Object> modelArgs() {
      Map<String, Object> args = new HashMap<>();
      args.put("pretrained", SharedData.stories260K(folder).toString());
      if (engine != null) {
        args.put("engine", engine);
      }
      return args;
    }

    LanguageModel open() {
      ModelBackend backend = this.backend.equals("djl") ? new DjlModelBackend() : new TensorFlowModelBackend();
      return backend.open(Options.of("model arg", modelArgs()));
    }
  }

  static Stream<Engine> engines() {
    return Stream.of(new Engine("djl", "onnx", "OnnxRuntime"), new Engine("djl", "onnx-hf", "OnnxRuntime"),
        new Engine("djl", "onnx-hf-past", "OnnxRuntime"), new Engine("djl", "torchscript", "PyTorch"),
        new Engine("tensorflow", "tf-savedmodel", null));
  }

  /** A logged request with lm-eval's answer: logprob, and greedy flag (null for rolling). */
  record Logged(String task, String context, String continuation, double logprob, Boolean greedy) {}

  /** A logged greedy generation: prompt, lm-eval's gen_kwargs and its output. */
  record LoggedGeneration(String context, Map<String, Object> kwargs, String output) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void everyLoggedRequestMatchesLmEvalsHfBackend(Engine engine) throws IOException {
    List<Logged> loglikelihood = new ArrayList<>();
    List<Logged> rolling = new ArrayList<>();
    List<LoggedGeneration> generations = new ArrayList<>();
    readFixtures(loglikelihood, rolling, generations);
    assertTrue(loglikelihood.size() == 1082 && rolling.size() == 5 && generations.size() == 20,
        loglikelihood.size() + " " + rolling.size() + " " + generations.size());
    List<Logged> all = loglikelihood;
    loglikelihood = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % STRIDE == 0)
        .mapToObj(all::get).toList();

    try (LanguageModel model = engine.open()) {
      List<LoglikelihoodResult> got = model.loglikelihood(loglikelihood.stream()
          .map(l -> new LoglikelihoodRequest(l.context(), l.continuation())).toList());
      double max = 0;
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < loglikelihood.size(); i++) {
        Logged want = loglikelihood.get(i);
        double deviation = Math.abs(got.get(i).logprob() - want.logprob());
        max = Math.max(max, deviation);
        if (deviation > LOGLIKELIHOOD_TOLERANCE || got.get(i).greedy() != want.greedy()) {
          failures.add(want.task() + " request " + i + ": lm-eval " + want.logprob() + "/" + want.greedy()
              + ", ours " + got.get(i).logprob() + "/" + got.get(i).greedy());
        }
      }
      List<Double> rolled = model.loglikelihoodRolling(rolling.stream()
          .map(l -> new RollingRequest(l.context())).toList()).stream().map(r -> r.logprob()).toList();
      double maxRolling = 0;
      for (int i = 0; i < rolling.size(); i++) {
        double relative = Math.abs(rolled.get(i) - rolling.get(i).logprob()) / Math.abs(rolling.get(i).logprob());
        maxRolling = Math.max(maxRolling, relative);
      }
      List<String> outputs = model.generateUntil(generations.stream()
          .map(g -> new GenerationRequest(g.context(), params(g.kwargs()))).toList());
      int mismatches = 0;
      for (int i = 0; i < generations.size(); i++) {
        if (!outputs.get(i).equals(generations.get(i).output())) {
          mismatches++;
          failures.add("gsm8k generation " + i + ": lm-eval \"" + generations.get(i).output() + "\", ours \""
              + outputs.get(i) + "\"");
        }
      }
      System.out.printf("[parity] %s: %d loglikelihood requests, max |deviation| %.3g; %d rolling, max relative"
          + " deviation %.3g; %d/%d generations differ%n", engine, loglikelihood.size(), max, rolling.size(),
          maxRolling, mismatches, generations.size());
      assertTrue(failures.isEmpty(), engine + ": " + failures.size() + " mismatches:\n" + String.join("\n",
          failures.subList(0, Math.min(20, failures.size()))));
      assertTrue(maxRolling < 1e-6, engine + ": rolling relative deviation " + maxRolling);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  @SuppressWarnings("unchecked")
  void everyEngineGivesTheSameMetrics(String task, @TempDir Path tmp) throws IOException {
    Map<String, Object> manifest = JSON.readValue(FIXTURES.resolve(task).resolve("run.json").toFile(), Map.class);
    Path mirror = tmp.resolve("datasets");
    GoldenParityTest.buildMirror((Map<String, Map<String, String>>) manifest.get("split_files"), mirror);
    Map<String, Object> first = null;
    String firstEngine = null;
    for (Engine engine : engines().toList()) {
      EvalSettings settings = EvalSettings.builder().model(engine.backend()).modelArgs(engine.modelArgs())
          .tasks(List.of(task)).limit(20.0).bootstrapIters(100).datasetDir(mirror)
          .outputPath(tmp.resolve("out-" + engine.folder())).build();
      EvaluationResult result = new Evaluator(registry()).evaluate(settings);
      Path file = result.files().stream().filter(f -> f.getFileName().toString().startsWith("results_"))
          .findFirst().orElseThrow();
      Map<String, Object> metrics = (Map<String, Object>) ((Map<String, Object>) JSON.readValue(file.toFile(),
          Map.class).get("results")).get(task);
      System.out.println("[parity] " + task + " on " + engine + ": " + metrics);
      if (first == null) {
        first = metrics;
        firstEngine = engine.toString();
        continue;
      }
      assertEquals(first.keySet(), metrics.keySet(), task + ": metric names of " + engine);
      for (Map.Entry<String, Object> e : first.entrySet()) {
        Object other = metrics.get(e.getKey());
        String where = task + " " + e.getKey() + ": " + firstEngine + " vs " + engine;
        if (e.getKey().startsWith("perplexity")) {
          double a = ((Number) e.getValue()).doubleValue();
          double b = ((Number) other).doubleValue();
          assertEquals(a, b, 1e-3 * Math.abs(a), where); // a float sum through exp(): equal to float precision
        } else {
          assertEquals(e.getValue(), other, where);
        }
      }
    }
  }

  static Stream<String> tasks() {
    return Stream.of("lambada_openai", "arc_easy");
  }

  private PluginRegistry registry() {
    return ParityRegistry.with(new DjlPlugin(), new TensorFlowPlugin());
  }

  @SuppressWarnings("unchecked")
  private static GenerationParams params(Map<String, Object> kwargs) {
    assertEquals(Boolean.FALSE, kwargs.get("do_sample"), "only greedy generations are compared");
    return new GenerationParams((List<String>) kwargs.get("until"),
        OptionalInt.of(((Number) kwargs.get("max_gen_toks")).intValue()), false, OptionalDouble.empty(), Map.of());
  }

  /** Every distinct logged request of every fixture run, in file order. */
  @SuppressWarnings("unchecked")
  private static void readFixtures(List<Logged> loglikelihood, List<Logged> rolling,
      List<LoggedGeneration> generations) throws IOException {
    Set<List<Object>> seen = new LinkedHashSet<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(FIXTURES)) {
      // the bbh zero-shot runs are there for scoring parity (filters); their 108 long generations would make
      // this test four times slower and check nothing that gsm8k's do not
      files = s.filter(p -> p.getFileName().toString().startsWith("samples_"))
          .filter(p -> !p.getParent().getFileName().toString().startsWith("bbh_")).sorted().toList();
    }
    for (Path file : files) {
      String task = file.getParent().getFileName().toString();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        Map<String, Object> sample = JSON.readValue(line, Map.class);
        Map<String, Map<String, Object>> arguments = (Map<String, Map<String, Object>>) sample.get("arguments");
        List<List<Object>> resps = (List<List<Object>>) sample.get("resps");
        int k = 0;
        for (Map<String, Object> args : arguments.values()) {
          Object answer = resps.get(k++).get(0);
          Object arg1 = args.get("arg_1");
          if (!seen.add(List.of(task, String.valueOf(args.get("arg_0")), String.valueOf(arg1)))) {
            continue;
          }
          String context = (String) args.get("arg_0");
          if (answer instanceof List<?> pair) {
            loglikelihood.add(new Logged(task, context, (String) arg1, Double.parseDouble((String) pair.get(0)),
                Boolean.parseBoolean((String) pair.get(1))));
          } else if (arg1 instanceof Map<?, ?> kwargs) {
            generations.add(new LoggedGeneration(context, (Map<String, Object>) kwargs, (String) answer));
          } else {
            rolling.add(new Logged(task, context, null, Double.parseDouble((String) answer), null));
          }
        }
      }
    }
  }
}
