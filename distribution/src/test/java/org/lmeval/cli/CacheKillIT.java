package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.Plugin;

/**
 * Issue 7's crash test on the real CLI: {@code bin/lm-eval --use_cache} in a child process, killed with SIGKILL
 * ({@link Process#destroyForcibly()}) at several points while a batch is being computed, then rerun to the end.
 * A small model plugin built here, {@code slow-counting}, logs every request it is sent (fsynced before it
 * answers) and sleeps per batch, so the test knows exactly which model calls happened. Asserts that no response
 * committed to the cache is ever asked of the model again (only a batch in flight at a kill is resent), and that
 * the resumed run prints and writes the same results as an uninterrupted run without the cache.
 */
class CacheKillIT {
  /** Per-batch sleep: the window in which a kill lands mid-batch, long against the test's 10 ms polling. */
  private static final int DELAY_MS = 700;
  private static final int BATCH = 8;

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
    Path root = shared != null && Files.isDirectory(Path.of(shared)) ? Path.of(shared) : Path.of("/work/shared");
    Path hf = root.resolve("datasets").resolve("hf");
    Assumptions.assumeTrue(Files.isDirectory(hf), "no shared datasets/hf");
    datasets = hf;
  }

  /** Where to kill a run: once it has logged {@code batches} batches, {@code extraWaitMs} later. */
  private record KillPoint(String what, int batches, int extraWaitMs) {}

  @Test
  void runsKilledMidBatchResumeFromTheCacheWithoutResendingCommittedResponses() throws Exception {
    Path plugins = pluginsWithSlowCounting();

    Path referenceLog = tmp.resolve("reference.log");
    Path referenceOut = tmp.resolve("reference-out");
    String referenceStdout = runToTheEnd(plugins, referenceLog, 0, null, referenceOut);

    Path log = tmp.resolve("calls.log");
    Path cache = tmp.resolve("responses");
    List<KillPoint> kills = List.of(
        new KillPoint("after the first batch (second batch in flight)", 2, 0),
        new KillPoint("mid-run, halfway through a batch's computation", 6, DELAY_MS / 2),
        new KillPoint("right after a batch started computing", 3, 0));
    List<Integer> batchesAfterRun = new ArrayList<>();
    for (int k = 0; k < kills.size(); k++) {
      KillPoint kill = kills.get(k);
      int before = batches(log).size();
      Process p = start(plugins, log, DELAY_MS, cache, tmp.resolve("killed-out-" + k), "killed-" + k);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (batches(log).size() < before + kill.batches()) {
        assertTrue(p.isAlive(), kill.what() + ": the run ended before it was killed: " + stderr("killed-" + k));
        assertTrue(System.nanoTime() < deadline, kill.what() + ": timed out");
        Thread.sleep(10);
      }
      Thread.sleep(kill.extraWaitMs());
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed process did not end");
      assertEquals(137, p.exitValue(), kill.what() + ": not killed by SIGKILL");
      batchesAfterRun.add(batches(log).size());
    }
    String resumedStdout = runToTheEnd(plugins, log, DELAY_MS, cache, tmp.resolve("resumed-out"));

    // Each killed run's last logged batch was in flight at the kill; every other batch had returned, so it was
    // committed before the next one was sent (write-through per batch).
    List<List<String>> batches = batches(log);
    Set<Integer> inFlight = new HashSet<>();
    int previous = 0;
    for (int k = 0; k < kills.size(); k++) {
      int after = batchesAfterRun.get(k);
      assertTrue(after > previous, kills.get(k).what() + ": the run sent no batch");
      inFlight.add(after - 1);
      previous = after;
    }
    Map<String, Integer> lastBatchOf = new HashMap<>();
    for (int b = 0; b < batches.size(); b++) {
      assertEquals(batches.get(b).size(), new HashSet<>(batches.get(b)).size(), "a batch repeats a request");
      for (String h : batches.get(b)) {
        lastBatchOf.put(h, b);
      }
    }
    int calls = 0;
    int resent = 0;
    for (int b = 0; b < batches.size(); b++) {
      for (String h : batches.get(b)) {
        calls++;
        if (lastBatchOf.get(h) > b) {
          assertTrue(inFlight.contains(b), "request " + h + " of batch " + b + ", committed before any kill, "
              + "was sent to the model again in batch " + lastBatchOf.get(h));
          resent++;
        }
      }
    }
    Set<String> distinct = lastBatchOf.keySet();
    assertEquals(new HashSet<>(readHashes(referenceLog)), distinct, "the resumed runs asked other requests");
    assertEquals(distinct.size() + resent, calls, "model calls beyond one per request plus in-flight resends");
    // The kills land well inside the batch's sleep, before its commit: each in-flight batch is asked again.
    for (int b : inFlight) {
      for (String h : batches.get(b)) {
        assertTrue(lastBatchOf.get(h) > b, "batch " + b + " was in flight at a kill but not resent: " + h);
      }
    }
    assertTrue(distinct.size() > 4 * BATCH, "too few requests to kill mid-run: " + distinct.size());
    System.out.println("CacheKillIT: " + distinct.size() + " distinct requests, " + calls + " model calls over "
        + (kills.size() + 1) + " runs, " + resent + " resent from " + inFlight.size() + " in-flight batches");

    assertEquals(tables(referenceStdout), tables(resumedStdout));
    assertFalse(tables(referenceStdout).isEmpty(), referenceStdout);
    assertEquals(results(referenceOut), results(tmp.resolve("resumed-out")));
  }

  // ---- runs ----

  private String runToTheEnd(Path plugins, Path log, int delayMs, Path cache, Path out) throws Exception {
    String name = out.getFileName().toString();
    Process p = start(plugins, log, delayMs, cache, out, name);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), name + " timed out");
    assertEquals(0, p.exitValue(), name + ": " + stderr(name));
    return Files.readString(tmp.resolve(name + ".stdout"), StandardCharsets.UTF_8);
  }

  private Process start(Path plugins, Path log, int delayMs, Path cache, Path out, String name) throws IOException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/lm-eval").toString(),
        "--plugins_dir", plugins.toString(), "--model", "slow-counting",
        "--model_args", "log=" + log + ",delay_ms=" + delayMs + ",batch=" + BATCH,
        "--tasks", "arc_easy", "--limit", "40", "--output_path", out.toString()));
    if (cache != null) {
      command.addAll(List.of("--use_cache", cache.toString()));
    }
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("LMEVAL_DATASETS", datasets.toString());
    pb.environment().put("LMEVAL_CACHE_DIR", tmp.resolve("lmeval-cache").toString());
    pb.redirectOutput(tmp.resolve(name + ".stdout").toFile()).redirectError(tmp.resolve(name + ".stderr").toFile());
    return pb.start();
  }

  private String stderr(String name) {
    try {
      return Files.readString(tmp.resolve(name + ".stderr"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no stderr: " + e + ")";
    }
  }

  /** The batches in the model's call log, each the hashes of its requests; a batch still being written is left out. */
  private static List<List<String>> batches(Path log) throws IOException {
    List<List<String>> batches = new ArrayList<>();
    if (!Files.exists(log)) {
      return batches;
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    List<String> lines = List.of(text.split("\n", -1));
    // The last element is what follows the final newline: empty unless a write is under way.
    int i = 0;
    while (i < lines.size() - 1) {
      String header = lines.get(i);
      assertTrue(header.startsWith("batch "), "not a batch header in the call log: " + header);
      int size = Integer.parseInt(header.substring("batch ".length()));
      if (i + 1 + size > lines.size() - 1) {
        break;
      }
      batches.add(lines.subList(i + 1, i + 1 + size));
      i += 1 + size;
    }
    return batches;
  }

  private static List<String> readHashes(Path log) throws IOException {
    return batches(log).stream().flatMap(List::stream).toList();
  }

  /** The printed tables: every line that is a table row. */
  private static List<String> tables(String stdout) {
    return stdout.lines().filter(l -> l.startsWith("|")).toList();
  }

  private static JsonNode results(Path out) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(f -> f.getFileName().toString().startsWith("results_")).toList();
    }
    assertEquals(1, files.size(), files.toString());
    JsonNode results = new ObjectMapper().readTree(files.get(0).toFile()).get("results");
    assertTrue(results != null && results.has("arc_easy"), String.valueOf(results));
    return results;
  }

  // ---- the slow-counting model plugin, compiled here ----

  private Path pluginsWithSlowCounting() throws IOException {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    try (Stream<Path> shipped = Files.list(home.resolve("plugins"))) {
      for (Path p : shipped.toList()) {
        copyTree(p, plugins.resolve(p.getFileName().toString()));
      }
    }
    Path classes = compile(tmp.resolve("slow-counting-classes"), "slowcounting.SlowCountingPlugin", SLOW_COUNTING);
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(new Attributes.Name("LmEval-Plugin-Id"), "slow-counting");
    main.put(new Attributes.Name("LmEval-Api-Version"), ApiVersion.current().toString());
    main.put(new Attributes.Name("Implementation-Version"), "1.0.0");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("slow-counting.jar")),
        manifest)) {
      jar.putNextEntry(new JarEntry("META-INF/services/org.lmeval.api.Plugin"));
      jar.write("slowcounting.SlowCountingPlugin\n".getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
      try (Stream<Path> walk = Files.walk(classes)) {
        for (Path f : walk.filter(Files::isRegularFile).toList()) {
          jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
          jar.write(Files.readAllBytes(f));
          jar.closeEntry();
        }
      }
    }
    return plugins;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static Path compile(Path outDir, String className, String source) throws IOException {
    Path file = outDir.resolveSibling(outDir.getFileName() + "-src").resolve(className.replace('.', '/') + ".java");
    Files.createDirectories(file.getParent());
    Files.createDirectories(outDir);
    Files.writeString(file, source);
    Path api;
    try {
      api = Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    int rc = javac.getTask(messages, null, null, List.of("-d", outDir.toString(), "-classpath", api.toString(),
        "--release", "17", "-proc:none", "-encoding", "UTF-8"), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile()))
        .call() ? 0 : 1;
    if (rc != 0) {
      throw new AssertionError("the slow-counting plugin does not compile:\n" + messages);
    }
    return outDir;
  }

  /**
   * A loglikelihood-only model: per batch it appends "batch N" and the SHA-256 of each request's context and
   * continuation to {@code log} (one write, fsynced), then sleeps {@code delay_ms}, then answers with values
   * derived from that hash.
   */
  private static final String SLOW_COUNTING = """
      package slowcounting;

      import java.io.IOException;
      import java.io.UncheckedIOException;
      import java.nio.ByteBuffer;
      import java.nio.channels.FileChannel;
      import java.nio.charset.StandardCharsets;
      import java.nio.file.Path;
      import java.nio.file.StandardOpenOption;
      import java.security.MessageDigest;
      import java.security.NoSuchAlgorithmException;
      import java.util.ArrayList;
      import java.util.Collection;
      import java.util.EnumSet;
      import java.util.HexFormat;
      import java.util.List;
      import java.util.Set;
      import org.lmeval.api.ErrorCode;
      import org.lmeval.api.EvalException;
      import org.lmeval.api.Options;
      import org.lmeval.api.Plugin;
      import org.lmeval.api.model.GenerationRequest;
      import org.lmeval.api.model.LanguageModel;
      import org.lmeval.api.model.LoglikelihoodRequest;
      import org.lmeval.api.model.LoglikelihoodResult;
      import org.lmeval.api.model.ModelBackend;
      import org.lmeval.api.model.RequestType;
      import org.lmeval.api.model.RollingRequest;
      import org.lmeval.api.model.RollingResult;

      public final class SlowCountingPlugin implements Plugin {
        @Override
        public Collection<ModelBackend> modelBackends() {
          return List.of(new ModelBackend() {
            @Override
            public String name() {
              return "slow-counting";
            }

            @Override
            public LanguageModel open(Options args) {
              return new Model(Path.of(args.requireString("log")), args.intValue("delay_ms", 0),
                  args.intValue("batch", 8));
            }
          });
        }

        static final class Model implements LanguageModel {
          private final Path log;
          private final int delayMs;
          private final int batch;

          Model(Path log, int delayMs, int batch) {
            this.log = log;
            this.delayMs = delayMs;
            this.batch = batch;
          }

          @Override
          public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> requests) {
            StringBuilder lines = new StringBuilder("batch ").append(requests.size()).append('\\n');
            List<LoglikelihoodResult> results = new ArrayList<>();
            for (LoglikelihoodRequest r : requests) {
              String hash = sha256(r.context() + "\\u0000" + r.continuation());
              lines.append(hash).append('\\n');
              long value = Long.parseLong(hash.substring(0, 12), 16);
              results.add(new LoglikelihoodResult(-(value % 1000) / 100.0, false));
            }
            try (FileChannel out = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
              ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
              while (bytes.hasRemaining()) {
                out.write(bytes);
              }
              out.force(true);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            try {
              Thread.sleep(delayMs);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
            return results;
          }

          private static String sha256(String text) {
            try {
              return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          }

          @Override
          public List<RollingResult> loglikelihoodRolling(List<RollingRequest> requests) {
            throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "slow-counting answers loglikelihood only");
          }

          @Override
          public List<String> generateUntil(List<GenerationRequest> requests) {
            throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "slow-counting answers loglikelihood only");
          }

          @Override
          public Set<RequestType> supportedRequests() {
            return EnumSet.of(RequestType.LOGLIKELIHOOD);
          }

          @Override
          public int preferredBatchSize() {
            return batch;
          }
        }
      }
      """;
}
