package org.lmeval.platform.eval;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.filter.FilterFactory;
import org.lmeval.api.metric.Aggregation;
import org.lmeval.api.metric.Metric;
import org.lmeval.api.metric.MetricFactory;
import org.lmeval.api.metric.Sample;
import org.lmeval.api.metric.Score;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.LoglikelihoodResult;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.model.RollingResult;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.python.PythonMath;

/**
 * Scores one task once the model has answered, as lm-eval's {@code evaluate} does after its model calls:
 * applies every filter set to all of the task's responses, scores each document per filter set with the
 * task's metrics, logs a sample record per document and filter set, then aggregates each
 * {@code (metric, filter)} and computes its standard error (§4.2, §4.5, §5.1, §5.3 of the spec).
 *
 * <p>Raw responses are given per instance, one per repeat: a {@link LoglikelihoodResult} for
 * log-likelihood requests, a {@link RollingResult} (or a {@code Double}) for rolling requests and a
 * {@code String} for generations. A non-finite log-likelihood is a {@code BACKEND_FAILURE} naming the
 * task, the document and the request; nothing of the task is scored or logged then.
 */
public final class Scorer {
  private static final System.Logger LOG = System.getLogger(Scorer.class.getName());

  private final PluginRegistry registry;
  private final int bootstrapIters;
  private final boolean predictOnly;

  /**
   * @param registry where metrics, aggregations and filters are looked up by name
   * @param bootstrapIters lm-eval's {@code bootstrap_iters}; 0 or less gives {@code "N/A"} for every stderr
   * @param predictOnly replace every task's metric list by {@code bypass} ({@code --predict_only})
   */
  public Scorer(PluginRegistry registry, int bootstrapIters, boolean predictOnly) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.bootstrapIters = bootstrapIters;
    this.predictOnly = predictOnly;
  }

  /**
   * Scores a task.
   *
   * @param task the task
   * @param instances its instances, in document order then {@code idx} (as {@link EvalTask#instances()})
   * @param responses per instance, its raw responses, one per repeat
   * @param sink receives each sample record as it is scored, or null when samples are not logged
   * @return the task's results entry and facts
   */
  public ScoredTask score(EvalTask task, List<Instance> instances, List<List<Object>> responses, SampleSink sink) {
    List<List<Object>> raw = checkedResponses(task, instances, responses);
    List<MetricSpec> specs = predictOnly ? List.of(new MetricSpec(LmEvalMetrics.BYPASS, null, true, Map.of()))
        : task.metrics();
    Map<String, Boolean> higherIsBetter = new LinkedHashMap<>();
    List<ResolvedMetric> metrics = resolveMetrics(task, specs, higherIsBetter);

    Map<Integer, List<Integer>> byDoc = new LinkedHashMap<>();
    for (int i = 0; i < instances.size(); i++) {
      byDoc.computeIfAbsent(instances.get(i).docId(), k -> new ArrayList<>()).add(i);
    }
    byDoc.values().forEach(ix -> ix.sort((a, b) -> Integer.compare(instances.get(a).idx(), instances.get(b).idx())));

    Map<String, FilterSetSpec> filterSets = new LinkedHashMap<>();
    for (FilterSetSpec set : task.filterSets()) {
      filterSets.put(set.name(), set);
    }
    if (instances.isEmpty()) {
      filterSets.clear();
    }

    Map<String, Accumulator> accumulators = new LinkedHashMap<>();
    MessageDigest taskHash = sink == null ? null : SampleRecord.digest();
    List<Map<String, Object>> docs = instances.stream().map(Instance::doc).toList();
    for (FilterSetSpec set : filterSets.values()) {
      List<Object> filtered = applyFilterSet(task, set, raw, docs);
      for (Map.Entry<Integer, List<Integer>> doc : byDoc.entrySet()) {
        List<Integer> ix = doc.getValue();
        Instance first = instances.get(ix.get(0));
        KernelSample sample = sample(task, first, ix, filtered, metrics, set.name());
        Map<String, Object> values = new LinkedHashMap<>();
        for (ResolvedMetric m : metrics) {
          Accumulator acc = accumulators.computeIfAbsent(m.name() + "," + set.name(), k -> new Accumulator(m));
          acc.add(task, m, sample, values);
        }
        if (sink != null) {
          SampleRecord record = SampleRecord.of(doc.getKey(), first.doc(), task.docToTarget(first.doc()),
              ix.stream().map(i -> instances.get(i).arguments()).toList(),
              ix.stream().map(raw::get).toList(),
              ix.stream().map(filtered::get).toList(), set.name(), values);
          taskHash.update(record.hashes().getBytes(StandardCharsets.UTF_8));
          sink.accept(task.name(), record);
        }
      }
    }

    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", task.name());
    entry.put("alias", task.alias());
    entry.put("sample_len", 0);
    int sampleLen = 0;
    for (Map.Entry<String, Accumulator> e : accumulators.entrySet()) {
      String metric = e.getValue().metric.name();
      String filter = e.getKey().substring(metric.length() + 1);
      Accumulator acc = e.getValue();
      entry.put(metric + "," + filter, acc.aggregate());
      entry.put(metric + "_stderr," + filter, acc.stderr(bootstrapIters));
      sampleLen = Math.max(sampleLen, acc.count);
    }
    entry.put("sample_len", sampleLen);
    return new ScoredTask(task.name(), entry, higherIsBetter, task.version(), task.numFewshot(),
        task.configForResults(), task.originalDocCount(), sampleLen,
        taskHash == null ? null : HexFormat.of().formatHex(taskHash.digest()));
  }

  // ------------------------------------------------------------------------------------------ responses

  private static List<List<Object>> checkedResponses(EvalTask task, List<Instance> instances,
      List<List<Object>> responses) {
    if (responses.size() != instances.size()) {
      throw new EvalException(ErrorCode.BACKEND_FAILURE, "task '" + task.name() + "': " + responses.size()
          + " response lists for " + instances.size() + " instances");
    }
    List<List<Object>> out = new ArrayList<>(instances.size());
    for (int i = 0; i < instances.size(); i++) {
      Instance inst = instances.get(i);
      List<Object> rs = responses.get(i);
      if (rs == null || rs.size() != inst.repeats()) {
        throw new EvalException(ErrorCode.BACKEND_FAILURE, "task '" + task.name() + "', doc " + inst.docId()
            + ", request " + inst.idx() + ": expected " + inst.repeats() + " responses (repeats), got "
            + (rs == null ? "none" : rs.size()));
      }
      List<Object> checked = new ArrayList<>(rs.size());
      for (Object r : rs) {
        checked.add(checkedResponse(task, inst, r));
      }
      out.add(checked);
    }
    return out;
  }

  private static Object checkedResponse(EvalTask task, Instance inst, Object r) {
    RequestType type = inst.type();
    if (type == RequestType.LOGLIKELIHOOD) {
      if (r instanceof LoglikelihoodResult ll) {
        requireFinite(task, inst, ll.logprob());
        return ll;
      }
    } else if (type == RequestType.LOGLIKELIHOOD_ROLLING) {
      if (r instanceof RollingResult rr) {
        requireFinite(task, inst, rr.logprob());
        return rr.logprob();
      }
      if (r instanceof Double d) {
        requireFinite(task, inst, d);
        return d;
      }
    } else if (r instanceof String) {
      return r;
    }
    throw new EvalException(ErrorCode.BACKEND_FAILURE, "task '" + task.name() + "', doc " + inst.docId()
        + ", request " + inst.idx() + ": a " + type + " request got a response of type "
        + (r == null ? "null" : r.getClass().getName()));
  }

  private static void requireFinite(EvalTask task, Instance inst, double logprob) {
    if (Double.isFinite(logprob)) {
      return;
    }
    String what = Double.isNaN(logprob) ? "NaN" : String.valueOf(logprob);
    String request;
    if (inst.request() instanceof LoglikelihoodRequest ll) {
      request = "context " + excerpt(ll.context()) + ", continuation " + excerpt(ll.continuation());
    } else if (inst.request() instanceof RollingRequest rr) {
      request = "text " + excerpt(rr.text());
    } else {
      request = String.valueOf(inst.arguments());
    }
    throw new EvalException(ErrorCode.BACKEND_FAILURE, "the model returned a non-finite log-likelihood (" + what
        + ") for task '" + task.name() + "', doc " + inst.docId() + ", request " + inst.idx() + " (" + request
        + "); task '" + task.name() + "' cannot be scored (tasks scored before it keep their results)");
  }

  private static String excerpt(String s) {
    String t = s.length() <= 80 ? s : "…" + s.substring(s.length() - 79);
    return org.lmeval.platform.python.PythonStr.repr(t);
  }

  // ------------------------------------------------------------------------------------------ filters

  private List<Object> applyFilterSet(EvalTask task, FilterSetSpec set, List<List<Object>> raw,
      List<Map<String, Object>> docs) {
    List<Object> values = new ArrayList<>(raw.size());
    for (List<Object> r : raw) {
      values.add(new ArrayList<>(r));
    }
    for (FilterSetSpec.Step step : set.steps()) {
      FilterFactory factory = registry.filters().get(step.function());
      Options kwargs = Options.of("filter kwarg", step.kwargs());
      Filter filter = factory.create(kwargs);
      if (!kwargs.unreadKeys().isEmpty()) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task.name() + "', filter set '" + set.name()
            + "': filter '" + step.function() + "' does not take the kwarg(s) " + kwargs.unreadKeys());
      }
      List<Object> out = filter.apply(values, docs);
      if (out == null || out.size() != values.size()) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task.name() + "', filter set '" + set.name()
            + "': filter '" + step.function() + "' returned " + (out == null ? "null" : out.size() + " values")
            + " for " + values.size() + " requests (a filter must keep one value per request, in order)");
      }
      values = out;
    }
    return values;
  }

  // ------------------------------------------------------------------------------------------ samples

  private static KernelSample sample(EvalTask task, Instance first, List<Integer> ix, List<Object> filtered,
      List<ResolvedMetric> metrics, String filterSet) {
    Map<String, Object> doc = first.doc();
    int docId = first.docId();
    Object response = filtered.get(ix.get(0));
    switch (task.outputType()) {
      case LOGLIKELIHOOD: {
        List<LoglikelihoodResult> lls = loglikelihoods(task, ix, filtered, docId, filterSet);
        return new KernelSample(doc, task.docToTarget(doc), choices(task, doc), response, lls,
            OptionalDouble.empty());
      }
      case MULTIPLE_CHOICE: {
        List<LoglikelihoodResult> lls = loglikelihoods(task, ix, filtered, docId, filterSet);
        List<String> choices = task.docToChoice(doc);
        return new KernelSample(doc, GoldResolver.multipleChoice(task, doc, choices, docId), choices, response,
            lls, OptionalDouble.empty());
      }
      case LOGLIKELIHOOD_ROLLING: {
        if (ix.size() != 1) {
          throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task.name() + "', doc " + docId
              + ": a loglikelihood_rolling document must have exactly one request, got " + ix.size());
        }
        if (!(response instanceof Number n) || response instanceof Boolean) {
          throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task.name() + "', doc " + docId
              + ": filter set '" + filterSet + "' left " + response + " where a log-likelihood was expected");
        }
        return new KernelSample(doc, task.docToTarget(doc), List.of(), response, List.of(),
            OptionalDouble.of(n.doubleValue()));
      }
      case GENERATE_UNTIL:
      default: {
        boolean bypass = metrics.stream().anyMatch(m -> m.kind() == Kind.BYPASS);
        List<String> choices = choices(task, doc);
        return new KernelSample(doc, GoldResolver.generation(task, doc, choices, response, bypass, docId), choices,
            response, List.of(), OptionalDouble.empty());
      }
    }
  }

  private static List<String> choices(EvalTask task, Map<String, Object> doc) {
    return task.hasChoices() ? task.docToChoice(doc) : List.of();
  }

  private static List<LoglikelihoodResult> loglikelihoods(EvalTask task, List<Integer> ix, List<Object> filtered,
      int docId, String filterSet) {
    List<LoglikelihoodResult> out = new ArrayList<>(ix.size());
    for (int i : ix) {
      Object v = filtered.get(i);
      if (v instanceof LoglikelihoodResult r) {
        out.add(r);
      } else if (v instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof Number ll
          && pair.get(1) instanceof Boolean greedy) {
        out.add(new LoglikelihoodResult(ll.doubleValue(), greedy));
      } else {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task.name() + "', doc " + docId
            + ": filter set '" + filterSet + "' left " + v + " where a (loglikelihood, is_greedy) pair was expected");
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------ metrics

  enum Kind { PER_SAMPLE, CORPUS, BYPASS }

  /** A metric of the task, created for this scoring run. */
  record ResolvedMetric(String name, Kind kind, Metric metric, Aggregation aggregation) {}

  private List<ResolvedMetric> resolveMetrics(EvalTask task, List<MetricSpec> specs,
      Map<String, Boolean> higherIsBetter) {
    Map<String, MetricSpec> byName = new LinkedHashMap<>();
    for (MetricSpec spec : specs) {
      byName.put(spec.metric(), spec);
    }
    Map<String, MetricFactory> factories = new LinkedHashMap<>();
    for (MetricSpec spec : byName.values()) {
      String name = spec.metric();
      if (name.equals(LmEvalMetrics.BYPASS)) {
        higherIsBetter.put(name, spec.higherIsBetter() == null ? true : spec.higherIsBetter());
        continue;
      }
      MetricFactory factory;
      if (task.processResults() != null) {
        // A process_results function: one registered metric per key it returns, <function>.<key>.
        factory = registry.metrics().get(task.processResults() + "." + name);
      } else {
        boolean produced = LmEvalMetrics.produced(task.outputType(), List.of(name)).contains(name);
        factory = produced ? registry.metrics().get(name) : registry.metrics().find(name).orElse(null);
      }
      if (factory != null) {
        factories.put(name, factory);
      }
      Boolean hib = spec.higherIsBetter() != null ? spec.higherIsBetter()
          : factory != null ? Boolean.valueOf(factory.higherIsBetter()) : Boolean.TRUE;
      higherIsBetter.put(name, hib);
    }
    List<ResolvedMetric> out = new ArrayList<>();
    List<String> producedNames = task.processResults() != null ? new ArrayList<>(byName.keySet())
        : LmEvalMetrics.produced(task.outputType(), new ArrayList<>(byName.keySet()));
    for (String name : producedNames) {
      MetricSpec spec = byName.get(name);
      if (name.equals(LmEvalMetrics.BYPASS)) {
        out.add(new ResolvedMetric(name, Kind.BYPASS, null, null));
        continue;
      }
      MetricFactory factory = factories.get(name);
      // lm-eval passes metric kwargs only to generate_until metrics; elsewhere it ignores them (warning).
      boolean takesKwargs = task.outputType() == OutputType.GENERATE_UNTIL;
      if (!takesKwargs && !spec.kwargs().isEmpty()) {
        LOG.log(System.Logger.Level.WARNING, "task '" + task.name() + "': metric '" + name + "' kwargs "
            + spec.kwargs().keySet() + " ignored, as lm-eval ignores metric kwargs for "
            + task.outputType().yamlName() + " tasks");
      }
      Options kwargs = Options.of("metric kwarg", takesKwargs ? spec.kwargs() : Map.of());
      Metric metric = factory.create(kwargs);
      if (!kwargs.unreadKeys().isEmpty()) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + task.name() + "': metric '" + name
            + "' does not take the kwarg(s) " + kwargs.unreadKeys());
      }
      if (metric instanceof Metric.Corpus) {
        out.add(new ResolvedMetric(name, Kind.CORPUS, metric, null));
      } else {
        String aggregationName = spec.aggregation() != null ? spec.aggregation() : factory.defaultAggregation();
        if (aggregationName == null) {
          LOG.log(System.Logger.Level.WARNING, "[" + task.name() + "] No aggregation function defined for metric "
              + name + ". Using mean.");
          aggregationName = "mean";
        }
        out.add(new ResolvedMetric(name, Kind.PER_SAMPLE, metric, registry.aggregations().get(aggregationName)));
      }
    }
    return out;
  }

  /** The values of one {@code (metric, filter)}, in document order. */
  private static final class Accumulator {
    final ResolvedMetric metric;
    final List<Score> scores = new ArrayList<>();
    final List<Sample> samples = new ArrayList<>();
    int count;

    Accumulator(ResolvedMetric metric) {
      this.metric = metric;
    }

    void add(EvalTask task, ResolvedMetric m, KernelSample sample, Map<String, Object> values) {
      switch (m.kind()) {
        case BYPASS -> values.put(m.name(), null);
        case CORPUS -> {
          Metric.Corpus corpus = (Metric.Corpus) m.metric();
          samples.add(sample);
          values.put(m.name(), corpus.sampleItem(sample));
        }
        case PER_SAMPLE -> {
          Metric.PerSample perSample = (Metric.PerSample) m.metric();
          if (task.outputType() == OutputType.GENERATE_UNTIL && task.multipleTarget()
              && sample.target() instanceof List<?> golds) {
            // lm-eval: 1.0 if the metric is truthy for any gold option, else 0.0
            boolean any = false;
            for (Object gold : golds) {
              double v = perSample.score(sample.withTarget(gold)).value();
              if (v != 0 || Double.isNaN(v)) {
                any = true;
                break;
              }
            }
            Score s = Score.of(any ? 1.0 : 0.0);
            scores.add(s);
            values.put(m.name(), s.value());
          } else {
            Score s = perSample.score(sample);
            scores.add(s);
            values.put(m.name(), perSample.sampleItem(sample, s));
          }
        }
        default -> throw new IllegalStateException(m.kind().toString());
      }
      count++;
    }

    Object aggregate() {
      return switch (metric.kind()) {
        case BYPASS -> 999;
        case CORPUS -> ((Metric.Corpus) metric.metric()).score(samples);
        case PER_SAMPLE -> metric.aggregation().aggregate(scores);
      };
    }

    Object stderr(int iters) {
      if (iters <= 0 || metric.kind() == Kind.BYPASS) {
        return "N/A";
      }
      int capped = LmEvalMetrics.BOOTSTRAP_CAPPED.contains(metric.name())
          ? Math.min(iters, LmEvalMetrics.CAPPED_ITERS) : iters;
      if (metric.kind() == Kind.CORPUS) {
        Metric.Corpus corpus = (Metric.Corpus) metric.metric();
        if (samples.size() < 2) {
          return "N/A";
        }
        OptionalDouble closedForm = corpus.stderr(samples);
        if (closedForm.isPresent()) {
          return closedForm.getAsDouble();
        }
        int n = Math.min(capped, corpus.maxBootstrapIters());
        if (n <= 0) {
          return "N/A";
        }
        Sample[] buffer = new Sample[samples.size()];
        List<Sample> view = Arrays.asList(buffer);
        return Bootstrap.stderr(samples.size(), n, idx -> {
          for (int k = 0; k < idx.length; k++) {
            buffer[k] = samples.get(idx[k]);
          }
          return corpus.score(view);
        });
      }
      Aggregation aggregation = metric.aggregation();
      if (scores.size() < 2) {
        return "N/A";
      }
      switch (aggregation.stderr()) {
        case MEAN: {
          double[] values = new double[scores.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = scores.get(i).value();
          }
          return PythonMath.meanStderr(values);
        }
        case BOOTSTRAP: {
          Score[] items = scores.toArray(new Score[0]);
          return Bootstrap.stderrParallel(items.length, capped, () -> {
            Score[] buffer = new Score[items.length];
            List<Score> view = Arrays.asList(buffer);
            return idx -> {
              for (int k = 0; k < idx.length; k++) {
                buffer[k] = items[idx[k]];
              }
              return aggregation.aggregate(view);
            };
          });
        }
        default:
          return "N/A";
      }
    }
  }
}
