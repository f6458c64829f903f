package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * lm-eval-java's {@code local-completions} against {@code lm-eval serve} (the djl backend on stories260K), compared
 * with what lm-eval 0.4.13's own {@code local-completions} got from the same server
 * ({@code src/test/resources/local-completions/<run>/}, made by {@code tools/http/local_completions_parity.py}):
 * every metric and every request's log-likelihood within 1e-9 (relative), every greedy flag equal.
 */
class LocalCompletionsParityIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path home;
  private static Path shared;
  private static Path tmp;
  private static Process server;
  private static String completionsUrl;
  private static String modelName;

  @BeforeAll
  static void startServer() throws Exception {
    String dist = System.getProperty("lmeval.dist.dir");
    Assumptions.assumeTrue(dist != null && Files.isDirectory(Path.of(dist)), "no assembled distribution");
    home = Path.of(dist);
    String s = System.getProperty("lmeval.shared.dir");
    shared = s != null && Files.isDirectory(Path.of(s)) ? Path.of(s) : Path.of("/work/shared");
    Path model = shared.resolve("models/stories260K/onnx-hf");
    Assumptions.assumeTrue(Files.isDirectory(model) && Files.isDirectory(shared.resolve("datasets/hf")),
        "no stories260K or datasets in " + shared);
    tmp = Files.createTempDirectory("lc-parity");
    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/lm-eval").toString(), "serve", "--model", "djl",
        "--model_args", "pretrained=" + model, "--port", "0").directory(tmp.toFile());
    pb.environment().put("DJL_OFFLINE", "true");
    pb.environment().put("LMEVAL_CACHE_DIR", tmp.resolve("cache").toString());
    pb.redirectOutput(tmp.resolve("serve.out").toFile()).redirectError(tmp.resolve("serve.err").toFile());
    server = pb.start();
    Pattern url = Pattern.compile("completions:\\s+(http://\\S+/v1/completions)");
    Pattern name = Pattern.compile("served as '([^']*)'");
    for (int i = 0; i < 1200 && completionsUrl == null; i++) {
      String out = Files.readString(tmp.resolve("serve.out"));
      Matcher m = url.matcher(out);
      Matcher n = name.matcher(out);
      if (m.find() && n.find() && out.contains("Serving until")) {
        completionsUrl = m.group(1);
        modelName = n.group(1);
      } else {
        assertTrue(server.isAlive(), () -> "lm-eval serve ended: " + read(tmp.resolve("serve.err")));
        Thread.sleep(50);
      }
    }
    assertTrue(completionsUrl != null, "lm-eval serve printed no URL");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.destroy(); // SIGTERM: the shutdown hook closes the server and the model
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "lm-eval serve did not stop");
      assertTrue(read(tmp.resolve("serve.out")).contains("Stopped after "), read(tmp.resolve("serve.out")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"arc_easy", "lambada_openai"})
  void sameMetricsAndLoglikelihoodsAsLmEvalsLocalCompletions(String id) throws Exception {
    Path fixture = fixture(id);
    JsonNode run = JSON.readTree(fixture.resolve("run.json").toFile());
    JsonNode client = run.get("client");
    Path out = tmp.resolve("out-" + id);
    String modelArgs = "model=" + modelName + ",base_url=" + completionsUrl + ",tokenizer="
        + shared.resolve("models/stories260K/hf") + ",tokenizer_backend=huggingface,num_concurrent="
        + client.get("num_concurrent").asInt() + ",max_retries=3";
    List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/lm-eval").toString(), "run", "--model",
        "local-completions", "--model_args", modelArgs, "--tasks", String.join(",", texts(run.get("tasks"))),
        "--limit", run.get("limit").asText(), "--dataset_dir", shared.resolve("datasets/hf").toString(),
        "--log_samples", "--output_path", out.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().put("LMEVAL_CACHE_DIR", tmp.resolve("cache").toString());
    pb.redirectOutput(tmp.resolve(id + ".out").toFile()).redirectError(tmp.resolve(id + ".err").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "timed out");
    assertEquals(0, p.exitValue(), () -> read(tmp.resolve(id + ".err")));

    JsonNode expected = JSON.readTree(only(fixture, "results_", ".json").toFile()).get("results");
    JsonNode actual = JSON.readTree(only(out, "results_", ".json").toFile()).get("results");
    int compared = 0;
    for (Iterator<String> tasks = expected.fieldNames(); tasks.hasNext(); ) {
      String task = tasks.next();
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.get(task).fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode a = actual.path(task).get(e.getKey());
        assertTrue(a != null, task + " lacks " + e.getKey());
        if (e.getValue().isNumber() && !e.getKey().equals("sample_len")) {
          close(e.getValue().asDouble(), a.asDouble(), task + " " + e.getKey());
          compared++;
        }
      }
    }
    assertTrue(compared >= 2, "no metrics compared");

    for (String task : texts(run.get("tasks"))) {
      Map<Integer, JsonNode> theirs = samples(only(fixture, "samples_" + task + "_", ".jsonl"));
      Map<Integer, JsonNode> ours = samples(only(out, "samples_" + task + "_", ".jsonl"));
      assertEquals(theirs.keySet(), ours.keySet(), task + " doc ids");
      int requests = 0;
      for (Map.Entry<Integer, JsonNode> e : theirs.entrySet()) {
        JsonNode t = e.getValue().get("resps");
        JsonNode o = ours.get(e.getKey()).get("resps");
        assertEquals(t.size(), o.size(), task + " doc " + e.getKey());
        for (int r = 0; r < t.size(); r++) {
          String where = task + " doc " + e.getKey() + " request " + r;
          close(Double.parseDouble(t.get(r).get(0).get(0).asText()), Double.parseDouble(o.get(r).get(0).get(0)
              .asText()), where);
          assertEquals(t.get(r).get(0).get(1).asText(), o.get(r).get(0).get(1).asText(), where + " is_greedy");
          requests++;
        }
      }
      assertTrue(requests >= 30, task + ": only " + requests + " requests");
    }
  }

  private static void close(double expected, double actual, String what) {
    assertTrue(Math.abs(expected - actual) <= 1e-9 * Math.max(1e-12, Math.abs(expected)),
        what + ": lm-eval " + expected + ", lm-eval-java " + actual);
  }

  private static Path fixture(String id) {
    Path p = Path.of("src/test/resources/local-completions", id);
    Assumptions.assumeTrue(Files.isDirectory(p), "no fixture " + p);
    return p;
  }

  private static Map<Integer, JsonNode> samples(Path file) throws IOException {
    Map<Integer, JsonNode> out = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode s = JSON.readTree(line);
        out.put(s.get("doc_id").asInt(), s);
      }
    }
    return out;
  }

  private static Path only(Path folder, String prefix, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> found = walk.filter(f -> {
        String n = f.getFileName().toString();
        return n.startsWith(prefix) && n.endsWith(suffix);
      }).toList();
      assertEquals(1, found.size(), prefix + "*" + suffix + " in " + folder + ": " + found);
      return found.get(0);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String read(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }
}
