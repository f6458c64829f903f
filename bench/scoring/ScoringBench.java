import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.support.PythonRandom;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.eval.FilterSetSpec;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.eval.MetricSpec;
import org.lmeval.platform.eval.OutputType;
import org.lmeval.platform.eval.ScoringSession;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.results.RunInfo;

/**
 * Times scoring and writing one synthetic loglikelihood task through ScoringSession (run by
 * bench/scoring/run.sh): N documents, one request each, answers drawn from CPython's Random(0) (the same
 * numbers bench/scoring/lmeval_bench.py feeds lm-eval), metrics as given (acc: closed-form stderr;
 * perplexity: bootstrap stderr), --log_samples to a scratch folder. Prints wall time of the scoring
 * phase and the peak heap (all heap pools' peak usage, from the MemoryPoolMXBeans).
 *
 * args: docs bootstrapIters outputDir metric[,metric...]
 */
public class ScoringBench {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    int iters = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    List<String> metrics = List.of(args[3].split(","));

    PluginRegistry registry = new PluginRegistry(List::of);
    registry.install(new org.lmeval.plugin.metrics.MetricsPlugin(), new Origin("metrics-core", "", "bench"));
    registry.install(new org.lmeval.plugin.filters.FiltersPlugin(), new Origin("filters-core", "", "bench"));
    registry.freeze();

    SyntheticTask task = new SyntheticTask(n, metrics);
    List<Instance> instances = task.instances();
    PythonRandom rng = new PythonRandom(0);
    List<List<Object>> responses = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      responses.add(List.of(new LoglikelihoodResult(-rng.random() * 10, rng.random() < 0.5)));
    }
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    EvalSettings settings = EvalSettings.builder().model("synthetic").tasks(List.of(task.name()))
        .bootstrapIters(iters).outputPath(out).logSamples(true).build();
    long t0 = System.nanoTime();
    Map<String, Object> results;
    try (ScoringSession session = ScoringSession.builder(registry, settings).taskOrder(List.of(task.name())).open()) {
      session.scoreTask(task, instances, responses);
      results = session.finish(List.of(), RunInfo.of(settings, System.currentTimeMillis() / 1000.0)).result().results();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long bytes;
    try (var s = Files.walk(out)) {
      bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf("java: %d docs, metrics %s, bootstrap_iters %d: score+write %.2f s, peak heap %.0f MB, "
        + "files %.0f MB%n", n, metrics, iters, seconds, peak / 1e6, bytes / 1e6);
    System.out.println("java: " + ((Map<?, ?>) results.get("results")).get(task.name()));
  }

  /** N documents {"id": i, "text": ..., "answer": ...}; request (text, " answer"). */
  static final class SyntheticTask implements EvalTask {
    private final int n;
    private final List<String> metricNames;

    SyntheticTask(int n, List<String> metricNames) {
      this.n = n;
      this.metricNames = metricNames;
    }

    static Map<String, Object> doc(int i) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", i);
      d.put("text", "Synthetic document number " + i + " ends with the word");
      d.put("answer", "w" + (i % 1000));
      return d;
    }

    @Override public String name() { return "synthetic"; }
    @Override public String alias() { return "synthetic"; }
    @Override public OutputType outputType() { return OutputType.LOGLIKELIHOOD; }
    @Override public Object version() { return 1.0; }
    @Override public int numFewshot() { return 0; }
    @Override public List<MetricSpec> metrics() {
      return metricNames.stream().map(m -> new MetricSpec(m, null, null, Map.of())).toList();
    }
    @Override public List<FilterSetSpec> filterSets() { return List.of(FilterSetSpec.none()); }
    @Override public int repeats() { return 1; }
    @Override public int originalDocCount() { return n; }

    @Override
    public List<Instance> instances() {
      List<Instance> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Map<String, Object> d = doc(i);
        String ctx = (String) d.get("text");
        String cont = " " + d.get("answer");
        out.add(new Instance(name(), i, d, 0, RequestType.LOGLIKELIHOOD, new LoglikelihoodRequest(ctx, cont),
            List.of(ctx, cont), 1));
      }
      return out;
    }

    @Override public Object docToTarget(Map<String, Object> doc) { return " " + doc.get("answer"); }
    @Override public Object docToText(Map<String, Object> doc) { return doc.get("text"); }
    @Override public List<String> docToChoice(Map<String, Object> doc) { return List.of(); }
    @Override public boolean hasChoices() { return false; }
    @Override public boolean multipleInput() { return false; }
    @Override public boolean multipleTarget() { return false; }
    @Override public Map<String, Object> configForResults() {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("task", name());
      c.put("output_type", "loglikelihood");
      return c;
    }
  }
}
