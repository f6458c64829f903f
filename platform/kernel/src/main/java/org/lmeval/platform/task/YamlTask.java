package org.lmeval.platform.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.model.RollingRequest;
import org.lmeval.api.support.PythonRandom;
import org.lmeval.api.task.DocFunction;
import org.lmeval.api.task.DocTransform;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.eval.FilterSetSpec;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.eval.MetricSpec;
import org.lmeval.platform.eval.OutputType;
import org.lmeval.platform.template.JinjaRenderer;

/**
 * A task built from YAML (lm-eval's {@code ConfigurableTask}) with a run's overrides applied. Datasets load
 * lazily: the evaluation split when documents are first needed, the few-shot pool only when the run uses
 * few-shot examples.
 */
final class YamlTask implements EvalTask {
  /** lm-eval's DEFAULT_METRIC_REGISTRY. */
  private static final Map<OutputType, List<String>> DEFAULT_METRICS = Map.of(
      OutputType.LOGLIKELIHOOD, List.of("perplexity", "acc"),
      OutputType.MULTIPLE_CHOICE, List.of("acc", "acc_norm"),
      OutputType.LOGLIKELIHOOD_ROLLING, List.of("word_perplexity", "byte_perplexity", "bits_per_byte"),
      OutputType.GENERATE_UNTIL, List.of("exact_match"));

  private final TaskConfig cfg;
  private final ResolvedFunctions functions;
  private final DatasetAccess datasets;
  private final RunOptions run;
  private final DocFormatter formatter;
  private final OutputType outputType;
  private final int numFewshot;
  private final List<MetricSpec> metrics;
  private final List<FilterSetSpec> filterSets;

  private List<Map<String, Object>> evalDocs;
  private Set<String> features;
  private Boolean multipleInput;
  private boolean multipleTarget;
  private List<Instance> instances;

  /**
   * The {@code !function}s of a task, resolved.
   *
   * @param processDocs the task's {@code process_docs} transform, or null
   * @param fewshotProcessDocs the few-shot pool's {@code process_docs} (inherited unless overridden), or null
   * @param processResults the registered metric name a {@code process_results: !function} resolved to, or null
   * @param names the registered name of each resolved function value, for the results' {@code configs}
   * @param docFunctions the {@code doc_to_text}, {@code doc_to_target} and {@code doc_to_choice} functions
   *     (task and few-shot), by the value they resolved
   */
  record ResolvedFunctions(DocTransform processDocs, DocTransform fewshotProcessDocs, String processResults,
      Map<FunctionRef, String> names, Map<FunctionRef, DocFunction> docFunctions) {}

  YamlTask(TaskConfig cfg, ResolvedFunctions functions, DatasetAccess datasets, RunOptions run,
      JinjaRenderer renderer) {
    this.cfg = cfg;
    this.functions = functions;
    this.datasets = datasets;
    this.run = run;
    this.outputType = cfg.outputType();
    this.formatter = new DocFormatter(cfg, renderer, this::features, promptFor(cfg), functions.docFunctions());
    for (String key : List.of("doc_to_image", "doc_to_audio")) {
      if (cfg.get(key) != null) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': " + key + " (" + cfg.where(key)
            + ") makes it a multimodal task, which is not supported");
      }
    }
    if (PyText.truthy(cfg.get("unsafe_code")) && !run.confirmUnsafeCode()) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "task '" + cfg.task() + "' is marked unsafe_code (it runs "
          + "model-written code); pass --confirm_run_unsafe_code to run it");
    }
    // simple_evaluate's overrides, in its order: gen_kwargs, predict_only, num_fewshot
    if (outputType == OutputType.GENERATE_UNTIL && !run.genKwargs().isEmpty()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> g = (Map<String, Object>) cfg.get("generation_kwargs");
      g.putAll(Values.deepCopyMap(run.genKwargs()));
    }
    if (run.predictOnly()) {
      Map<String, Object> bypass = new LinkedHashMap<>();
      bypass.put("metric", "bypass");
      cfg.set("metric_list", new ArrayList<>(List.of(bypass)));
      cfg.set("process_results", "process_results");
      this.metrics = List.of(new MetricSpec("bypass", null, null, Map.of()));
    } else {
      this.metrics = buildMetrics();
    }
    Integer yamlShots = (Integer) cfg.get("num_fewshot");
    if (run.numFewshot() != null) {
      if (yamlShots == null || yamlShots != 0) {
        cfg.set("num_fewshot", run.numFewshot());
      }
    } else if (yamlShots == null) {
      cfg.set("num_fewshot", 0);
    }
    this.numFewshot = (Integer) cfg.get("num_fewshot");
    if (numFewshot < 0) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "task '" + name() + "': num_fewshot must be >= 0, got "
          + numFewshot);
    }
    this.filterSets = buildFilterSets();
    Object kwargs = cfg.get("dataset_kwargs");
    if (kwargs instanceof Map<?, ?> m && m.containsKey("trust_remote_code")) {
      Map<Object, Object> copy = new LinkedHashMap<>(m);
      copy.remove("trust_remote_code");
      cfg.set("dataset_kwargs", copy);
    }
  }

  private static String promptFor(TaskConfig cfg) {
    Object usePrompt = cfg.get("use_prompt");
    if (usePrompt == null) {
      return null;
    }
    String id = PyText.str(usePrompt);
    String prompt = switch (id) {
      case "qa-basic:question-newline-answer" -> "Question: {{question}}\nAnswer:";
      case "qa-basic:q-newline-a" -> "Q: {{question}}\nA:";
      default -> null;
    };
    if (prompt == null) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': use_prompt '" + id + "' ("
          + cfg.where("use_prompt") + ") is not supported; the built-in prompts are "
          + "qa-basic:question-newline-answer and qa-basic:q-newline-a (promptsource and YAML prompt files are not)");
    }
    return prompt;
  }

  private List<MetricSpec> buildMetrics() {
    Object list = cfg.get("metric_list");
    List<MetricSpec> out = new ArrayList<>();
    if (list == null) {
      for (String m : DEFAULT_METRICS.get(outputType)) {
        out.add(new MetricSpec(m, null, null, Map.of()));
      }
      return List.copyOf(out);
    }
    if (!(list instanceof List<?> entries)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "': metric_list (" + cfg.where(
          "metric_list") + ") must be a list of mappings");
    }
    for (Object o : entries) {
      if (!(o instanceof Map<?, ?> m) || !m.containsKey("metric")) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "': every metric_list entry ("
            + cfg.where("metric_list") + ") needs a 'metric' key, got " + PyText.repr(o));
      }
      String metric = PyText.str(m.get("metric"));
      Map<String, Object> kwargs = new LinkedHashMap<>();
      if (cfg.get("process_results") == null) {
        m.forEach((k, v) -> {
          String key = String.valueOf(k);
          if (!List.of("metric", "aggregation", "higher_is_better", "hf_evaluate").contains(key)) {
            kwargs.put(key, v);
          }
        });
      }
      String aggregation = m.containsKey("aggregation") ? PyText.str(m.get("aggregation")) : null;
      Boolean higher = m.containsKey("higher_is_better") && m.get("higher_is_better") instanceof Boolean b ? b : null;
      out.add(new MetricSpec(metric, aggregation, higher, kwargs));
    }
    return List.copyOf(out);
  }

  private List<FilterSetSpec> buildFilterSets() {
    Object list = cfg.get("filter_list");
    if (list == null) {
      return List.of(FilterSetSpec.none());
    }
    if (!(list instanceof List<?> entries)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "': filter_list (" + cfg.where(
          "filter_list") + ") must be a list of {name, filter} mappings");
    }
    List<FilterSetSpec> out = new ArrayList<>();
    for (Object o : entries) {
      if (!(o instanceof Map<?, ?> m) || !m.containsKey("name") || !(m.get("filter") instanceof List<?> steps)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "': every filter_list entry ("
            + cfg.where("filter_list") + ") needs 'name' and a 'filter' list, got " + PyText.repr(o));
      }
      List<FilterSetSpec.Step> parsed = new ArrayList<>();
      for (Object s : steps) {
        if (!(s instanceof Map<?, ?> step) || !step.containsKey("function")) {
          throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "': every filter step in '"
              + m.get("name") + "' (" + cfg.where("filter_list") + ") needs a 'function' key, got " + PyText.repr(s));
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        step.forEach((k, v) -> {
          if (!"function".equals(k)) {
            kwargs.put(String.valueOf(k), v);
          }
        });
        Object function = step.get("function");
        // a !function step was resolved (TaskFactory) to the registered filter's dotted name
        String registered = function instanceof FunctionRef f ? functions.names().get(f) : PyText.str(function);
        parsed.add(new FilterSetSpec.Step(registered, kwargs));
      }
      out.add(new FilterSetSpec(PyText.str(m.get("name")), parsed));
    }
    return List.copyOf(out);
  }

  // ------------------------------------------------------------------------------------ EvalTask

  @Override
  public String name() {
    return cfg.task();
  }

  @Override
  public String alias() {
    Object alias = cfg.get("task_alias");
    return alias == null ? name() : PyText.str(alias);
  }

  @Override
  public OutputType outputType() {
    return outputType;
  }

  @Override
  public Object version() {
    return cfg.get("metadata") instanceof Map<?, ?> m && m.containsKey("version") ? m.get("version") : "Yaml";
  }

  @Override
  public int numFewshot() {
    return numFewshot;
  }

  @Override
  public List<MetricSpec> metrics() {
    return metrics;
  }

  @Override
  public List<FilterSetSpec> filterSets() {
    return filterSets;
  }

  @Override
  public int repeats() {
    return (Integer) cfg.get("repeats");
  }

  @Override
  public String processResults() {
    return run.predictOnly() ? null : functions.processResults();
  }

  @Override
  public int originalDocCount() {
    return evalDocs().size();
  }

  @Override
  public synchronized List<Instance> instances() {
    if (instances == null) {
      instances = Collections.unmodifiableList(buildInstances());
    }
    return instances;
  }

  @Override
  public Object docToTarget(Map<String, Object> doc) {
    return formatter.target(doc, null, "a document");
  }

  @Override
  public Object docToText(Map<String, Object> doc) {
    return formatter.text(doc, null, "a document");
  }

  @Override
  public List<String> docToChoice(Map<String, Object> doc) {
    if (!formatter.hasChoices()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object c : formatter.choices(doc, null, "a document")) {
      out.add(PyText.str(c));
    }
    return out;
  }

  @Override
  public boolean hasChoices() {
    return formatter.hasChoices();
  }

  @Override
  public boolean multipleInput() {
    probeFirstDoc();
    return multipleInput;
  }

  @Override
  public boolean multipleTarget() {
    probeFirstDoc();
    return multipleTarget;
  }

  @Override
  public Map<String, Object> configForResults() {
    Map<String, Object> out = new LinkedHashMap<>();
    cfg.values().forEach((k, v) -> {
      if (k.equals("fewshot_config")) {
        Map<String, Object> fewshot = new LinkedHashMap<>();
        cfg.fewshot().values().forEach((fk, fv) -> fewshot.put(fk, forResults(fv)));
        out.put(k, fewshot);
      } else if (v != null && !k.equals("tag")) {
        out.put(k, forResults(v));
      }
    });
    return out;
  }

  private Object forResults(Object v) {
    if (v instanceof FunctionRef f) {
      return functions.names().getOrDefault(f, f.spec());
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, x) -> copy.put(String.valueOf(k), forResults(x)));
      return copy;
    }
    if (v instanceof List<?> l) {
      List<Object> copy = new ArrayList<>();
      l.forEach(x -> copy.add(forResults(x)));
      return copy;
    }
    return v;
  }

  // ------------------------------------------------------------------------------------ documents

  /** The evaluation documents: the test split if configured, else validation, after process_docs. */
  synchronized List<Map<String, Object>> evalDocs() {
    if (evalDocs == null) {
      String split = cfg.string("test_split") != null ? cfg.string("test_split") : cfg.string("validation_split");
      if (split == null) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "' (" + cfg.file() + ") has neither "
            + "test_split nor validation_split, so there is nothing to evaluate");
      }
      evalDocs = processed(split, functions.processDocs());
      if (evalDocs.isEmpty()) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "': split '" + split + "' of "
            + cfg.string("dataset_path") + " has no documents");
      }
    }
    return evalDocs;
  }

  private List<Map<String, Object>> processed(String split, DocTransform transform) {
    String path = cfg.string("dataset_path");
    if (path == null) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "' (" + cfg.file() + ") has no "
          + "dataset_path");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> kwargs = cfg.get("dataset_kwargs") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    List<Map<String, Object>> docs = datasets.split(path, cfg.string("dataset_name"), split, kwargs, name());
    if (transform == null) {
      return docs;
    }
    try {
      return Collections.unmodifiableList(new ArrayList<>(transform.apply(docs)));
    } catch (EvalException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "': process_docs '" + transform.name()
          + "' failed on split '" + split + "': " + e, e);
    }
  }

  private synchronized Set<String> features() {
    if (features == null) {
      Set<String> keys = new LinkedHashSet<>();
      for (Map<String, Object> d : evalDocs()) {
        keys.addAll(d.keySet());
      }
      features = keys;
    }
    return features;
  }

  /** lm-eval renders document 0 at construction to detect multiple-input and multiple-target tasks. */
  private synchronized void probeFirstDoc() {
    if (multipleInput != null) {
      return;
    }
    Map<String, Object> doc = evalDocs().get(0);
    Object text = formatter.text(doc, null, "document 0");
    Object target = formatter.target(doc, null, "document 0");
    boolean mi = false;
    if (formatter.hasChoices()) {
      List<Object> choices = formatter.choices(doc, null, "document 0");
      mi = (text instanceof Integer || text instanceof Boolean) && !choices.isEmpty();
    }
    multipleTarget = target instanceof List<?>;
    multipleInput = mi;
  }

  /** The few-shot pool (lm-eval's {@code fewshot_docs}). */
  private List<Map<String, Object>> fewshotDocs() {
    FewshotConfig fs = cfg.fewshot();
    if (fs.split() != null) {
      return processed(fs.split(), functions.fewshotProcessDocs());
    }
    Object samples = fs.get("samples");
    if (samples != null) {
      if (!(samples instanceof List<?> list)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "': fewshot_config.samples ("
            + cfg.where("fewshot_config") + ") must be a list of documents");
      }
      List<Map<String, Object>> docs = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> m)) {
          throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "': fewshot_config.samples ("
              + cfg.where("fewshot_config") + ") must hold mappings, got " + PyText.repr(o));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        m.forEach((k, v) -> d.put(String.valueOf(k), v));
        docs.add(d);
      }
      return docs;
    }
    for (String key : List.of("training_split", "validation_split", "test_split")) {
      if (cfg.string(key) != null) {
        return processed(cfg.string(key), functions.processDocs());
      }
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "' has no split to draw few-shot examples "
        + "from");
  }

  // ------------------------------------------------------------------------------------ requests

  private List<Instance> buildInstances() {
    List<Map<String, Object>> docs = evalDocs();
    probeFirstDoc();
    List<Integer> selected = new ArrayList<>();
    List<Integer> loggedIds = new ArrayList<>();
    List<Integer> samples = run.samples() == null ? null : run.samples().get(name());
    if (samples != null && !samples.isEmpty()) {
      Set<Integer> wanted = new LinkedHashSet<>(samples);
      for (Integer i : samples) {
        if (i == null || i < 0 || i >= docs.size()) {
          throw new EvalException(ErrorCode.INVALID_ARGUMENT, "--samples for task '" + name() + "': index " + i
              + " is outside [0, " + (docs.size() - 1) + "]");
        }
      }
      int k = 0;
      for (int i = 0; i < docs.size(); i++) {
        if (wanted.contains(i)) {
          selected.add(i);
          loggedIds.add(samples.get(k));
          k++;
        }
      }
    } else {
      int limit = limitFor(docs.size());
      for (int i = 0; i < limit; i++) {
        selected.add(i);
        loggedIds.add(i);
      }
    }
    PromptBuilder prompts = new PromptBuilder(cfg, formatter, numFewshot > 0 ? sampler() : null, numFewshot,
        run.systemInstruction(), multipleInput, run.chatTemplate(), run.fewshotAsMultiturn());
    List<Instance> out = new ArrayList<>();
    for (int k = 0; k < selected.size(); k++) {
      int index = selected.get(k);
      Map<String, Object> doc = docs.get(index);
      String label = "document " + index;
      Object ctx = prompts.context(doc, label);
      out.addAll(requests(doc, loggedIds.get(k), ctx, label));
    }
    if (out.isEmpty()) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "' built no requests (no documents)");
    }
    return out;
  }

  /** lm-eval's {@code get_sample_size} and {@code doc_iterator} limit. */
  private int limitFor(int n) {
    Double limit = run.limit();
    if (limit == null) {
      return n;
    }
    long l = limit < 1.0 ? (long) Math.ceil(n * limit) : (long) Math.floor(limit);
    if (l <= 0) {
      return n;
    }
    return (int) Math.min(l, n);
  }

  private FewshotSampler sampler() {
    List<Map<String, Object>> pool = fewshotDocs();
    PythonRandom rnd = run.fewshotSeed() == null ? new PythonRandom(new java.security.SecureRandom().nextLong())
        : new PythonRandom(run.fewshotSeed());
    return FewshotSampler.create(cfg.fewshot().sampler(), pool, rnd, name(), cfg.where("fewshot_config"));
  }

  private List<Instance> requests(Map<String, Object> doc, int docId, Object ctx, String label) {
    int repeats = repeats();
    List<Instance> out = new ArrayList<>();
    switch (outputType) {
      case LOGLIKELIHOOD -> {
        String target = stringTarget(doc, label);
        out.add(new Instance(name(), docId, doc, 0, RequestType.LOGLIKELIHOOD,
            new LoglikelihoodRequest(context(ctx, label), target), List.of(context(ctx, label), target), repeats));
      }
      case LOGLIKELIHOOD_ROLLING -> {
        String target = stringTarget(doc, label);
        out.add(new Instance(name(), docId, doc, 0, RequestType.LOGLIKELIHOOD_ROLLING, new RollingRequest(target),
            List.of(target), repeats));
      }
      case MULTIPLE_CHOICE -> {
        String td = cfg.string("target_delimiter");
        if (run.chatTemplate() != null) {
          // with a chat template, only a gen_prefix that does not end in whitespace keeps the delimiter
          Object genPrefix = cfg.get("gen_prefix");
          td = PyText.truthy(genPrefix) && !PyText.endsWithSpace(PyText.str(genPrefix)) ? td : "";
        }
        List<Object> choices = formatter.choices(doc, null, label);
        List<String[]> args = new ArrayList<>();
        if (multipleInput) {
          String cont = td + PyText.str(formatter.target(doc, null, label));
          @SuppressWarnings("unchecked")
          List<String> contexts = (List<String>) ctx;
          for (String c : contexts) {
            args.add(new String[] {c, cont});
          }
        } else {
          String c = context(ctx, label);
          for (Object choice : choices) {
            args.add(new String[] {c, td + PyText.str(choice)});
          }
        }
        if (metrics.stream().anyMatch(m -> m.metric().equals("acc_mutual_info"))) {
          for (Object choice : choices) {
            args.add(new String[] {"", td + PyText.str(choice)});
          }
        }
        for (int i = 0; i < args.size(); i++) {
          String[] a = args.get(i);
          out.add(new Instance(name(), docId, doc, i, RequestType.LOGLIKELIHOOD, new LoglikelihoodRequest(a[0], a[1]),
              List.of(a[0], a[1]), repeats));
        }
      }
      case GENERATE_UNTIL -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> kwargs = Values.deepCopyMap((Map<String, Object>) cfg.get("generation_kwargs"));
        String c = context(ctx, label);
        out.add(new Instance(name(), docId, doc, 0, RequestType.GENERATE_UNTIL,
            new GenerationRequest(c, generationParams(kwargs)), List.of(c, kwargs), repeats));
      }
      default -> throw new IllegalStateException(outputType.toString());
    }
    return out;
  }

  private String context(Object ctx, String label) {
    if (ctx instanceof String s) {
      return s;
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "': " + label + " has one context per "
        + "choice (doc_to_text gave an int), which only multiple_choice tasks support");
  }

  private String stringTarget(Map<String, Object> doc, String label) {
    Object t = formatter.target(doc, null, label);
    if (t instanceof String s) {
      return s;
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "task '" + name() + "': doc_to_target (" + cfg.where(
        "doc_to_target") + ") gave " + PyText.repr(t) + " for " + label + "; a " + outputType.yamlName()
        + " task needs a string");
  }

  /** Parses lm-eval's generation kwargs into the model-facing parameters. */
  static GenerationParams generationParams(Map<String, Object> kwargs) {
    Map<String, Object> extra = new LinkedHashMap<>(kwargs);
    Object untilRaw = extra.remove("until");
    List<String> until = new ArrayList<>();
    if (untilRaw instanceof String s) {
      until.add(s);
    } else if (untilRaw instanceof List<?> l) {
      for (Object o : l) {
        until.add(PyText.str(o));
      }
    } else if (untilRaw != null) {
      throw new EvalException(ErrorCode.INVALID_TASK, "generation_kwargs.until must be a string or a list of "
          + "strings, got " + PyText.repr(untilRaw));
    }
    OptionalInt maxGen = OptionalInt.empty();
    for (String key : List.of("max_gen_toks", "max_new_tokens", "max_tokens", "max_completion_tokens")) {
      if (extra.containsKey(key) && extra.get(key) != null) {
        Object v = extra.remove(key);
        if (!(v instanceof Number n)) {
          throw new EvalException(ErrorCode.INVALID_TASK, "generation_kwargs." + key + " must be an integer, got "
              + PyText.repr(v));
        }
        maxGen = OptionalInt.of(n.intValue());
        break;
      }
    }
    Object sample = extra.remove("do_sample");
    boolean doSample = sample instanceof Boolean b ? b : PyText.truthy(sample);
    Object temp = extra.remove("temperature");
    OptionalDouble temperature = temp instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    return new GenerationParams(until, maxGen, doSample, temperature, extra);
  }

  @Override
  public String toString() {
    return "YamlTask[" + name() + ", " + outputType.yamlName() + ", num_fewshot=" + numFewshot + "]";
  }
}
