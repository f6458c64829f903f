package org.lmeval.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.cli.args.ArgumentException;
import org.lmeval.cli.args.FlagValues;
import org.lmeval.cli.args.Samples;
import org.lmeval.cli.args.Seeds;
import org.lmeval.cli.args.SimpleArgs;
import org.lmeval.platform.util.Suggestions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * lm-eval 0.4.13's {@code EvaluatorConfig.from_cli}: built-in defaults, overridden by the {@code --config}
 * YAML file, overridden by the flags the user gave (a flag counts only if its value is truthy or zero, as
 * in lm-eval: an empty {@code --model_args} does not replace the file's). Then {@code _configure()}:
 * dict settings given as strings are parsed by rule P2, cross-flag rules are checked, {@code --samples}
 * is read, metadata is merged over the model arguments, seeds are expanded.
 *
 * <p>A bad flag value is a usage error (exit 2); a bad config file value is a configuration error
 * (exit 3) naming the file and key.
 */
final class RunConfigLoader {
  /** Every key a config file may hold: lm-eval's EvaluatorConfig fields, then lm-eval-java's. */
  static final List<String> KEYS = List.of("config", "model", "model_args", "tasks", "num_fewshot", "batch_size",
      "max_batch_size", "device", "limit", "samples", "use_cache", "cache_requests", "check_integrity", "write_out",
      "log_samples", "output_path", "predict_only", "system_instruction", "apply_chat_template",
      "fewshot_as_multiturn", "show_config", "include_path", "gen_kwargs", "verbosity", "wandb_args",
      "wandb_config_args", "hf_hub_log_args", "trackio_args", "seed", "trust_remote_code", "confirm_run_unsafe_code",
      "metadata", "dataset_dir", "bootstrap_iters", "plugins_dir", "runtime", "strict_plugins");
  private static final String TROUBLESHOOTING = " (see docs/troubleshooting.md#";

  private final CliContext context;
  private final Map<String, String> origins = new LinkedHashMap<>();
  private Path configFile;

  RunConfigLoader(CliContext context) {
    this.context = context;
  }

  /** Resolves lm-eval's parsed namespace ({@link RunCommand#cliValues()}) into a validated run. */
  RunConfig load(Map<String, Object> cli) {
    Map<String, Object> values = defaults();
    Object configArg = cli.get("config");
    if (configArg != null && !configArg.toString().isEmpty()) {
      configFile = context.env().resolve(configArg.toString());
      Map<String, Object> yaml = loadYaml(configFile);
      yaml.forEach((k, v) -> origins.put(k, "config file " + configFile + ": key '" + k + "'"));
      values.putAll(yaml);
    }
    Map<String, Object> overrides = new LinkedHashMap<>();
    cli.forEach((k, v) -> {
      if (truthyOrZero(v) && !k.equals("config")) {
        overrides.put(k, v);
        origins.put(k, "argument --" + k);
      }
    });
    values.putAll(overrides);
    if (configFile != null) {
      if (!overrides.isEmpty()) {
        context.info("CLI args " + overrides.keySet() + " will override yaml");
      }
      context.info("Loaded run configuration from " + configFile);
    }
    return configure(values);
  }

  private RunConfig configure(Map<String, Object> v) {
    // _parse_dict_args
    Map<String, Object> modelArgs = dict(v, "model_args");
    Map<String, Object> genKwargs = dict(v, "gen_kwargs");
    Map<String, Object> metadata = dict(v, "metadata");
    Map<String, Object> wandbArgs = dict(v, "wandb_args");
    Map<String, Object> wandbConfigArgs = dict(v, "wandb_config_args");
    Map<String, Object> hfHubLogArgs = dict(v, "hf_hub_log_args");
    Map<String, Object> trackioArgs = dict(v, "trackio_args");

    // _validate_arguments
    List<String> tasks = tasks(v);
    Double limit = number(v, "limit");
    if (limit != null && limit != 0.0) {
      context.warn("--limit SHOULD ONLY BE USED FOR TESTING. REAL METRICS SHOULD NOT BE COMPUTED USING LIMIT.");
    }
    boolean predictOnly = bool(v, "predict_only");
    boolean logSamples = bool(v, "log_samples") || predictOnly;
    String outputPath = string(v, "output_path");
    if (logSamples && (outputPath == null || outputPath.isEmpty())) {
      throw CliException.usage("Specify --output_path if providing --log_samples or --predict_only"
          + TROUBLESHOOTING + "output-path-required)");
    }
    String applyChatTemplate = chatTemplate(v);
    Boolean fewshotAsMultiturn = optionalBool(v, "fewshot_as_multiturn");
    if (fewshotAsMultiturn == null && applyChatTemplate != null) {
      context.info("Using default fewshot_as_multiturn=True.");
      fewshotAsMultiturn = true;
    } else if (Boolean.TRUE.equals(fewshotAsMultiturn) && applyChatTemplate == null) {
      throw CliException.usage("When `fewshot_as_multiturn` is True, `apply_chat_template` must be set"
          + TROUBLESHOOTING + "fewshot-as-multiturn-needs-chat-template)");
    }
    Object samplesValue = v.get("samples");
    if (truthy(samplesValue) && limit != null) {
      throw CliException.usage("If --samples is not None, then --limit must be None: give one of them"
          + TROUBLESHOOTING + "samples-and-limit)");
    }

    // _process_arguments
    Map<String, List<Integer>> samples = null;
    if (truthy(samplesValue)) {
      try {
        samples = Samples.resolve(samplesValue, context.env().workingDir());
      } catch (ArgumentException e) {
        throw fail("samples", e.getMessage().replaceFirst("^argument --samples: ", ""));
      }
    }
    Map<String, Object> mergedMetadata = new LinkedHashMap<>(modelArgs);
    mergedMetadata.putAll(metadata);

    // _normalize_seed, _set_trust_remote_code
    Seeds seeds = seeds(v);
    boolean trustRemoteCode = bool(v, "trust_remote_code");
    if (trustRemoteCode) {
      modelArgs.put("trust_remote_code", Boolean.TRUE);
    }

    return new RunConfig(configFile, requiredString(v, "model"), modelArgs, tasks, integer(v, "num_fewshot"),
        batchSize(v), integer(v, "max_batch_size"), string(v, "device"), limit, samples, string(v, "use_cache"),
        cacheRequests(v), bool(v, "check_integrity"), bool(v, "write_out"), logSamples,
        outputPath == null ? null : context.env().resolve(outputPath), predictOnly,
        string(v, "system_instruction"), applyChatTemplate, fewshotAsMultiturn, bool(v, "show_config"),
        includePaths(v), genKwargs, verbosity(v), wandbArgs, wandbConfigArgs, hfHubLogArgs, trackioArgs, seeds,
        trustRemoteCode, bool(v, "confirm_run_unsafe_code"), mergedMetadata, datasetDir(v), bootstrapIters(v),
        pluginsDir(v), osgi(v), bool(v, "strict_plugins"));
  }

  /** lm-eval's dataclass defaults; device and cache_requests use null for "unset". */
  private static Map<String, Object> defaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    for (String key : KEYS) {
      d.put(key, null);
    }
    d.put("model", "hf");
    d.put("tasks", List.of());
    d.put("batch_size", 1);
    d.put("seed", Seeds.DEFAULT);
    d.put("bootstrap_iters", 100000);
    d.put("runtime", "classpath");
    return d;
  }

  private Map<String, Object> loadYaml(Path file) {
    if (!Files.isRegularFile(file)) {
      throw CliException.config("config file not found: " + file + TROUBLESHOOTING + "config-file)");
    }
    Object data;
    try {
      data = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    } catch (YAMLException e) {
      throw CliException.config("invalid YAML in config file " + file + ": "
          + e.getMessage().replaceAll("\\s*\\n\\s*", " ").trim() + TROUBLESHOOTING + "config-file)");
    } catch (IOException e) {
      throw CliException.config("could not read config file " + file + ": " + e.getMessage());
    }
    if (!(data instanceof Map<?, ?> map)) {
      throw CliException.config("config file " + file + ": the YAML root must be a mapping of setting names "
          + "to values, got " + (data == null ? "an empty document" : data.getClass().getSimpleName())
          + TROUBLESHOOTING + "config-file)");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!KEYS.contains(key)) {
        throw CliException.config("config file " + file + ": unknown key '" + key + "'"
            + Suggestions.didYouMean(key, KEYS) + TROUBLESHOOTING + "config-file)");
      }
      result.put(key, e.getValue());
    }
    return result;
  }

  // ---- conversions, each naming where a bad value came from ----

  private RuntimeException fail(String key, String message) {
    String origin = origins.get(key);
    if (origin != null && origin.startsWith("config file")) {
      return CliException.config(origin + ": " + message);
    }
    return CliException.usage((origin == null ? "default of " + key : origin) + ": " + message);
  }

  private String string(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (o == null || o instanceof String) {
      return (String) o;
    }
    if (o instanceof Number || o instanceof Boolean) {
      return String.valueOf(o);
    }
    throw fail(key, "expected a string, got " + o);
  }

  private String requiredString(Map<String, Object> v, String key) {
    String s = string(v, key);
    if (s == null || s.isEmpty()) {
      throw fail(key, "a value is required");
    }
    return s;
  }

  private boolean bool(Map<String, Object> v, String key) {
    Boolean b = optionalBool(v, key);
    return b != null && b;
  }

  private Boolean optionalBool(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (o == null || o instanceof Boolean) {
      return (Boolean) o;
    }
    throw fail(key, "expected true or false, got " + o);
  }

  private Integer integer(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (o == null || o instanceof Integer) {
      return (Integer) o;
    }
    throw fail(key, "expected an integer, got " + o);
  }

  private Double number(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (o == null) {
      return null;
    }
    if (o instanceof Number n && !(o instanceof Boolean)) {
      return n.doubleValue();
    }
    throw fail(key, "expected a number, got " + o);
  }

  private Map<String, Object> dict(Map<String, Object> v, String key) {
    Object o = v.get(key);
    Map<String, Object> result = new LinkedHashMap<>();
    if (o == null) {
      return result;
    }
    if (o instanceof String s) {
      result.putAll(SimpleArgs.parse(s));
      return result;
    }
    if (o instanceof Map<?, ?> map) {
      map.forEach((k, val) -> result.put(String.valueOf(k), val));
      return result;
    }
    throw fail(key, "expected a mapping or a 'key=value,key2=value2' string, got " + o);
  }

  private List<String> tasks(Map<String, Object> v) {
    Object o = v.get("tasks");
    if (o == null) {
      throw fail("tasks", "Need to specify task to evaluate.");
    }
    List<String> items = new ArrayList<>();
    if (o instanceof String s) {
      items.addAll(List.of(s.split(",", -1)));
    } else if (o instanceof Collection<?> list) {
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw fail("tasks", "task names must be strings, got " + item);
        }
        items.addAll(List.of(s.split(",", -1)));
      }
    } else {
      throw fail("tasks", "expected task names, got " + o);
    }
    if (items.isEmpty()) {
      throw CliException.usage("no tasks given: use --tasks (e.g. --tasks arc_easy); 'lm-eval ls tasks' lists "
          + "them" + TROUBLESHOOTING + "no-tasks)");
    }
    for (String item : items) {
      if (item.isBlank()) {
        throw fail("tasks", "empty task name in " + items + " (check for a doubled or trailing comma)");
      }
    }
    return List.copyOf(items);
  }

  private String batchSize(Map<String, Object> v) {
    Object o = v.get("batch_size");
    if (o == null) {
      return null;
    }
    try {
      if (o instanceof Integer i) {
        return FlagValues.batchSize("batch_size", String.valueOf(i));
      }
      if (o instanceof String s) {
        return FlagValues.batchSize("batch_size", s);
      }
    } catch (ArgumentException e) {
      throw fail("batch_size", "invalid batch size '" + o + "' (expected a positive integer, 'auto' or 'auto:N')");
    }
    throw fail("batch_size", "expected a positive integer, 'auto' or 'auto:N', got " + o);
  }

  private String cacheRequests(Map<String, Object> v) {
    Object o = v.get("cache_requests");
    if (o == null || Boolean.FALSE.equals(o)) {
      return null;
    }
    if (Boolean.TRUE.equals(o)) {
      return "true";
    }
    if (o instanceof String s && List.of("true", "refresh", "delete").contains(s)) {
      return s;
    }
    throw fail("cache_requests", "expected true, refresh or delete, got " + o);
  }

  private String chatTemplate(Map<String, Object> v) {
    Object o = v.get("apply_chat_template");
    if (o == null || Boolean.FALSE.equals(o) || "".equals(o)) {
      return null;
    }
    if (Boolean.TRUE.equals(o)) {
      return "";
    }
    if (o instanceof String s) {
      return s;
    }
    throw fail("apply_chat_template", "expected true, false or a template name, got " + o);
  }

  private List<Path> includePaths(Map<String, Object> v) {
    Object o = v.get("include_path");
    List<Path> paths = new ArrayList<>();
    if (o == null) {
      return paths;
    }
    if (o instanceof String s) {
      paths.add(context.env().resolve(s));
    } else if (o instanceof Collection<?> list) {
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw fail("include_path", "expected folder paths, got " + item);
        }
        paths.add(context.env().resolve(s));
      }
    } else {
      throw fail("include_path", "expected a folder path, got " + o);
    }
    return paths;
  }

  private String verbosity(Map<String, Object> v) {
    String s = string(v, "verbosity");
    if (s == null) {
      return null;
    }
    try {
      return FlagValues.logLevel("verbosity", s);
    } catch (ArgumentException e) {
      throw fail("verbosity", "unknown log level '" + s + "' (choose from " + String.join(", ", FlagValues.LOG_LEVELS)
          + ")");
    }
  }

  private Seeds seeds(Map<String, Object> v) {
    Object o = v.get("seed");
    if (o instanceof Seeds s) {
      return s;
    }
    if (o == null) {
      return Seeds.none();
    }
    try {
      return Seeds.fromConfig(o, "seed", context::warn);
    } catch (ArgumentException e) {
      throw fail("seed", e.getMessage().replaceFirst("^seed: ", ""));
    }
  }

  private Path datasetDir(Map<String, Object> v) {
    String s = string(v, "dataset_dir");
    if (s == null || s.isEmpty()) {
      return context.env().getenv(CliEnvironment.DATASETS_ENV).map(context.env()::resolve).orElse(null);
    }
    return context.env().resolve(s);
  }

  private int bootstrapIters(Map<String, Object> v) {
    Integer n = integer(v, "bootstrap_iters");
    if (n == null || n < 0) {
      throw fail("bootstrap_iters", "expected an integer >= 0 (0 turns bootstrap off), got " + n);
    }
    return n;
  }

  private Path pluginsDir(Map<String, Object> v) {
    String s = string(v, "plugins_dir");
    return s == null || s.isEmpty() ? context.env().defaultPluginsDir() : context.env().resolve(s);
  }

  private boolean osgi(Map<String, Object> v) {
    String s = string(v, "runtime");
    if ("osgi".equals(s)) {
      return true;
    }
    if (s == null || "classpath".equals(s)) {
      return false;
    }
    throw fail("runtime", "expected classpath or osgi, got '" + s + "'");
  }

  /** Python truthiness. */
  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0.0 || Double.isNaN(n.doubleValue());
    }
    if (v instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /** lm-eval's filter for flags that override the config file: {@code v or v == 0}. */
  static boolean truthyOrZero(Object v) {
    return truthy(v) || v instanceof Boolean || (v instanceof Number n && n.doubleValue() == 0.0);
  }
}
