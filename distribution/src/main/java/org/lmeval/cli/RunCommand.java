package org.lmeval.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lmeval.cli.args.FlagValues;
import org.lmeval.cli.args.KeyValueArgs;
import org.lmeval.cli.args.Samples;
import org.lmeval.cli.args.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lm-eval run}: every flag of lm-eval 0.4.13's {@code run}, with its names, short flags and
 * defaults, plus lm-eval-java's own. Parsing turns the flags into lm-eval's namespace
 * ({@link #cliValues()}); {@link RunConfigLoader} merges it with {@code --config} and the defaults and
 * {@link RunExecution} runs it.
 */
@Command(name = "run", separator = " ", sortOptions = false, usageHelpWidth = 100,
    customSynopsis = {"lm-eval [run] --model <model> --tasks <task> [<task> ...] [--model_args <arg=value> ...] "
        + "[options]"},
    description = {"Evaluate a language model on tasks, as lm-eval 0.4.13's 'run' does. 'run' may be left out: "
        + "'lm-eval --model dummy --tasks arc_easy' is 'lm-eval run --model dummy --tasks arc_easy'."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  lm-eval --model dummy --tasks arc_easy --limit 20",
        "  lm-eval run --model dummy --tasks arc_easy,arc_challenge --num_fewshot 5 --output_path out/",
        "  lm-eval run -M dummy -t arc_easy --gen_kwargs temperature=0 'until=[\"\\n\\n\"]' --seed 42",
        "  lm-eval run --config conf/run-config.yaml --tasks arc_challenge",
        "",
        "Exit codes: 0 ok, 1 evaluation or backend failure, 2 usage error, 3 plugin or configuration error.",
        "See docs/cli.md for every flag and docs/troubleshooting.md for error messages."})
final class RunCommand implements Callable<Integer> {
  /** The option groups of the help, in lm-eval's order, then ours. */
  static final List<Map.Entry<String, List<String>>> HELP_GROUPS = List.of(
      Map.entry("configuration", List.of("--config")),
      Map.entry("model and tasks", List.of("--tasks", "--model", "--model_args", "--apply_chat_template", "--limit",
          "--use_cache")),
      Map.entry("evaluation settings", List.of("--num_fewshot", "--batch_size", "--max_batch_size", "--device",
          "--gen_kwargs")),
      Map.entry("data and output (see also: --limit)", List.of("--output_path", "--log_samples", "--samples")),
      Map.entry("caching and performance (see also: --use_cache)", List.of("--cache_requests", "--check_integrity")),
      Map.entry("instruct formatting (see also: --apply_chat_template)", List.of("--system_instruction",
          "--fewshot_as_multiturn")),
      Map.entry("task management", List.of("--include_path")),
      Map.entry("logging and tracking", List.of("--verbosity", "--write_out", "--show_config", "--wandb_args",
          "--wandb_config_args", "--trackio_args", "--hf_hub_log_args")),
      Map.entry("advanced options", List.of("--predict_only", "--seed", "--trust_remote_code",
          "--confirm_run_unsafe_code", "--metadata")),
      Map.entry("lm-eval-java", List.of("--dataset_dir", "--bootstrap_iters", "--plugins_dir", "--runtime",
          "--strict_plugins", "--help")));

  private final CliContext context;

  @Option(names = {"--config", "-C"}, paramLabel = "<path>",
      description = "YAML file with any of this command's settings (keys are the flag names without '--'). "
          + "Flags given here override it; it overrides the defaults.")
  String config;

  @Option(names = {"--tasks", "-t"}, paramLabel = "<task>", arity = "1..*", parameterConsumer = VarargsConsumer.class,
      description = "Task, group or tag names, patterns ('arc_*') or YAML files, separated by spaces and/or "
          + "commas. 'lm-eval ls tasks' lists them. Required.")
  List<List<String>> tasks = new ArrayList<>();

  @Option(names = {"--model", "-M"}, paramLabel = "<model>",
      description = "Model backend name (default: hf). 'lm-eval ls models' lists them.")
  String model;

  @Option(names = {"--model_args", "-a"}, paramLabel = "<arg>", arity = "1..*",
      parameterConsumer = VarargsConsumer.class,
      description = "Model arguments: 'key=val,key2=val2', several 'key=val' tokens, or one JSON object "
          + "(default: none).")
  List<List<String>> modelArgs = new ArrayList<>();

  @Option(names = "--apply_chat_template", paramLabel = "<template>", arity = "0..1", fallbackValue = "\u0000",
      description = "Format prompts with the model's chat template, or with the named one (default: off).")
  String applyChatTemplate;

  @Option(names = {"--limit", "-L"}, paramLabel = "<limit>",
      description = "Documents per task: a count, or a fraction when below 1. For testing only (default: all).")
  String limit;

  @Option(names = {"--use_cache", "-c"}, paramLabel = "<path>",
      description = "Path prefix of a cache of model responses; cached requests are not sent again "
          + "(default: no cache).")
  String useCache;

  @Option(names = {"--num_fewshot", "-f"}, paramLabel = "<n>",
      description = "Number of few-shot examples in each prompt (default: each task's own setting).")
  String numFewshot;

  @Option(names = {"--batch_size", "-b"}, paramLabel = "<size>",
      description = "Batch size: an integer, 'auto', or 'auto:N' to re-tune N times (default: 1).")
  String batchSize;

  @Option(names = "--max_batch_size", paramLabel = "<n>",
      description = "Largest batch size that --batch_size auto may choose (default: the backend's).")
  String maxBatchSize;

  @Option(names = "--device", paramLabel = "<device>",
      description = "Device for local models, e.g. cpu, cuda, cuda:0 (default: the backend's; lm-eval uses cuda:0).")
  String device;

  @Option(names = "--gen_kwargs", paramLabel = "<arg>", arity = "1..*", parameterConsumer = VarargsConsumer.class,
      description = "Generation arguments for generate_until tasks, as 'temperature=0,until=[\"\\n\"]', "
          + "several 'key=val' tokens, or one JSON object; values are read as Python literals (default: none).")
  List<List<String>> genKwargs = new ArrayList<>();

  @Option(names = {"--output_path", "-o"}, paramLabel = "<path>",
      description = "Folder (or .json file) for the results and, with --log_samples, the samples "
          + "(default: nothing is written).")
  String outputPath;

  @Option(names = {"--log_samples", "-s"},
      description = "Also write every document, prompt, response and score (needs --output_path).")
  Boolean logSamples;

  @Option(names = {"--samples", "-E"}, paramLabel = "<json>",
      description = "Doc indices per task as JSON ('{\"arc_easy\": [0,1,2]}') or a JSON file; not with --limit.")
  String samples;

  @Option(names = "--cache_requests", paramLabel = "true|refresh|delete", arity = "0..1", fallbackValue = "true",
      description = "Cache the built requests: true uses the cache, refresh rebuilds it, delete removes it; "
          + "the bare flag means true (default: off).")
  String cacheRequests;

  @Option(names = "--check_integrity",
      description = "Accepted for compatibility; lm-eval's task test suite no longer exists, so it is ignored "
          + "with a warning.")
  Boolean checkIntegrity;

  @Option(names = "--system_instruction", paramLabel = "<text>",
      description = "System instruction placed before each prompt (default: none).")
  String systemInstruction;

  @Option(names = "--fewshot_as_multiturn", paramLabel = "<bool>", arity = "0..1", fallbackValue = "true",
      description = "Give few-shot examples as chat turns: true/1/yes, anything else is false; the bare flag "
          + "means true (default: true with --apply_chat_template, else false; true needs a chat template).")
  String fewshotAsMultiturn;

  @Option(names = "--include_path", paramLabel = "<path>",
      description = "Folder of extra task YAML files; its tasks win over built-in ones of the same name.")
  String includePath;

  @Option(names = {"--verbosity", "-v"}, paramLabel = "<level>",
      description = "Log level: DEBUG, INFO, WARNING, ERROR or CRITICAL. Deprecated in lm-eval; the "
          + "LMEVAL_LOG_LEVEL environment variable wins over it (default: WARNING).")
  String verbosity;

  @Option(names = {"--write_out", "-w"},
      description = "Log the prompt, target and requests of the first document of each task.")
  Boolean writeOut;

  @Option(names = "--show_config",
      description = "Print the full results JSON (task configurations included) after the evaluation.")
  Boolean showConfig;

  @Option(names = "--wandb_args", paramLabel = "<args>", arity = "1..*", parameterConsumer = VarargsConsumer.class,
      description = "Weights & Biases init arguments, key=val (accepted; lm-eval-java logs nowhere, so a "
          + "value only prints a warning).")
  List<List<String>> wandbArgs = new ArrayList<>();

  @Option(names = "--wandb_config_args", paramLabel = "<args>", arity = "1..*",
      parameterConsumer = VarargsConsumer.class,
      description = "Weights & Biases config arguments, key=val (accepted, see --wandb_args).")
  List<List<String>> wandbConfigArgs = new ArrayList<>();

  @Option(names = "--trackio_args", paramLabel = "<args>", arity = "1..*", parameterConsumer = VarargsConsumer.class,
      description = "Trackio init arguments, key=val (accepted, see --wandb_args).")
  List<List<String>> trackioArgs = new ArrayList<>();

  @Option(names = "--hf_hub_log_args", paramLabel = "<args>", arity = "1..*", parameterConsumer = VarargsConsumer.class,
      description = "Hugging Face Hub logging arguments, key=val (accepted; nothing is pushed to the Hub).")
  List<List<String>> hfHubLogArgs = new ArrayList<>();

  @Option(names = {"--predict_only", "-x"},
      description = "Only generate and save predictions, computing no metrics (implies --log_samples; needs "
          + "--output_path).")
  Boolean predictOnly;

  @Option(names = "--seed", paramLabel = "<python,numpy,torch,fewshot>",
      description = "Seeds of the four random generators (default: 0,1234,1234,1234). One value sets all four; "
          + "'None' leaves one unset, e.g. 0,None,8,52. The few-shot seed decides which examples are drawn.")
  String seed;

  @Option(names = "--trust_remote_code",
      description = "Allow code from model and dataset repositories (adds trust_remote_code=True to the "
          + "model arguments).")
  Boolean trustRemoteCode;

  @Option(names = "--confirm_run_unsafe_code",
      description = "Confirm that tasks which execute model-written code may run.")
  Boolean confirmRunUnsafeCode;

  @Option(names = "--metadata", paramLabel = "<args>", arity = "1..*", parameterConsumer = VarargsConsumer.class,
      description = "Task metadata as key=val tokens or one JSON object, merged over the model arguments "
          + "(e.g. max_seq_lengths=[4096,8192] for RULER).")
  List<List<String>> metadata = new ArrayList<>();

  @Option(names = "--dataset_dir", paramLabel = "<dir>",
      description = "Offline dataset mirror in Hugging Face layout (<dataset_path>/<config>/<split>.jsonl); "
          + "default: $LMEVAL_DATASETS.")
  String datasetDir;

  @Option(names = "--bootstrap_iters", paramLabel = "<n>",
      description = "Bootstrap iterations for the standard error of non-mean metrics; 0 turns it off "
          + "(default: 100000).")
  String bootstrapIters;

  @Option(names = "--plugins_dir", paramLabel = "<dir>",
      description = "Folder of plugin jars and task bundles (default: <install dir>/plugins).")
  String pluginsDir;

  @Option(names = "--runtime", paramLabel = "classpath|osgi",
      description = "How plugins are loaded: one class loader each (classpath) or as OSGi bundles in an "
          + "embedded Felix (osgi) (default: classpath).")
  String runtime;

  @Option(names = "--strict_plugins",
      description = "Stop when any plugin fails to load (default: report it and go on).")
  Boolean strictPlugins;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  RunCommand(CliContext context) {
    this.context = context;
  }

  /**
   * lm-eval's parsed namespace: every flag the user gave, by lm-eval's field name, converted as lm-eval's
   * argparse types and actions convert it (dict flags merged, --tasks split on commas, --seed expanded).
   */
  Map<String, Object> cliValues() {
    Map<String, Object> v = new LinkedHashMap<>();
    putIfSet(v, "config", config);
    if (!tasks.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (List<String> occurrence : tasks) {
        for (String token : occurrence) {
          names.addAll(List.of(token.split(",", -1)));
        }
      }
      v.put("tasks", names);
    }
    putIfSet(v, "model", model);
    putDict(v, "model_args", "--model_args", modelArgs);
    if (applyChatTemplate != null) {
      v.put("apply_chat_template", applyChatTemplate.equals("\u0000") ? Boolean.TRUE : applyChatTemplate);
    }
    if (limit != null) {
      v.put("limit", FlagValues.floating("--limit", limit));
    }
    putIfSet(v, "use_cache", useCache);
    if (numFewshot != null) {
      v.put("num_fewshot", FlagValues.integer("--num_fewshot", numFewshot));
    }
    if (batchSize != null) {
      v.put("batch_size", FlagValues.batchSize("--batch_size", batchSize));
    }
    if (maxBatchSize != null) {
      v.put("max_batch_size", FlagValues.integer("--max_batch_size", maxBatchSize));
    }
    putIfSet(v, "device", device);
    putDict(v, "gen_kwargs", "--gen_kwargs", genKwargs);
    putIfSet(v, "output_path", outputPath);
    putIfSet(v, "log_samples", logSamples);
    if (samples != null) {
      v.put("samples", Samples.fromFlag(samples));
    }
    if (cacheRequests != null) {
      v.put("cache_requests", FlagValues.cacheRequests(cacheRequests));
    }
    putIfSet(v, "check_integrity", checkIntegrity);
    putIfSet(v, "system_instruction", systemInstruction);
    if (fewshotAsMultiturn != null) {
      v.put("fewshot_as_multiturn", FlagValues.looseBoolean(fewshotAsMultiturn));
    }
    putIfSet(v, "include_path", includePath);
    if (verbosity != null) {
      v.put("verbosity", FlagValues.logLevel("--verbosity", verbosity));
    }
    putIfSet(v, "write_out", writeOut);
    putIfSet(v, "show_config", showConfig);
    putDict(v, "wandb_args", "--wandb_args", wandbArgs);
    putDict(v, "wandb_config_args", "--wandb_config_args", wandbConfigArgs);
    putDict(v, "trackio_args", "--trackio_args", trackioArgs);
    putDict(v, "hf_hub_log_args", "--hf_hub_log_args", hfHubLogArgs);
    putIfSet(v, "predict_only", predictOnly);
    if (seed != null) {
      v.put("seed", Seeds.parseFlag(seed, context::warn));
    }
    putIfSet(v, "trust_remote_code", trustRemoteCode);
    putIfSet(v, "confirm_run_unsafe_code", confirmRunUnsafeCode);
    putDict(v, "metadata", "--metadata", metadata);
    putIfSet(v, "dataset_dir", datasetDir);
    if (bootstrapIters != null) {
      v.put("bootstrap_iters", FlagValues.integer("--bootstrap_iters", bootstrapIters));
    }
    putIfSet(v, "plugins_dir", pluginsDir);
    putIfSet(v, "runtime", runtime);
    putIfSet(v, "strict_plugins", strictPlugins);
    return v;
  }

  @Override
  public Integer call() {
    RunConfig config = new RunConfigLoader(context).load(cliValues());
    return new RunExecution(context, config).execute();
  }

  private void putDict(Map<String, Object> v, String key, String flag, List<List<String>> occurrences) {
    if (!occurrences.isEmpty()) {
      v.put(key, KeyValueArgs.mergeAll(flag, occurrences, context::warn));
    }
  }

  private static void putIfSet(Map<String, Object> v, String key, Object value) {
    if (value != null) {
      v.put(key, value);
    }
  }
}
