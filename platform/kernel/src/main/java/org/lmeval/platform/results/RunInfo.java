package org.lmeval.platform.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lmeval.platform.eval.EvalSettings;

/**
 * What lm-eval's {@code simple_evaluate} adds to the results after scoring: the {@code config} block,
 * {@code git_hash}, {@code date} and the environment keys ({@code pretty_env_info},
 * {@code transformers_version}, {@code lm_eval_version}, {@code upper_git_hash}, then the tokenizer keys
 * when the model has a tokenizer).
 *
 * @param model {@code config.model}: the backend name
 * @param modelArgs {@code config.model_args}: the parsed model args (or the raw string)
 * @param modelInfo extra keys a backend reports after {@code model_args} (HF: {@code model_num_parameters},
 *     {@code model_dtype}, {@code model_revision}, {@code model_sha}); empty for most backends
 * @param batchSize {@code config.batch_size}: an int, or a string such as {@code "auto"}
 * @param batchSizes {@code config.batch_sizes}: batch sizes detected with {@code auto}
 * @param device {@code config.device}
 * @param useCache {@code config.use_cache}
 * @param limit {@code config.limit}: a float (the CLI parses {@code --limit} as a float), or null
 * @param bootstrapIters {@code config.bootstrap_iters}
 * @param genKwargs {@code config.gen_kwargs}
 * @param randomSeed {@code config.random_seed}
 * @param numpySeed {@code config.numpy_seed}
 * @param torchSeed {@code config.torch_seed}
 * @param fewshotSeed {@code config.fewshot_seed}
 * @param gitHash {@code git_hash}: {@code git describe --always} in the working directory, or null
 * @param date {@code date}: the Unix time the run started, in seconds
 * @param environment the environment keys, in order
 */
public record RunInfo(
    String model,
    Object modelArgs,
    Map<String, Object> modelInfo,
    Object batchSize,
    List<Object> batchSizes,
    Object device,
    Object useCache,
    Object limit,
    Object bootstrapIters,
    Object genKwargs,
    Object randomSeed,
    Object numpySeed,
    Object torchSeed,
    Object fewshotSeed,
    String gitHash,
    double date,
    Map<String, Object> environment) {

  public RunInfo {
    modelInfo = modelInfo == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(modelInfo));
    batchSizes = batchSizes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(batchSizes));
    environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }

  /**
   * The run info for a CLI run with these settings, started at {@code date}: batch size as an int when
   * numeric, {@code git describe --always} of the working directory, and {@link #defaultEnvironment()}.
   */
  public static RunInfo of(EvalSettings s, double date) {
    Object batchSize = s.batchSize() != null && s.batchSize().matches("[0-9]+")
        ? (Object) Integer.valueOf(s.batchSize()) : s.batchSize();
    return new RunInfo(s.model(), s.modelArgs(), Map.of(), batchSize, List.of(), s.device(), s.useCache(),
        s.limit(), s.bootstrapIters(), s.genKwargs(), s.randomSeed(), s.numpySeed(), s.torchSeed(),
        s.fewshotSeed(), gitDescribe(Path.of("")), date, defaultEnvironment());
  }

  /** A copy with the batch sizes a backend detected ({@code batch_size auto}). */
  public RunInfo withBatchSizes(List<Object> sizes) {
    return new RunInfo(model, modelArgs, modelInfo, batchSize, sizes, device, useCache, limit, bootstrapIters,
        genKwargs, randomSeed, numpySeed, torchSeed, fewshotSeed, gitHash, date, environment);
  }

  /** A copy with a backend's model info and environment keys (tokenizer tokens, {@code max_length}, ...). */
  public RunInfo withModelInfo(Map<String, Object> info, Map<String, Object> extraEnvironment) {
    Map<String, Object> env = new LinkedHashMap<>(environment);
    env.putAll(extraEnvironment);
    return new RunInfo(model, modelArgs, info, batchSize, batchSizes, device, useCache, limit, bootstrapIters,
        genKwargs, randomSeed, numpySeed, torchSeed, fewshotSeed, gitHash, date, env);
  }

  /** The {@code config} block, in lm-eval's key order. */
  public Map<String, Object> config() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("model", model);
    c.put("model_args", modelArgs);
    c.putAll(modelInfo);
    c.put("batch_size", batchSize);
    c.put("batch_sizes", batchSizes);
    c.put("device", device);
    c.put("use_cache", useCache);
    c.put("limit", limit);
    c.put("bootstrap_iters", bootstrapIters);
    c.put("gen_kwargs", genKwargs);
    c.put("random_seed", randomSeed);
    c.put("numpy_seed", numpySeed);
    c.put("torch_seed", torchSeed);
    c.put("fewshot_seed", fewshotSeed);
    return c;
  }

  /**
   * The environment keys of a JVM run: {@code pretty_env_info} describes the JVM and OS (there is no
   * torch), {@code transformers_version} is {@code "N/A"}, {@code lm_eval_version} names this
   * implementation, {@code upper_git_hash} is null.
   */
  public static Map<String, Object> defaultEnvironment() {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("pretty_env_info", "N/A (torch not installed); Java " + System.getProperty("java.version") + " ("
        + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
        + System.getProperty("os.arch"));
    env.put("transformers_version", "N/A");
    Package p = RunInfo.class.getPackage();
    String version = p == null || p.getImplementationVersion() == null ? "dev" : p.getImplementationVersion();
    env.put("lm_eval_version", "lm-eval-java " + version);
    env.put("upper_git_hash", null);
    return env;
  }

  /** {@code git describe --always} in {@code dir}, or null when git or a repository is missing. */
  public static String gitDescribe(Path dir) {
    try {
      Process p = new ProcessBuilder("git", "describe", "--always").directory(dir.toAbsolutePath().toFile())
          .redirectErrorStream(false).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      p.getErrorStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return null;
      }
      String s = new String(out, StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? null : s;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
