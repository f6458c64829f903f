package org.lmeval.platform.eval;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.python.PythonJson;
import org.lmeval.platform.results.OutputPaths;
import org.lmeval.platform.results.ResultsAssembler;
import org.lmeval.platform.results.ResultsWriter;
import org.lmeval.platform.results.RunInfo;
import org.lmeval.platform.results.SummaryLine;
import org.lmeval.platform.results.TableFormatter;
import org.lmeval.platform.results.TrackerInfo;

/**
 * Everything between "the model has answered" and "numbers and files", for one run: score tasks one by
 * one as their responses arrive (sample records are streamed to {@code samples_<task>_<date>.jsonl} as they
 * are scored), then aggregate groups, build lm-eval's results dictionary, print tables and write
 * {@code results_<date>.json}.
 *
 * <pre>{@code
 * try (ScoringSession session = ScoringSession.builder(kernel.registry(), settings)
 *     .taskOrder(taskNamesInLoadOrder).open()) {
 *   for (each task, once its responses are in) {
 *     session.scoreTask(task, task.instances(), responses);   // may throw EvalException (e.g. NaN logprob)
 *   }
 *   ScoringSession.Finished done = session.finish(groups, RunInfo.of(settings, startUnixSeconds));
 *   if (done.configDump() != null) out.println(done.configDump());   // --show_config
 *   out.println(done.result().summaryLine());
 *   out.print(done.result().tables());
 * }
 * }</pre>
 *
 * When a task fails to score (a backend returned a NaN log-likelihood, say), call {@link #finish} before
 * rethrowing: the results of the tasks scored before are then written.
 */
public final class ScoringSession implements AutoCloseable {
  private final EvalSettings settings;
  private final Scorer scorer;
  private final List<String> taskOrder;
  private final TrackerInfo tracker;
  private final long startNanos;
  private final ResultsWriter writer;
  private final boolean logSamples;
  private final Map<String, ScoredTask> scored = new LinkedHashMap<>();

  private ScoringSession(Builder b) {
    this.settings = b.settings;
    this.logSamples = b.settings.logSamples() || b.settings.predictOnly();
    this.scorer = new Scorer(b.registry, b.settings.bootstrapIters(), b.settings.predictOnly());
    this.taskOrder = List.copyOf(b.taskOrder);
    this.tracker = b.tracker != null ? b.tracker : TrackerInfo.of(b.settings.model(), b.settings.modelArgs(),
        b.settings.systemInstruction(), null, b.settings.fewshotAsMultiturn() != null
            ? b.settings.fewshotAsMultiturn() : b.settings.applyChatTemplate() != null);
    this.startNanos = b.startNanos;
    this.writer = b.settings.outputPath() == null ? null : new ResultsWriter(OutputPaths.of(
        b.settings.outputPath(), tracker.modelNameSanitized(), OutputPaths.dateId(b.now)));
  }

  /** A session for a run with these settings ({@code bootstrap_iters}, {@code --log_samples}, ...). */
  public static Builder builder(PluginRegistry registry, EvalSettings settings) {
    return new Builder(registry, settings);
  }

  /** The tracker fields (model name, output folder name, ...) this session writes. */
  public TrackerInfo tracker() {
    return tracker;
  }

  /** Where files go, or null without {@code --output_path}. */
  public OutputPaths outputPaths() {
    return writer == null ? null : writer.paths();
  }

  /**
   * Scores one task and streams its sample records.
   *
   * @param task the task
   * @param instances its instances in document order then {@code idx}
   * @param responses per instance its raw responses, one per repeat ({@code LoglikelihoodResult},
   *     {@code RollingResult} or {@code Double}, {@code String})
   * @return the task's results entry and facts
   * @throws org.lmeval.api.EvalException when the responses cannot be scored (the task then has no result)
   */
  public synchronized ScoredTask scoreTask(EvalTask task, List<Instance> instances, List<List<Object>> responses) {
    SampleSink sink = !logSamples ? null : writer != null ? writer : (name, record) -> { };
    ScoredTask result;
    try {
      result = scorer.score(task, instances, responses, sink);
    } finally {
      if (writer != null && logSamples) {
        writer.finishTask(task.name());
      }
    }
    scored.put(task.name(), result);
    return result;
  }

  /** The tasks scored so far, in lm-eval's task order. */
  public synchronized List<ScoredTask> scoredTasks() {
    List<ScoredTask> out = new ArrayList<>();
    for (String name : taskOrder) {
      ScoredTask t = scored.get(name);
      if (t != null) {
        out.add(t);
      }
    }
    for (ScoredTask t : scored.values()) {
      if (!taskOrder.contains(t.name())) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Aggregates groups, builds the results dictionary, formats the tables and, with {@code --output_path},
   * writes the results file.
   *
   * @param groups the run's groups in lm-eval's load order (parents before the groups they contain)
   * @param run the {@code config} block and environment keys
   */
  public synchronized Finished finish(List<GroupSpec> groups, RunInfo run) {
    List<ScoredTask> tasks = scoredTasks();
    Map<String, Object> results = ResultsAssembler.assemble(tasks, groups, settings.predictOnly());
    ResultsAssembler.addRunInfo(results, run);
    String configDump = settings.showConfig() ? PythonJson.dumps(results, PythonJson.Options.RESULTS) : null;
    String tables = TableFormatter.makeTable(results, "results") + "\n";
    if (results.containsKey("groups")) {
      tables += TableFormatter.makeTable(results, "groups") + "\n";
    }
    String summary = SummaryLine.of(settings.model(), settings.modelArgs(), settings.genKwargs(), settings.limit(),
        settings.numFewshot(), settings.batchSize(), run.batchSizes());
    List<java.nio.file.Path> files = List.of();
    if (writer != null) {
      TrackerInfo done = tracker.withTotalEvaluationTime((System.nanoTime() - startNanos) / 1e9);
      ResultsAssembler.addTrackerInfo(results, tasks, done);
      writer.writeResults(results);
      files = writer.files();
    }
    return new Finished(new EvaluationResult(results, summary, tables, files), configDump);
  }

  @Override
  public synchronized void close() {
    if (writer != null) {
      writer.close();
    }
  }

  /**
   * A finished run.
   *
   * @param result the results dictionary (as written), the summary line, the printed tables (exactly as
   *     lm-eval prints them, each followed by a blank line) and the files written
   * @param configDump {@code --show_config}: the results JSON lm-eval prints (without the tracker keys),
   *     or null
   */
  public record Finished(EvaluationResult result, String configDump) {}

  /** Options of a {@link ScoringSession}. */
  public static final class Builder {
    private final PluginRegistry registry;
    private final EvalSettings settings;
    private List<String> taskOrder = List.of();
    private TrackerInfo tracker;
    private long startNanos = System.nanoTime();
    private LocalDateTime now = LocalDateTime.now();

    private Builder(PluginRegistry registry, EvalSettings settings) {
      this.registry = Objects.requireNonNull(registry, "registry");
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** lm-eval's task order (load order): the order of {@code results} whatever order tasks are scored in. */
    public Builder taskOrder(List<String> names) {
      this.taskOrder = names;
      return this;
    }

    /** The tracker fields, when the caller knows more than the settings (the chat template applied). */
    public Builder tracker(TrackerInfo info) {
      this.tracker = info;
      return this;
    }

    /** When lm-eval's tracker would have been created ({@link System#nanoTime()}), for the total time. */
    public Builder startedAt(long nanoTime) {
      this.startNanos = nanoTime;
      return this;
    }

    /** The local time the {@code date_id} of the file names is taken from. */
    public Builder now(LocalDateTime time) {
      this.now = time;
      return this;
    }

    public ScoringSession open() {
      return new ScoringSession(this);
    }
  }
}
