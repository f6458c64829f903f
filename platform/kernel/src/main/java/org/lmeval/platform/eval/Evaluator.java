package org.lmeval.platform.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import java.util.TreeMap;
import org.lmeval.api.model.LanguageModel;
import org.lmeval.api.model.ModelBackend;
import org.lmeval.api.model.ModelContext;
import org.lmeval.api.cache.ResponseCache;
import org.lmeval.api.model.RequestType;
import org.lmeval.platform.cache.CachingLanguageModel;
import org.lmeval.platform.cache.ModelFingerprint;
import org.lmeval.platform.cache.RequestCache;
import org.lmeval.platform.cache.RequestCacheKey;
import org.lmeval.platform.cache.ResponseCaches;
import org.lmeval.platform.hub.HubModelSnapshots;
import org.lmeval.platform.hub.HubSettings;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.progress.Progress;
import org.lmeval.platform.results.RunInfo;
import org.lmeval.platform.results.TrackerInfo;
import org.lmeval.platform.task.ChatTemplate;
import org.lmeval.platform.task.RunOptions;
import org.lmeval.platform.task.TaskManager;
import org.lmeval.platform.task.TaskSelection;

/**
 * Runs an evaluation as lm-eval's {@code simple_evaluate}: open the model, select and build the tasks (prompts
 * through the model's chat template with {@code --apply_chat_template}),
 * check the model can serve them, send every request (one pass per request type), score task by task,
 * aggregate groups, print and write the results.
 */
public final class Evaluator {
  private final PluginRegistry registry;
  private final Progress progress;
  private final PrintWriter log;
  private final Path workDir;

  /** An evaluator without progress output or task index cache (tests, embedding). */
  public Evaluator(PluginRegistry registry) {
    this(registry, Progress.none(), null, null);
  }

  /**
   * @param registry the plugins' components
   * @param progress where phase bars go
   * @param log where {@code --write_out} prompts and warnings go (stderr in the CLI), or null
   * @param workDir the kernel's work folder: the compiled task index ({@code task-index/}) and, with
   *     {@code --cache_requests}, the built requests ({@code requests/}) live there; null for neither
   */
  public Evaluator(PluginRegistry registry, Progress progress, PrintWriter log, Path workDir) {
    this.registry = registry;
    this.progress = progress;
    this.log = log;
    this.workDir = workDir;
  }

  /** Runs the evaluation {@code settings} describe. Errors are {@code EvalException}s with a clear message. */
  public EvaluationResult evaluate(EvalSettings settings) {
    return evaluateWithConfigDump(settings).result();
  }

  /** As {@link #evaluate}, also returning the {@code --show_config} dump (null when not asked for). */
  public ScoringSession.Finished evaluateWithConfigDump(EvalSettings settings) {
    validate(settings);
    long startNanos = System.nanoTime();
    double date = System.currentTimeMillis() / 1000.0;
    // What is reported (results, samples, task metadata, tables) never holds secrets from --model_args.
    EvalSettings reported = settings.toBuilder().modelArgs(Secrets.redact(settings.modelArgs())).build();
    warnIfChatModelWithoutTemplate(settings);
    RequestCache requestCache = settings.cacheRequests() == null ? RequestCache.off()
        : RequestCache.open(requestCacheDir(), settings.cacheRequests(), log);
    // The response cache opens before the model, so a broken cache stops the run before any expensive work.
    // As simple_evaluate: the model first (its chat template shapes the prompts), then the tasks.
    try (ResponseCache cache = ResponseCaches.open(registry, settings.useCache());
        LanguageModel model = openModel(settings)) {
      ChatTemplate chat = settings.applyChatTemplate() == null ? null
          : ChatTemplate.of(model, settings.applyChatTemplate(), settings.model());
      TaskSelection selection = new TaskManager(registry, settings.includePaths(),
          workDir == null ? null : workDir.resolve("task-index"), progress).select(settings.tasks(), reported, chat);
      checkCapabilities(model, selection.tasks());
      List<Instance> all = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      for (EvalTask task : selection.tasks()) {
        List<Instance> instances = requestCache.loadOrBuild(RequestCacheKey.of(task, reported), task::instances);
        all.addAll(instances);
        counts.add(instances.size());
      }
      if (settings.writeOut()) {
        writeOut(all);
      }
      // Responses are committed to the cache batch by batch as they arrive (write-through), so a rerun after a
      // crash sends only what was not answered yet.
      // (Only with a cache is the model asked for its fingerprint: for a local model that hashes its files.)
      LanguageModel sending = cache == null ? model : CachingLanguageModel.wrap(model, cache,
          ModelFingerprint.of(settings.model(), modelArgs(settings), model), all);
      // The model batches internally (its batch_size arg); the kernel hands it chunks of its preferred size,
      // the unit of progress and of response caching.
      List<List<Object>> responses = new ModelRunner(sending, Math.max(1, model.preferredBatchSize()), progress)
          .run(all);
      try (ScoringSession session = ScoringSession.builder(registry, reported)
          .tracker(TrackerInfo.of(reported.model(), reported.modelArgs(), reported.systemInstruction(),
              chat == null ? null : chat.logged(), RunOptions.fewshotAsMultiturn(reported)))
          .taskOrder(selection.tasks().stream().map(EvalTask::name).toList())
          .startedAt(startNanos)
          .open()) {
        RunInfo run = RunInfo.of(reported, date);
        int offset = 0;
        try (Progress.Bar bar = progress.start("Scoring tasks", selection.tasks().size())) {
          for (int t = 0; t < selection.tasks().size(); t++) {
            EvalTask task = selection.tasks().get(t);
            List<Instance> instances = all.subList(offset, offset + counts.get(t));
            List<List<Object>> taskResponses = responses.subList(offset, offset + instances.size());
            offset += instances.size();
            try {
              session.scoreTask(task, instances, taskResponses);
            } catch (EvalException e) {
              session.finish(selection.groups(), run);
              throw e;
            }
            bar.advance(1);
          }
        }
        return session.finish(selection.groups(), run);
      }
    }
  }

  private static void validate(EvalSettings settings) {
    if (settings.tasks().isEmpty()) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "no tasks given: --tasks needs at least one task name");
    }
    if (settings.limit() != null && settings.samples() != null) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--limit and --samples cannot be used together");
    }
    if ((settings.logSamples() || settings.predictOnly()) && settings.outputPath() == null) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT,
          "--output_path is required with --log_samples and --predict_only");
    }
    if (settings.batchSize() != null && !settings.batchSize().matches("[1-9][0-9]*|auto(:[1-9][0-9]*)?")) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT,
          "--batch_size must be a positive integer, 'auto' or 'auto:N', got '" + settings.batchSize() + "'");
    }
    if (settings.bootstrapIters() < 0) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT,
          "--bootstrap_iters must be >= 0 (0 disables bootstrap stderr), got " + settings.bootstrapIters());
    }
  }

  /** lm-eval's warning when a model arg mentions "inst" or "chat" and no chat template is applied. */
  private void warnIfChatModelWithoutTemplate(EvalSettings settings) {
    if (log == null || settings.applyChatTemplate() != null) {
      return;
    }
    boolean chatLike = settings.modelArgs().values().stream().map(v -> String.valueOf(v).toLowerCase(
        java.util.Locale.ROOT)).anyMatch(v -> v.contains("inst") || v.contains("chat"));
    if (chatLike) {
      log.println("WARNING: pretrained=" + settings.modelArgs().get("pretrained") + " appears to be an instruct or "
          + "chat variant but chat template is not applied. Recommend setting `apply_chat_template` (optionally "
          + "`fewshot_as_multiturn`).");
      log.flush();
    }
  }

  /**
   * Opens the backend with the user's model args plus the kernel's (when given; see
   * {@code UnreadOptions.KERNEL_MODEL_ARGS}): batch_size, max_batch_size, device, random_seed.
   */
  private LanguageModel openModel(EvalSettings settings) {
    ModelBackend backend = registry.modelBackends().get(settings.model());
    return backend.open(Options.of("model arg", modelArgs(settings)), modelContext(backend, settings, progress));
  }

  /**
   * The environment variables {@code backend} declares, those of them that are set, and the Hugging Face Hub
   * as {@link EvalSettings#modelHubOptions()} configure it (nothing is sent until a backend asks for a repo).
   */
  static ModelContext modelContext(ModelBackend backend, EvalSettings settings) {
    return modelContext(backend, settings, Progress.none());
  }

  /** As {@link #modelContext(ModelBackend, EvalSettings)}, Hub downloads showing their bar on {@code progress}. */
  static ModelContext modelContext(ModelBackend backend, EvalSettings settings, Progress progress) {
    Map<String, String> env = new TreeMap<>();
    for (String name : backend.environmentVariables()) {
      String value = settings.environment().get(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    return new ModelContext(env, new HubModelSnapshots(HubSettings.of(settings.modelHubOptions()), progress));
  }

  /** The user's model args plus the kernel's, as the backend receives them. */
  private static Map<String, Object> modelArgs(EvalSettings settings) {
    Map<String, Object> args = new LinkedHashMap<>(settings.modelArgs());
    if (settings.batchSize() != null) {
      args.putIfAbsent("batch_size", settings.batchSize().matches("[0-9]+")
          ? (Object) Integer.valueOf(settings.batchSize()) : settings.batchSize());
    }
    if (settings.maxBatchSize() != null) {
      args.putIfAbsent("max_batch_size", settings.maxBatchSize());
    }
    if (settings.device() != null) {
      args.putIfAbsent("device", settings.device());
    }
    if (settings.randomSeed() != null) {
      args.putIfAbsent("random_seed", settings.randomSeed());
    }
    return args;
  }

  /** lm-eval's request cache folder: {@code $LM_HARNESS_CACHE_PATH} is the CLI's to pass; else the work dir. */
  private Path requestCacheDir() {
    if (workDir == null) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--cache_requests needs a cache folder; this evaluator "
          + "was created without a work directory");
    }
    return workDir.resolve("requests");
  }

  /** Fails before any request when a task needs a request type the model cannot serve. */
  static void checkCapabilities(LanguageModel model, List<EvalTask> tasks) {
    Set<RequestType> supported = model.supportedRequests();
    Map<RequestType, Set<String>> missing = new LinkedHashMap<>();
    for (EvalTask task : tasks) {
      RequestType needed = task.outputType().requestType();
      if (!supported.contains(needed)) {
        missing.computeIfAbsent(needed, t -> new TreeSet<>()).add(task.name());
      }
    }
    if (!missing.isEmpty()) {
      StringBuilder msg = new StringBuilder("the model cannot serve what these tasks need:");
      missing.forEach((type, names) -> msg.append(' ').append(type.lmEvalName()).append(" (")
          .append(String.join(", ", names)).append(");"));
      msg.append(" it supports ").append(EnumSet.copyOf(supported).stream().map(RequestType::lmEvalName).toList());
      throw new EvalException(ErrorCode.UNSUPPORTED_REQUEST, msg.toString());
    }
  }

  /** lm-eval's {@code --write_out}: the first document's requests of every task. */
  private void writeOut(List<Instance> all) {
    if (log == null) {
      return;
    }
    String task = null;
    int firstDoc = -1;
    for (Instance i : all) {
      if (!i.taskName().equals(task)) {
        task = i.taskName();
        firstDoc = i.docId();
        log.println("Task: " + task + "; document " + firstDoc);
      }
      if (i.docId() == firstDoc) {
        log.println("Request " + i.idx() + " (" + i.type().lmEvalName() + "): " + i.arguments());
      }
    }
    log.flush();
  }
}
