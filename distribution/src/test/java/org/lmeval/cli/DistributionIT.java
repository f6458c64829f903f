package org.lmeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled distribution ({@code target/lm-eval-VERSION/}) run as real processes: launchers, layout,
 * symlinks, working directories. Runs in the integration-test phase, after the assembly; skipped if the
 * distribution folder does not exist.
 */
class DistributionIT {
  @TempDir
  Path tmp;
  Path home;

  @BeforeEach
  void findDistribution() {
    String dist = System.getProperty("lmeval.dist.dir");
    Assumptions.assumeTrue(dist != null && Files.isDirectory(Path.of(dist)), "no assembled distribution");
    home = Path.of(dist);
  }

  record Run(int code, String out, String err) {}

  private Run exec(Path cwd, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().remove("LMEVAL_LOG_LEVEL");
    pb.environment().put("LMEVAL_CACHE_DIR", tmp.resolve("cache").toString());
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void layoutHasLauncherLibrariesPluginsAndConfiguration() throws IOException {
    assertTrue(Files.isExecutable(home.resolve("bin/lm-eval")));
    assertTrue(Files.isExecutable(home.resolve("bin/lm_eval")));
    assertTrue(Files.isRegularFile(home.resolve("conf/logging.properties")));
    assertTrue(Files.isRegularFile(home.resolve("conf/run-config.yaml")));
    List<String> lib = names(home.resolve("lib"));
    for (String prefix : List.of("lmeval-api-", "lmeval-platform-", "lmeval-cli-", "picocli-", "snakeyaml-",
        "jackson-databind-")) {
      assertTrue(lib.stream().anyMatch(n -> n.startsWith(prefix)), "lib/ lacks " + prefix + ": " + lib);
    }
    assertTrue(lib.stream().noneMatch(n -> n.startsWith("lmeval-plugin-") || n.startsWith("lmeval-tasks-")
        || n.startsWith("lmeval-testkit") || n.startsWith("junit")), "lib/ holds plugins or test jars: " + lib);
    List<String> plugins = names(home.resolve("plugins"));
    for (String prefix : List.of("lmeval-plugin-model-dummy-", "lmeval-plugin-metrics-core-",
        "lmeval-plugin-filters-core-", "lmeval-tasks-arc-")) {
      assertTrue(plugins.stream().anyMatch(n -> n.startsWith(prefix)), "plugins/ lacks " + prefix + ": " + plugins);
    }
    Path zip = home.resolveSibling(home.getFileName() + ".zip");
    assertTrue(Files.isRegularFile(zip), "no " + zip);
  }

  @Test
  void helpRunsFromAnyDirectory() throws Exception {
    Run r = exec(tmp, List.of(home.resolve("bin/lm-eval").toString(), "--help"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("--model_args"), r.out());
    assertTrue(r.out().contains("--hf_hub_log_args"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void bothLauncherNamesWorkThroughSymlinks() throws Exception {
    Path links = Files.createDirectories(tmp.resolve("links"));
    Path direct = Files.createSymbolicLink(links.resolve("lm-eval"), home.resolve("bin/lm-eval"));
    Path chained = Files.createSymbolicLink(links.resolve("lm_eval"), Path.of("../links/lm-eval"));
    Files.createSymbolicLink(links.resolve("lm_eval2"), home.resolve("bin/lm_eval"));
    for (Path launcher : List.of(direct, chained, links.resolve("lm_eval2"))) {
      Run r = exec(tmp, List.of(launcher.toString(), "--version"));
      assertEquals(0, r.code(), launcher + ": " + r.err());
      assertTrue(r.out().startsWith("lm-eval-java "), r.out());
    }
  }

  @Test
  void errorsAreOneLineWithExitCodes() throws Exception {
    Run r = exec(tmp, List.of(home.resolve("bin/lm-eval").toString(), "--modle", "dummy"));
    assertEquals(2, r.code());
    assertEquals("lm-eval: error: unknown option '--modle'; did you mean '--model'?\n", r.err());
  }

  @Test
  void pluginsCommandReadsTheInstalledPluginsFolder() throws Exception {
    Run r = exec(tmp, List.of(home.resolve("bin/lm-eval").toString(), "plugins"));
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void missingJavaIsReported() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", home.resolve("bin/lm-eval").toString(), "--help");
    pb.environment().put("JAVA_HOME", tmp.resolve("no-java").toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(3, p.exitValue());
    assertTrue(output.startsWith("lm-eval: error: JAVA_HOME is set to"), output);
  }

  private static List<String> names(Path folder) throws IOException {
    List<String> names = new ArrayList<>();
    try (var files = Files.list(folder)) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    }
    return names;
  }
}
