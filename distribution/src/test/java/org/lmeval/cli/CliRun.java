package org.lmeval.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmeval.api.Plugin;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvaluationResult;
import org.lmeval.platform.eval.ScoringSession;

/**
 * Runs {@link Main#run} in-process with captured output, a kernel holding the given plugins and a runner
 * that records the {@link EvalSettings} instead of evaluating.
 */
final class CliRun {
  /** What one command line produced. */
  record Result(int exitCode, String out, String err) {}

  private final List<Plugin> plugins = new ArrayList<>(List.of(new TestPlugins.Models()));
  private Map<String, String> env = Map.of();
  private final Path workingDir;
  private Path installHome;
  private TaskCatalog catalog;
  private EvaluationRunner runner;
  final List<EvalSettings> settings = new ArrayList<>();
  final List<KernelConfig> kernelConfigs = new ArrayList<>();

  CliRun(Path workingDir) {
    this.workingDir = workingDir;
    this.runner = (kernel, s, err) -> {
      settings.add(s);
      return new ScoringSession.Finished(new EvaluationResult(
          Map.of("results", Map.of("arc_easy", Map.of("acc,none", 0.25))),
          s.model() + " (" + s.modelArgs() + "), limit: " + s.limit(), "|Tasks|\n|-----|\n|arc_easy|", List.of()),
          null);
    };
  }

  CliRun env(Map<String, String> newEnv) {
    this.env = newEnv;
    return this;
  }

  CliRun installHome(Path home) {
    this.installHome = home;
    return this;
  }

  CliRun plugins(Plugin... more) {
    plugins.addAll(List.of(more));
    return this;
  }

  CliRun noPlugins() {
    plugins.clear();
    return this;
  }

  CliRun catalog(TaskCatalog c) {
    this.catalog = c;
    return this;
  }

  CliRun runner(EvaluationRunner r) {
    this.runner = r;
    return this;
  }

  CliEnvironment environment() {
    return new CliEnvironment(env, installHome, workingDir, workingDir.resolve("home"), config -> {
      kernelConfigs.add(config);
      return Kernel.start(new KernelConfig(config.pluginsDir(), false, plugins, config.osgi(),
          config.strictPlugins(), config.workDir()));
    }, (kernel, include, datasets) -> Optional.ofNullable(catalog), runner);
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(environment(), new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** The settings of the one evaluation the last command line ran. */
  EvalSettings lastSettings() {
    if (settings.isEmpty()) {
      throw new AssertionError("no evaluation ran");
    }
    return settings.get(settings.size() - 1);
  }
}
