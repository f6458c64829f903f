package org.lmeval.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lmeval.platform.Kernel;
import org.lmeval.platform.KernelConfig;

/**
 * Everything the CLI takes from the process: environment variables, the install directory, the working
 * directory, and the seams to the kernel. {@link #system()} is the real process; tests replace parts with
 * the {@code with*} methods. Only the CLI reads system properties and environment variables
 * (architecture rule 8).
 *
 * @param env environment variables
 * @param installHome the distribution's root ({@code -Dlmeval.home}, set by {@code bin/lm-eval}), or null
 * @param workingDir what relative paths are resolved against
 * @param userHome the user's home directory
 * @param kernelStarter starts the kernel ({@link Kernel#start})
 * @param taskCatalogs opens the task catalog for {@code ls tasks} and {@code validate}
 * @param runner runs an evaluation ({@link EvaluationRunner#kernel()})
 */
public record CliEnvironment(Map<String, String> env, Path installHome, Path workingDir, Path userHome,
    Function<KernelConfig, Kernel> kernelStarter, TaskCatalog.Provider taskCatalogs, EvaluationRunner runner) {

  /** Environment variable naming the offline dataset mirror (fallback of {@code --dataset_dir}). */
  public static final String DATASETS_ENV = "LMEVAL_DATASETS";
  /** Environment variable overriding the cache directory. */
  public static final String CACHE_ENV = "LMEVAL_CACHE_DIR";
  /** Environment variable with the log level (Python level names), as in lm-eval. */
  public static final String LOG_LEVEL_ENV = "LMEVAL_LOG_LEVEL";

  public CliEnvironment {
    env = Map.copyOf(env);
    workingDir = workingDir.toAbsolutePath();
  }

  /** This process: {@code System.getenv()}, {@code -Dlmeval.home}, the current directory. */
  public static CliEnvironment system() {
    String home = System.getProperty("lmeval.home");
    return new CliEnvironment(System.getenv(), home == null || home.isBlank() ? null : Path.of(home),
        Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")), Kernel::start,
        TaskEngineCatalog.provider(), EvaluationRunner.kernel());
  }

  public CliEnvironment withEnv(Map<String, String> newEnv) {
    return new CliEnvironment(newEnv, installHome, workingDir, userHome, kernelStarter, taskCatalogs, runner);
  }

  public CliEnvironment withInstallHome(Path newHome) {
    return new CliEnvironment(env, newHome, workingDir, userHome, kernelStarter, taskCatalogs, runner);
  }

  public CliEnvironment withWorkingDir(Path dir) {
    return new CliEnvironment(env, installHome, dir, userHome, kernelStarter, taskCatalogs, runner);
  }

  public CliEnvironment withKernelStarter(Function<KernelConfig, Kernel> starter) {
    return new CliEnvironment(env, installHome, workingDir, userHome, starter, taskCatalogs, runner);
  }

  public CliEnvironment withTaskCatalogs(TaskCatalog.Provider provider) {
    return new CliEnvironment(env, installHome, workingDir, userHome, kernelStarter, provider, runner);
  }

  public CliEnvironment withRunner(EvaluationRunner newRunner) {
    return new CliEnvironment(env, installHome, workingDir, userHome, kernelStarter, taskCatalogs, newRunner);
  }

  /** An environment variable, or empty if unset or blank. */
  public Optional<String> getenv(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  /** A path the user typed, resolved against the working directory. */
  public Path resolve(String path) {
    return workingDir.resolve(path).normalize();
  }

  /** {@code <home>/plugins} of the installation, or null when not run from a distribution. */
  public Path defaultPluginsDir() {
    return installHome == null ? null : installHome.resolve("plugins");
  }

  /**
   * Where the kernel keeps extracted plugin libraries and the OSGi framework's storage:
   * {@code $LMEVAL_CACHE_DIR}, else {@code $XDG_CACHE_HOME/lm-eval-java}, else
   * {@code %LOCALAPPDATA%\lm-eval-java} on Windows, else {@code ~/.cache/lm-eval-java}.
   */
  public Path cacheDir() {
    Optional<String> explicit = getenv(CACHE_ENV);
    if (explicit.isPresent()) {
      return resolve(explicit.get());
    }
    Optional<String> xdg = getenv("XDG_CACHE_HOME");
    if (xdg.isPresent()) {
      return Path.of(xdg.get()).resolve("lm-eval-java");
    }
    Optional<String> local = getenv("LOCALAPPDATA");
    if (local.isPresent() && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      return Path.of(local.get()).resolve("lm-eval-java");
    }
    return userHome.resolve(".cache").resolve("lm-eval-java");
  }
}
