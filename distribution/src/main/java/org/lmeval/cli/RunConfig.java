package org.lmeval.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lmeval.cli.args.Seeds;
import org.lmeval.platform.eval.EvalSettings;

/**
 * A {@code run} fully resolved (flags over {@code --config} over defaults) and validated: lm-eval 0.4.13's
 * {@code EvaluatorConfig} after {@code _configure()}, plus lm-eval-java's own settings.
 *
 * @param configFile the {@code --config} file, or null
 * @param model backend name
 * @param modelArgs model arguments ({@code trust_remote_code=True} added by --trust_remote_code)
 * @param tasks task names, patterns and YAML paths in the order given
 * @param numFewshot {@code --num_fewshot}, or null
 * @param batchSize "N", "auto" or "auto:N", or null when a config file set it to null
 * @param maxBatchSize {@code --max_batch_size}, or null
 * @param device {@code --device}, or null for the backend's default
 * @param limit {@code --limit}, or null
 * @param samples {@code --samples} resolved to task → doc indices, or null
 * @param useCache {@code --use_cache}, or null
 * @param cacheRequests "true", "refresh", "delete", or null
 * @param checkIntegrity {@code --check_integrity} (ignored with a warning)
 * @param writeOut {@code --write_out}
 * @param logSamples {@code --log_samples} (true with --predict_only)
 * @param outputPath {@code --output_path} (absolute), or null
 * @param predictOnly {@code --predict_only}
 * @param systemInstruction {@code --system_instruction}, or null
 * @param applyChatTemplate null when off, "" for the model's template, else a template name
 * @param fewshotAsMultiturn true, false, or null (no chat template and not given)
 * @param showConfig {@code --show_config}
 * @param includePaths {@code --include_path} folders (absolute)
 * @param genKwargs {@code --gen_kwargs}
 * @param verbosity the Python level name given, or null
 * @param wandbArgs {@code --wandb_args}
 * @param wandbConfigArgs {@code --wandb_config_args}
 * @param hfHubLogArgs {@code --hf_hub_log_args}
 * @param trackioArgs {@code --trackio_args}
 * @param seeds the four seeds
 * @param trustRemoteCode {@code --trust_remote_code}
 * @param confirmRunUnsafeCode {@code --confirm_run_unsafe_code}
 * @param metadata model_args merged with {@code --metadata} (metadata wins)
 * @param datasetDir {@code --dataset_dir} or $LMEVAL_DATASETS (absolute), or null
 * @param bootstrapIters {@code --bootstrap_iters}
 * @param pluginsDir {@code --plugins_dir} or the installation's plugins folder, or null
 * @param osgi {@code --runtime osgi}
 * @param strictPlugins {@code --strict_plugins}
 */
record RunConfig(
    Path configFile,
    String model,
    Map<String, Object> modelArgs,
    List<String> tasks,
    Integer numFewshot,
    String batchSize,
    Integer maxBatchSize,
    String device,
    Double limit,
    Map<String, List<Integer>> samples,
    String useCache,
    String cacheRequests,
    boolean checkIntegrity,
    boolean writeOut,
    boolean logSamples,
    Path outputPath,
    boolean predictOnly,
    String systemInstruction,
    String applyChatTemplate,
    Boolean fewshotAsMultiturn,
    boolean showConfig,
    List<Path> includePaths,
    Map<String, Object> genKwargs,
    String verbosity,
    Map<String, Object> wandbArgs,
    Map<String, Object> wandbConfigArgs,
    Map<String, Object> hfHubLogArgs,
    Map<String, Object> trackioArgs,
    Seeds seeds,
    boolean trustRemoteCode,
    boolean confirmRunUnsafeCode,
    Map<String, Object> metadata,
    Path datasetDir,
    int bootstrapIters,
    Path pluginsDir,
    boolean osgi,
    boolean strictPlugins) {

  /** The kernel's view of this run. */
  EvalSettings toEvalSettings() {
    return EvalSettings.builder()
        .model(model)
        .modelArgs(modelArgs)
        .tasks(tasks)
        .numFewshot(numFewshot)
        .batchSize(batchSize)
        .maxBatchSize(maxBatchSize)
        .device(device)
        .limit(limit)
        .samples(samples)
        .useCache(useCache)
        .cacheRequests(cacheRequests)
        .genKwargs(genKwargs)
        .outputPath(outputPath)
        .logSamples(logSamples)
        .predictOnly(predictOnly)
        .showConfig(showConfig)
        .writeOut(writeOut)
        .systemInstruction(systemInstruction)
        .applyChatTemplate(applyChatTemplate)
        .fewshotAsMultiturn(fewshotAsMultiturn)
        .includePaths(includePaths)
        .datasetDir(datasetDir)
        .randomSeed(seeds.random())
        .numpySeed(seeds.numpy())
        .torchSeed(seeds.torch())
        .fewshotSeed(seeds.fewshot())
        .bootstrapIters(bootstrapIters)
        .metadata(metadata)
        .trustRemoteCode(trustRemoteCode)
        .confirmRunUnsafeCode(confirmRunUnsafeCode)
        .build();
  }
}
