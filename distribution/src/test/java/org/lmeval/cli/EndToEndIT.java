package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real evaluations on the assembled distribution: the README's first command as a process, and the two
 * third-party example plugins (a plain-jar metric and an OSGi-bundle model) dropped into a copy of the
 * distribution's {@code plugins/} folder and used in real runs, in classpath and OSGi mode.
 */
class EndToEndIT {
  @TempDir
  Path tmp;
  Path home;
  Path datasets;

  @BeforeEach
  void findDistributionAndData() {
    String dist = System.getProperty("lmeval.dist.dir");
    Assumptions.assumeTrue(dist != null && Files.isDirectory(Path.of(dist)), "no assembled distribution");
    home = Path.of(dist);
    String shared = System.getProperty("lmeval.shared.dir");
    Path hf = shared == null ? null : Path.of(shared, "datasets", "hf");
    Assumptions.assumeTrue(hf != null && Files.isDirectory(hf), "no ../shared/datasets/hf beside the repository");
    datasets = hf;
  }

  @Test
  void readmeCommandRunsTheDummyModelOnArcEasy() throws Exception {
    Path out = tmp.resolve("out");
    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/lm-eval").toString(), "--model", "dummy",
        "--tasks", "arc_easy", "--limit", "20", "--output_path", out.toString(), "--log_samples")
        .directory(tmp.toFile());
    pb.environment().put("LMEVAL_DATASETS", datasets.toString());
    pb.environment().put("LMEVAL_CACHE_DIR", tmp.resolve("cache").toString());
    pb.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out");
    String stdout = Files.readString(tmp.resolve("stdout"), StandardCharsets.UTF_8);
    String stderr = Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), stderr);
    assertTrue(stdout.startsWith("dummy ({}), gen_kwargs: ({}), limit: 20.0, num_fewshot: None, batch_size: 1\n"),
        stdout);
    assertTrue(stdout.contains("|arc_easy|      1|none  |     0|acc     |↑  |"), stdout);
    assertTrue(stderr.contains("Running loglikelihood requests: 100%|██████████| 80/80"), stderr);
    List<String> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertEquals(2, files.size(), files.toString());
    assertTrue(files.get(0).startsWith("results_") && files.get(1).startsWith("samples_arc_easy_"), files.toString());
  }

  @Test
  void examplePluginsDroppedIntoPluginsWorkInRealRuns() throws IOException {
    Path plugins = pluginsWithExamples();
    String[] model = {"--plugins_dir", plugins.toString(), "--dataset_dir", datasets.toString(),
        "--model", "uniform-bytes", "--limit", "5"};
    for (String runtime : List.of("classpath", "osgi")) {
      Result r = run(concat(model, "--tasks", "arc_easy", "--runtime", runtime));
      assertEquals(0, r.code, runtime + ": " + r.err);
      assertTrue(r.out.startsWith("uniform-bytes ({}), gen_kwargs: ({}), limit: 5.0"), r.out);
      assertTrue(r.out.contains("|arc_easy|      1|none  |     0|acc     |↑  |"), r.out);
    }

    Path tasks = Files.createDirectories(tmp.resolve("my_tasks"));
    Files.writeString(tasks.resolve("gsm8k_length.yaml"), """
        task: gsm8k_length
        dataset_path: openai/gsm8k
        dataset_name: main
        test_split: test
        output_type: generate_until
        doc_to_text: "Question: {{question}}\\nAnswer:"
        doc_to_target: "{{answer}}"
        generation_kwargs:
          until: ["\\n\\n"]
        metric_list:
          - metric: response_length
            aggregation: mean
            higher_is_better: false
        """);
    Result metric = run(concat(model, "--include_path", tasks.toString(), "--tasks", "gsm8k_length"));
    assertEquals(0, metric.code, metric.err);
    assertTrue(metric.out.contains("|gsm8k_length|Yaml   |none  |     0|response_length|↓  |    0|±  |     0|"),
        metric.out);
  }

  private Path pluginsWithExamples() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    try (Stream<Path> shipped = Files.list(home.resolve("plugins"))) {
      for (Path p : shipped.toList()) {
        Files.copy(p, plugins.resolve(p.getFileName()));
      }
    }
    for (String property : List.of("example.metric.jar", "example.model.jar")) {
      String jar = System.getProperty(property);
      Assumptions.assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "example jar not built: " + property);
      Files.copy(Path.of(jar), plugins.resolve(Path.of(jar).getFileName()));
    }
    return plugins;
  }

  private record Result(int code, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env = CliEnvironment.system().withEnv(java.util.Map.of("LMEVAL_CACHE_DIR", tmp.resolve("cache").toString()));
    int code = Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  private static String[] concat(String[] base, String... more) {
    List<String> all = new ArrayList<>(List.of(base));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
