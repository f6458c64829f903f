package org.lmeval.platform.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a run is configured with: lm-eval 0.4.13's {@code run} flags, parsed and coerced. The CLI
 * builds it; tests build it with {@link #builder()}.
 *
 * @param model the backend name ({@code --model}, lm-eval default {@code hf})
 * @param modelArgs parsed {@code --model_args}
 * @param tasks task, group and tag names, patterns and YAML paths in the order given
 * @param numFewshot {@code --num_fewshot}, or null
 * @param batchSize {@code --batch_size}: "N", "auto" or "auto:N"
 * @param maxBatchSize {@code --max_batch_size}, or null
 * @param device {@code --device}, or null
 * @param limit {@code --limit} (< 1 a fraction, else a count), or null
 * @param samples {@code --samples}: task name to doc indices, or null
 * @param useCache {@code --use_cache} location, or null
 * @param cacheRequests {@code --cache_requests}: null, "true", "refresh" or "delete"
 * @param genKwargs parsed {@code --gen_kwargs}, merged into each generate_until task's kwargs
 * @param outputPath {@code --output_path}, or null
 * @param logSamples {@code --log_samples}
 * @param predictOnly {@code --predict_only} (implies log_samples)
 * @param showConfig {@code --show_config}
 * @param writeOut {@code --write_out}
 * @param systemInstruction {@code --system_instruction}, or null
 * @param applyChatTemplate null when off; "" for the model's default template; else a template name
 * @param fewshotAsMultiturn {@code --fewshot_as_multiturn}, or null for lm-eval's default
 * @param includePaths {@code --include_path} folders
 * @param datasetDir the offline dataset mirror ({@code --dataset_dir} or {@code LMEVAL_DATASETS}), or null
 * @param randomSeed the python seed (also seeds the dummy model), or null for none
 * @param numpySeed the numpy seed, or null
 * @param torchSeed the torch seed, or null
 * @param fewshotSeed the few-shot sampler seed, or null
 * @param bootstrapIters {@code --bootstrap_iters} (0 disables bootstrap stderr)
 * @param metadata {@code --metadata}
 * @param trustRemoteCode {@code --trust_remote_code}
 * @param confirmRunUnsafeCode {@code --confirm_run_unsafe_code}
 * @param datasetOptions settings for dataset providers beyond {@code datasetDir}: the Hugging Face Hub's
 *     {@code offline}, {@code token}, {@code endpoint}, {@code cache_dir} (the CLI fills them from the
 *     environment); a {@code token} is hidden from {@code toString()}
 * @param environment the process environment as the CLI read it; the model backend gets the variables it
 *     declares ({@code ModelBackend.environmentVariables()}); values are hidden from {@code toString()}
 * @param modelHubOptions how model backends reach the Hugging Face Hub ({@code ModelContext.hub()}): the
 *     same keys as {@code datasetOptions}, with {@code offline} from {@code HF_HUB_OFFLINE} /
 *     {@code TRANSFORMERS_OFFLINE}; empty means huggingface_hub's defaults; a {@code token} is hidden from
 *     {@code toString()}
 */
public record EvalSettings(
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
    Map<String, Object> genKwargs,
    Path outputPath,
    boolean logSamples,
    boolean predictOnly,
    boolean showConfig,
    boolean writeOut,
    String systemInstruction,
    String applyChatTemplate,
    Boolean fewshotAsMultiturn,
    List<Path> includePaths,
    Path datasetDir,
    Integer randomSeed,
    Integer numpySeed,
    Integer torchSeed,
    Integer fewshotSeed,
    int bootstrapIters,
    Map<String, Object> metadata,
    boolean trustRemoteCode,
    boolean confirmRunUnsafeCode,
    Map<String, Object> datasetOptions,
    Map<String, String> environment,
    Map<String, Object> modelHubOptions) {

  public EvalSettings {
    modelArgs = copy(modelArgs);
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
    genKwargs = copy(genKwargs);
    includePaths = includePaths == null ? List.of() : List.copyOf(includePaths);
    metadata = copy(metadata);
    datasetOptions = new SecretHidingMap(copy(datasetOptions));
    environment = environment == null ? Map.of() : new ValueHidingMap(Map.copyOf(environment));
    modelHubOptions = new SecretHidingMap(copy(modelHubOptions));
  }

  /** lm-eval's defaults: model hf, batch size 1, seeds 0,1234,1234,1234, 100000 bootstrap iterations. */
  public static EvalSettings defaults() {
    return new EvalSettings("hf", Map.of(), List.of(), null, "1", null, null, null, null, null, null, Map.of(),
        null, false, false, false, false, null, null, null, List.of(), null, 0, 1234, 1234, 1234, 100000,
        Map.of(), false, false, Map.of(), Map.of(), Map.of());
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.model = model;
    b.modelArgs = modelArgs;
    b.tasks = tasks;
    b.numFewshot = numFewshot;
    b.batchSize = batchSize;
    b.maxBatchSize = maxBatchSize;
    b.device = device;
    b.limit = limit;
    b.samples = samples;
    b.useCache = useCache;
    b.cacheRequests = cacheRequests;
    b.genKwargs = genKwargs;
    b.outputPath = outputPath;
    b.logSamples = logSamples;
    b.predictOnly = predictOnly;
    b.showConfig = showConfig;
    b.writeOut = writeOut;
    b.systemInstruction = systemInstruction;
    b.applyChatTemplate = applyChatTemplate;
    b.fewshotAsMultiturn = fewshotAsMultiturn;
    b.includePaths = includePaths;
    b.datasetDir = datasetDir;
    b.randomSeed = randomSeed;
    b.numpySeed = numpySeed;
    b.torchSeed = torchSeed;
    b.fewshotSeed = fewshotSeed;
    b.bootstrapIters = bootstrapIters;
    b.metadata = metadata;
    b.trustRemoteCode = trustRemoteCode;
    b.confirmRunUnsafeCode = confirmRunUnsafeCode;
    b.datasetOptions = datasetOptions;
    b.environment = environment;
    b.modelHubOptions = modelHubOptions;
    return b;
  }

  /** A builder from lm-eval's defaults. */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /** Fluent construction of {@link EvalSettings}; each setter names the record component it sets. */
  public static final class Builder {
    private String model;
    private Map<String, Object> modelArgs;
    private List<String> tasks;
    private Integer numFewshot;
    private String batchSize;
    private Integer maxBatchSize;
    private String device;
    private Double limit;
    private Map<String, List<Integer>> samples;
    private String useCache;
    private String cacheRequests;
    private Map<String, Object> genKwargs;
    private Path outputPath;
    private boolean logSamples;
    private boolean predictOnly;
    private boolean showConfig;
    private boolean writeOut;
    private String systemInstruction;
    private String applyChatTemplate;
    private Boolean fewshotAsMultiturn;
    private List<Path> includePaths;
    private Path datasetDir;
    private Integer randomSeed;
    private Integer numpySeed;
    private Integer torchSeed;
    private Integer fewshotSeed;
    private int bootstrapIters;
    private Map<String, Object> metadata;
    private boolean trustRemoteCode;
    private boolean confirmRunUnsafeCode;
    private Map<String, Object> datasetOptions;
    private Map<String, String> environment;
    private Map<String, Object> modelHubOptions;

    private Builder() {}

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder modelArgs(Map<String, Object> modelArgs) {
      this.modelArgs = modelArgs;
      return this;
    }

    public Builder tasks(List<String> tasks) {
      this.tasks = tasks;
      return this;
    }

    public Builder numFewshot(Integer numFewshot) {
      this.numFewshot = numFewshot;
      return this;
    }

    public Builder batchSize(String batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder maxBatchSize(Integer maxBatchSize) {
      this.maxBatchSize = maxBatchSize;
      return this;
    }

    public Builder device(String device) {
      this.device = device;
      return this;
    }

    public Builder limit(Double limit) {
      this.limit = limit;
      return this;
    }

    public Builder samples(Map<String, List<Integer>> samples) {
      this.samples = samples;
      return this;
    }

    public Builder useCache(String useCache) {
      this.useCache = useCache;
      return this;
    }

    public Builder cacheRequests(String cacheRequests) {
      this.cacheRequests = cacheRequests;
      return this;
    }

    public Builder genKwargs(Map<String, Object> genKwargs) {
      this.genKwargs = genKwargs;
      return this;
    }

    public Builder outputPath(Path outputPath) {
      this.outputPath = outputPath;
      return this;
    }

    public Builder logSamples(boolean logSamples) {
      this.logSamples = logSamples;
      return this;
    }

    public Builder predictOnly(boolean predictOnly) {
      this.predictOnly = predictOnly;
      return this;
    }

    public Builder showConfig(boolean showConfig) {
      this.showConfig = showConfig;
      return this;
    }

    public Builder writeOut(boolean writeOut) {
      this.writeOut = writeOut;
      return this;
    }

    public Builder systemInstruction(String systemInstruction) {
      this.systemInstruction = systemInstruction;
      return this;
    }

    public Builder applyChatTemplate(String applyChatTemplate) {
      this.applyChatTemplate = applyChatTemplate;
      return this;
    }

    public Builder fewshotAsMultiturn(Boolean fewshotAsMultiturn) {
      this.fewshotAsMultiturn = fewshotAsMultiturn;
      return this;
    }

    public Builder includePaths(List<Path> includePaths) {
      this.includePaths = includePaths;
      return this;
    }

    public Builder datasetDir(Path datasetDir) {
      this.datasetDir = datasetDir;
      return this;
    }

    public Builder randomSeed(Integer randomSeed) {
      this.randomSeed = randomSeed;
      return this;
    }

    public Builder numpySeed(Integer numpySeed) {
      this.numpySeed = numpySeed;
      return this;
    }

    public Builder torchSeed(Integer torchSeed) {
      this.torchSeed = torchSeed;
      return this;
    }

    public Builder fewshotSeed(Integer fewshotSeed) {
      this.fewshotSeed = fewshotSeed;
      return this;
    }

    public Builder bootstrapIters(int bootstrapIters) {
      this.bootstrapIters = bootstrapIters;
      return this;
    }

    public Builder metadata(Map<String, Object> metadata) {
      this.metadata = metadata;
      return this;
    }

    public Builder trustRemoteCode(boolean trustRemoteCode) {
      this.trustRemoteCode = trustRemoteCode;
      return this;
    }

    public Builder confirmRunUnsafeCode(boolean confirmRunUnsafeCode) {
      this.confirmRunUnsafeCode = confirmRunUnsafeCode;
      return this;
    }

    public Builder modelHubOptions(Map<String, Object> modelHubOptions) {
      this.modelHubOptions = modelHubOptions;
      return this;
    }

    public Builder datasetOptions(Map<String, Object> datasetOptions) {
      this.datasetOptions = datasetOptions;
      return this;
    }

    public Builder environment(Map<String, String> environment) {
      this.environment = environment;
      return this;
    }

    public EvalSettings build() {
      return new EvalSettings(model, modelArgs, tasks, numFewshot, batchSize, maxBatchSize, device, limit, samples, useCache, cacheRequests, genKwargs, outputPath, logSamples, predictOnly, showConfig, writeOut, systemInstruction, applyChatTemplate, fewshotAsMultiturn, includePaths, datasetDir, randomSeed, numpySeed, torchSeed, fewshotSeed, bootstrapIters, metadata, trustRemoteCode, confirmRunUnsafeCode, datasetOptions, environment, modelHubOptions);
    }
  }

  /** An unmodifiable map whose {@code toString()} shows only the keys (environment values may be secrets). */
  private static final class ValueHidingMap extends java.util.AbstractMap<String, String> {
    private final Map<String, String> map;

    ValueHidingMap(Map<String, String> map) {
      this.map = map;
    }

    @Override
    public java.util.Set<Entry<String, String>> entrySet() {
      return map.entrySet();
    }

    @Override
    public String get(Object key) {
      return map.get(key);
    }

    @Override
    public String toString() {
      return "{" + String.join(", ", new java.util.TreeSet<>(map.keySet())) + "}";
    }
  }

  /** An unmodifiable map whose {@code toString()} hides the value of {@code token}. */
  private static final class SecretHidingMap extends java.util.AbstractMap<String, Object> {
    private final Map<String, Object> map;

    SecretHidingMap(Map<String, Object> map) {
      this.map = map instanceof SecretHidingMap h ? h.map : map;
    }

    @Override
    public java.util.Set<Entry<String, Object>> entrySet() {
      return map.entrySet();
    }

    @Override
    public Object get(Object key) {
      return map.get(key);
    }

    @Override
    public String toString() {
      Map<String, Object> shown = new java.util.LinkedHashMap<>(map);
      shown.computeIfPresent("token", (k, v) -> "<hidden>");
      return shown.toString();
    }
  }

  private static Map<String, Object> copy(Map<String, Object> m) {
    return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
  }
}
