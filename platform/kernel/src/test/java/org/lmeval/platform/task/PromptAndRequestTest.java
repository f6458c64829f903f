package org.lmeval.platform.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.model.GenerationParams;
import org.lmeval.api.model.GenerationRequest;
import org.lmeval.api.model.LoglikelihoodRequest;
import org.lmeval.api.model.RequestType;
import org.lmeval.api.support.PythonRandom;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.eval.OutputType;

/** Contexts, few-shot draws, delimiters and requests of every output type, against lm-eval 0.4.13's rules. */
class PromptAndRequestTest {
  private static final List<String> LETTERS = List.of("A", "B", "C", "D");
  private static final String MC = "dataset_path: d\noutput_type: multiple_choice\ndoc_to_text: \"Q: {{question}}\\nA:\"\n"
      + "doc_to_target: answer\ndoc_to_choice: [A, B, C, D]\n";

  @TempDir
  Path dir;
  TaskTestSupport t;
  List<Map<String, Object>> test;
  List<Map<String, Object>> train;

  @BeforeEach
  void data() {
    test = TaskTestSupport.qa(6, "q");
    train = TaskTestSupport.qa(7, "t");
    t = new TaskTestSupport(dir).split("d/default/test", test).split("d/default/train", train)
        .split("d/default/validation", test);
  }

  private EvalTask task(String name, EvalSettings.Builder settings) {
    List<EvalTask> tasks = t.manager().select(List.of(name), settings.build()).tasks();
    assertEquals(1, tasks.size());
    return tasks.get(0);
  }

  private static String shot(Map<String, Object> d) {
    return "Q: " + d.get("question") + "\nA: " + LETTERS.get((Integer) d.get("answer")) + "\n\n";
  }

  private static Map<Integer, List<Instance>> byDoc(EvalTask task) {
    Map<Integer, List<Instance>> m = new LinkedHashMap<>();
    task.instances().forEach(i -> m.computeIfAbsent(i.docId(), k -> new ArrayList<>()).add(i));
    return m;
  }

  @Test
  void fewshotDrawsAdvanceOneRngAcrossDocumentsWithoutExclusionWhenSplitsDiffer() {
    t.file("mc.yaml", MC + "task: mc\ntraining_split: train\ntest_split: test\ndescription: \"Desc:\\n\\n\"\n");
    EvalTask task = task("mc", TaskTestSupport.settings().numFewshot(2));
    PythonRandom rnd = new PythonRandom(1234);
    Map<Integer, List<Instance>> docs = byDoc(task);
    assertEquals(6, docs.size());
    for (int i = 0; i < 6; i++) {
      StringBuilder ctx = new StringBuilder("Desc:\n\n");
      rnd.sample(train, 2).forEach(d -> ctx.append(shot(d)));
      ctx.append("Q: q").append(i).append("\nA:");
      List<Instance> reqs = docs.get(i);
      assertEquals(4, reqs.size());
      for (int c = 0; c < 4; c++) {
        Instance inst = reqs.get(c);
        assertEquals(c, inst.idx());
        assertEquals(RequestType.LOGLIKELIHOOD, inst.type());
        assertEquals(List.of(ctx.toString(), " " + LETTERS.get(c)), inst.arguments());
        assertEquals(new LoglikelihoodRequest(ctx.toString(), " " + LETTERS.get(c)), inst.request());
        assertEquals(test.get(i), inst.doc());
      }
    }
  }

  @Test
  void bothSplitsNullDrawsNPlusOneAndDropsTheEvaluatedDocument() {
    t.split("d/default/train", test);
    t.file("nulls.yaml", MC + "task: nulls\ntraining_split: train\nvalidation_split: validation\ntest_split: null\n");
    EvalTask task = task("nulls", TaskTestSupport.settings().numFewshot(3).fewshotSeed(7));
    PythonRandom rnd = new PythonRandom(7);
    Map<Integer, List<Instance>> docs = byDoc(task);
    for (int i = 0; i < 6; i++) {
      Map<String, Object> doc = test.get(i);
      List<Map<String, Object>> drawn = new ArrayList<>(rnd.sample(test, 4));
      drawn.removeIf(doc::equals);
      StringBuilder ctx = new StringBuilder();
      drawn.subList(0, 3).forEach(d -> ctx.append(shot(d)));
      assertEquals(ctx + "Q: q" + i + "\nA:", docs.get(i).get(0).arguments().get(0), "doc " + i);
    }
  }

  @Test
  void firstNExcludesTheEvaluatedDocumentWhenTheFewshotSplitIsTheTestSplit() {
    t.file("fn.yaml", MC + "task: fn\ntest_split: test\nfewshot_split: train\n"
        + "fewshot_config: {sampler: first_n, split: test}\n");
    EvalTask task = task("fn", TaskTestSupport.settings().numFewshot(2).limit(2.0));
    Map<Integer, List<Instance>> docs = byDoc(task);
    assertEquals(shot(test.get(1)) + shot(test.get(2)) + "Q: q0\nA:", docs.get(0).get(0).arguments().get(0),
        "fewshot_config.split wins over fewshot_split (0.4.13) and the evaluated doc is skipped");
    assertEquals(shot(test.get(0)) + shot(test.get(2)) + "Q: q1\nA:", docs.get(1).get(0).arguments().get(0));
  }

  @Test
  void fewshotSamplesFromTheConfigAreUsedWhenNoSplitIsSet() {
    t.file("s.yaml", MC + "task: s\ntest_split: test\nnum_fewshot: 1\n"
        + "fewshot_config: {sampler: first_n, samples: [{question: s0, answer: 3}, {question: s1, answer: 0}]}\n");
    EvalTask task = task("s", TaskTestSupport.settings());
    assertEquals(1, task.numFewshot(), "the YAML's num_fewshot applies without --num_fewshot");
    assertEquals("Q: s0\nA: D\n\nQ: q0\nA:", task.instances().get(0).arguments().get(0));
    assertEquals(List.of("d/default/test"), t.loaded, "no split is loaded for the few-shot pool");
  }

  @Test
  void zeroShotRunsNeverLoadTheFewshotSplitAndYamlZeroIsNeverOverridden() {
    t.file("z.yaml", MC + "task: z\ntraining_split: train\ntest_split: test\nnum_fewshot: 0\n");
    EvalTask task = task("z", TaskTestSupport.settings().numFewshot(5));
    assertEquals(0, task.numFewshot());
    assertEquals("Q: q0\nA:", task.instances().get(0).arguments().get(0));
    assertEquals(List.of("d/default/test"), t.loaded);
  }

  @Test
  void genPrefixSystemInstructionAndDescription() {
    t.file("gp.yaml", MC + "task: gp\ntraining_split: train\ntest_split: test\ndoc_to_text: 'Q: {{question}}'\n"
        + "gen_prefix: 'Answer:'\ndescription: question\nfewshot_config: {sampler: first_n}\n");
    EvalTask task = task("gp", TaskTestSupport.settings().numFewshot(1).systemInstruction("SYS").limit(1.0));
    assertEquals("SYS\n\nq0Q: t0 Answer: A\n\nQ: q0 Answer:", task.instances().get(0).arguments().get(0),
        "system + description (a field name) joined by the few-shot delimiter; gen_prefix after a space");
  }

  @Test
  void multipleInputTasksScoreOneContinuationUnderEachContext() {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("options", List.of("A" + i + " one", "A" + i + " two"));
      d.put("gold", i % 2);
      d.put("rest", "end" + i);
      docs.add(d);
    }
    t.split("w/default/validation", docs).split("w/default/train", docs);
    t.file("w.yaml", "task: w\ndataset_path: w\noutput_type: multiple_choice\ntraining_split: train\n"
        + "validation_split: validation\ndoc_to_text: '{{gold}}'\ndoc_to_target: '{{rest}}'\ndoc_to_choice: options\n"
        + "fewshot_config: {sampler: first_n}\nmetric_list: [{metric: acc}]\n");
    EvalTask task = task("w", TaskTestSupport.settings().numFewshot(1).limit(1.0));
    assertTrue(task.multipleInput());
    assertEquals(0, task.docToText(docs.get(0)));
    List<Instance> reqs = task.instances();
    assertEquals(List.of("A1 two end1\n\nA0 one", " end0"), reqs.get(0).arguments(),
        "doc 0 is excluded (both splits unset); doc 1's example is its gold context + target");
    assertEquals(List.of("A1 two end1\n\nA0 two", " end0"), reqs.get(1).arguments());
  }

  @Test
  void accMutualInfoAddsUnconditionalRequests() {
    t.file("mi.yaml", MC + "task: mi\ntest_split: test\ntarget_delimiter: ' '\n"
        + "metric_list: [{metric: acc}, {metric: acc_mutual_info}]\n");
    List<Instance> reqs = task("mi", TaskTestSupport.settings().limit(1.0)).instances();
    assertEquals(8, reqs.size());
    assertEquals(List.of("", " A"), reqs.get(4).arguments());
    assertEquals(7, reqs.get(7).idx());
  }

  @Test
  void loglikelihoodRollingAndGenerationRequests() {
    t.file("ll.yaml", "task: ll\ndataset_path: d\ntest_split: test\noutput_type: loglikelihood\n"
        + "doc_to_text: '{{question}}'\ndoc_to_target: ' end'\nrepeats: 2\n")
        .file("roll.yaml", "task: roll\ndataset_path: d\ntest_split: test\noutput_type: loglikelihood_rolling\n"
            + "doc_to_text: ''\ndoc_to_target: question\n")
        .file("gen.yaml", "task: gen\ndataset_path: d\ntest_split: test\ndoc_to_text: '{{question}}'\n"
            + "doc_to_target: answer\nfewshot_delimiter: \"\\n###\\n\"\n")
        .file("gen2.yaml", "task: gen2\ndataset_path: d\ntest_split: test\noutput_type: generate_until\n"
            + "doc_to_text: '{{question}}'\ndoc_to_target: answer\n"
            + "generation_kwargs: {until: stop, temperature: 1, top_p: 0.5}\n");
    Instance ll = task("ll", TaskTestSupport.settings().limit(1.0)).instances().get(0);
    assertEquals(List.of("q0", " end"), ll.arguments(), "no target delimiter for loglikelihood");
    assertEquals(2, ll.repeats());
    Instance roll = task("roll", TaskTestSupport.settings().limit(1.0)).instances().get(0);
    assertEquals(RequestType.LOGLIKELIHOOD_ROLLING, roll.type());
    assertEquals(List.of("q0"), roll.arguments());

    EvalTask gen = task("gen", TaskTestSupport.settings().limit(1.0));
    assertEquals(OutputType.GENERATE_UNTIL, gen.outputType(), "output_type defaults to generate_until");
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("temperature", 0.0);
    kwargs.put("do_sample", false);
    kwargs.put("max_gen_toks", 256);
    kwargs.put("until", List.of("\n###\n"));
    assertEquals(List.of("q0", kwargs), gen.instances().get(0).arguments());
    assertEquals(new GenerationRequest("q0", new GenerationParams(List.of("\n###\n"), OptionalInt.of(256), false,
        OptionalDouble.of(0.0), Map.of())), gen.instances().get(0).request());

    EvalTask gen2 = task("gen2", TaskTestSupport.settings().limit(1.0)
        .genKwargs(Map.of("max_gen_toks", 10)));
    Map<String, Object> k2 = new LinkedHashMap<>();
    k2.put("until", "stop");
    k2.put("temperature", 1.0);
    k2.put("top_p", 0.5);
    k2.put("max_gen_toks", 10);
    assertEquals(k2, gen2.instances().get(0).arguments().get(1),
        "temperature becomes a float; --gen_kwargs is merged in; until stays as written");
    assertEquals(new GenerationParams(List.of("stop"), OptionalInt.of(10), false, OptionalDouble.of(1.0),
        Map.of("top_p", 0.5)), ((GenerationRequest) gen2.instances().get(0).request()).params());
  }

  @Test
  void limitsAndSamplesFollowLmEvalsArithmetic() {
    t.file("mc.yaml", MC + "task: mc\ntest_split: test\n");
    assertEquals(List.of(0, 1), List.copyOf(byDoc(task("mc", TaskTestSupport.settings().limit(2.0))).keySet()));
    assertEquals(List.of(0, 1, 2), List.copyOf(byDoc(task("mc", TaskTestSupport.settings().limit(0.5))).keySet()),
        "a fraction is ceil(n * limit)");
    assertEquals(List.of(0), List.copyOf(byDoc(task("mc", TaskTestSupport.settings().limit(1.0))).keySet()),
        "--limit 1.0 is one document");
    EvalTask sampled = task("mc", TaskTestSupport.settings().samples(Map.of("mc", List.of(4, 1))));
    Map<Integer, List<Instance>> docs = byDoc(sampled);
    assertEquals(List.of(4, 1), List.copyOf(docs.keySet()), "docs run in dataset order, logged as the given list");
    assertEquals(test.get(1), docs.get(4).get(0).doc(), "lm-eval's --samples doc_id quirk");
    assertEquals(6, sampled.originalDocCount());
  }

  @Test
  void templateErrorsNameTaskFileKeyAndDocument() {
    t.file("bad.yaml", MC + "task: bad\ntest_split: test\ndoc_to_text: '{{ nope }}'\n");
    EvalException e = assertThrows(EvalException.class, () -> task("bad", TaskTestSupport.settings()).instances());
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    assertTrue(e.getMessage().contains("task 'bad': cannot render doc_to_text (" + dir.resolve("bad.yaml") + ":"),
        e.getMessage());
    assertTrue(e.getMessage().contains("document 0"), e.getMessage());
  }

  @Test
  void functionsResolveToRegisteredComponentsByDottedName() {
    t.transform("fam.utils.add_field", d -> {
      Map<String, Object> m = new LinkedHashMap<>(d);
      m.put("extra", "x" + d.get("question"));
      return m;
    });
    t.file("fam/f.yaml", MC + "task: f\ntest_split: test\ndoc_to_text: '{{extra}}'\n"
        + "process_docs: !function utils.add_field\n")
        .file("fam/g.yaml", MC + "task: g\ntest_split: test\nprocess_docs: !function utils.missing\n")
        .file("fam/h.yaml", MC + "task: h\ntest_split: test\ndescription: !function utils.describe\n");
    assertEquals("xq0", task("f", TaskTestSupport.settings().limit(1.0)).instances().get(0).arguments().get(0));
    EvalException missing = assertThrows(EvalException.class, () -> task("g", TaskTestSupport.settings()));
    assertTrue(missing.getMessage().contains("needs a doc transform registered as '" + String.join(".",
        new DirectoryTaskSource(dir).rootSegments()) + ".fam.utils.missing'"), missing.getMessage());
    assertTrue(missing.getMessage().contains("fam.utils.missing, utils.missing"), missing.getMessage());
    assertTrue(missing.getMessage().contains("fam.utils.add_field"), missing.getMessage());
    EvalException other = assertThrows(EvalException.class, () -> task("h", TaskTestSupport.settings()));
    assertTrue(other.getMessage().contains("description: !function utils.describe at " + dir.resolve("fam/h.yaml")
        + ":8 is not supported"), other.getMessage());
  }

  @Test
  void docToFunctionsAreCalledOnEachDocAndTheirValuesUsedAsIs() {
    t.function("fam.utils.text", d -> "F: " + d.get("question"))
        .function("fam.utils.choices", d -> List.of("yes", "no"))
        .function("fam.utils.target", d -> (Integer) d.get("answer") % 2)
        .function("utils.shot_text", d -> "S: " + d.get("question"));
    t.file("fam/fn.yaml", "dataset_path: d\noutput_type: multiple_choice\ntask: fn\ntest_split: test\n"
        + "training_split: train\ndoc_to_text: !function utils.text\ndoc_to_choice: !function utils.choices\n"
        + "doc_to_target: !function utils.target\nfewshot_config: {doc_to_text: !function utils.shot_text}\n");
    EvalTask task = task("fn", TaskTestSupport.settings().limit(1.0).numFewshot(1));
    List<Instance> instances = task.instances();
    assertEquals(2, instances.size());
    String context = (String) instances.get(0).arguments().get(0);
    java.util.regex.Matcher shot = java.util.regex.Pattern.compile("S: t(\\d+) (yes|no)\n\nF: q0").matcher(context);
    assertTrue(shot.matches(), context);
    assertEquals(Integer.parseInt(shot.group(1)) % 4 % 2 == 0 ? "yes" : "no", shot.group(2),
        "the shot's answer is choices[doc_to_target(doc)]");
    assertEquals(List.of(" yes", " no"), instances.stream().map(i -> i.arguments().get(1)).toList());
    Map<String, Object> cfg = task.configForResults();
    assertEquals("fam.utils.text", cfg.get("doc_to_text"));
    assertEquals("fam.utils.choices", cfg.get("doc_to_choice"));
    assertEquals("fam.utils.target", cfg.get("doc_to_target"));
    assertEquals("utils.shot_text", ((Map<?, ?>) cfg.get("fewshot_config")).get("doc_to_text"));
  }

  @Test
  void aFunctionFilterStepResolvesToTheFilterRegisteredUnderItsDottedName() {
    t.filter("fam.utils.MapRegexFilter");
    String gen = "dataset_path: d\noutput_type: generate_until\ndoc_to_text: '{{question}}'\ndoc_to_target: '{{answer}}'\n"
        + "test_split: test\n";
    t.file("fam/ff.yaml", gen + "task: ff\nfilter_list:\n  - name: flexible\n    filter:\n"
        + "      - function: !function utils.MapRegexFilter\n        group_select: -1\n      - function: take_first\n")
        .file("fam/fx.yaml", gen + "task: fx\nfilter_list:\n  - name: flexible\n    filter:\n"
        + "      - function: !function utils.MapRegexFiltr\n")
        .file("fam/fk.yaml", gen + "task: fk\nfilter_list:\n  - name: flexible\n    filter:\n"
        + "      - function: take_first\n        fallback: !function utils.MapRegexFilter\n");
    EvalTask task = task("ff", TaskTestSupport.settings());
    assertEquals(List.of(new org.lmeval.platform.eval.FilterSetSpec("flexible", List.of(
        new org.lmeval.platform.eval.FilterSetSpec.Step("fam.utils.MapRegexFilter", Map.of("group_select", -1)),
        new org.lmeval.platform.eval.FilterSetSpec.Step("take_first", Map.of())))), task.filterSets());
    EvalException unknown = assertThrows(EvalException.class, () -> task("fx", TaskTestSupport.settings()));
    assertEquals(ErrorCode.INVALID_TASK, unknown.code());
    assertTrue(unknown.getMessage().contains("task 'fx': filter_list.filter.function: !function utils.MapRegexFiltr at "
        + dir.resolve("fam/fx.yaml") + ":10 needs a filter registered as '"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("fam.utils.MapRegexFilter"), unknown.getMessage());
    EvalException kwarg = assertThrows(EvalException.class, () -> task("fk", TaskTestSupport.settings()));
    assertTrue(kwarg.getMessage().contains("filter_list.filter.fallback: !function utils.MapRegexFilter at "
        + dir.resolve("fam/fk.yaml") + ":11 is not supported"), kwarg.getMessage());
  }

  @Test
  void anUnregisteredDocFunctionNamesFileKeyLineAndTheExpectedName() {
    t.function("fam.utils.doc_to_txt", d -> "x");
    t.file("fam/h.yaml", MC + "task: h\ntest_split: test\nfewshot_config:\n  doc_to_target: !function utils.doc_to_text\n");
    EvalException e = assertThrows(EvalException.class, () -> task("h", TaskTestSupport.settings()));
    assertEquals(ErrorCode.INVALID_TASK, e.code());
    String expected = String.join(".", new DirectoryTaskSource(dir).rootSegments()) + ".fam.utils.doc_to_text";
    assertTrue(e.getMessage().contains("fewshot_config.doc_to_target: !function utils.doc_to_text at "
        + dir.resolve("fam/h.yaml") + ":9 needs a doc function registered as '" + expected + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("fam.utils.doc_to_txt"), e.getMessage());
  }

  @Test
  void configForResultsFollowsTaskConfigOrderWithRunMetadata() {
    t.file("mc.yaml", MC + "task: mc\ntest_split: test\ntask_alias: My MC\nmetadata: {version: 2.5}\n");
    EvalTask task = task("mc", TaskTestSupport.settings().numFewshot(0).modelArgs(Map.of("pretrained", "m")));
    Map<String, Object> cfg = task.configForResults();
    assertEquals(List.of("task", "task_alias", "dataset_path", "test_split", "doc_to_text", "doc_to_target",
        "unsafe_code", "doc_to_choice", "description", "target_delimiter", "fewshot_delimiter", "fewshot_config",
        "num_fewshot", "output_type", "repeats", "should_decontaminate", "metadata"), List.copyOf(cfg.keySet()));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("version", 2.5);
    meta.put("pretrained", "m");
    meta.put("config_source", dir.resolve("mc.yaml").toString());
    assertEquals(meta, cfg.get("metadata"));
    assertEquals(2.5, task.version());
    assertEquals("My MC", task.alias());
    Map<?, ?> fewshot = (Map<?, ?>) cfg.get("fewshot_config");
    assertEquals(List.of("sampler", "split", "process_docs", "fewshot_indices", "samples", "doc_to_text",
        "doc_to_choice", "doc_to_target", "gen_prefix", "fewshot_delimiter", "target_delimiter"),
        List.copyOf(fewshot.keySet()));
    assertEquals("default", fewshot.get("sampler"));
  }

  @Test
  void unknownSamplersAreErrors() {
    t.file("mc.yaml", MC + "task: mc\ntest_split: test\nfewshot_config: {sampler: first}\n");
    EvalException e = assertThrows(EvalException.class,
        () -> task("mc", TaskTestSupport.settings().numFewshot(1)).instances());
    assertTrue(e.getMessage().contains("unknown fewshot_config.sampler 'first'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'first_n'"), e.getMessage());
  }

  @Test
  void predictOnlyReplacesMetricsAndProcessResultsNamesRegisteredMetrics() {
    t.metric("fam.utils.process_results.acc");
    t.file("fam/pr.yaml", MC + "task: pr\ntest_split: test\nprocess_results: !function utils.process_results\n"
        + "metric_list: [{metric: acc, aggregation: mean, ignore_case: true}]\n");
    EvalTask task = task("pr", TaskTestSupport.settings());
    assertEquals("fam.utils.process_results", task.processResults());
    assertEquals(List.of(new org.lmeval.platform.eval.MetricSpec("acc", "mean", null, Map.of())), task.metrics(),
        "with process_results the metric kwargs are unused");
    assertEquals("fam.utils.process_results", task.configForResults().get("process_results"));
    EvalTask bypass = task("pr", TaskTestSupport.settings().predictOnly(true));
    assertEquals(List.of(new org.lmeval.platform.eval.MetricSpec("bypass", null, null, Map.of())), bypass.metrics());
    assertEquals(null, bypass.processResults());
    assertEquals(List.of(Map.of("metric", "bypass")), bypass.configForResults().get("metric_list"));
  }

  @Test
  void unsafeAndMultimodalTasksAreRefused() {
    t.file("u.yaml", MC + "task: u\ntest_split: test\nunsafe_code: true\n")
        .file("m.yaml", MC + "task: m\ntest_split: test\ndoc_to_image: image\n");
    EvalException unsafe = assertThrows(EvalException.class, () -> task("u", TaskTestSupport.settings()));
    assertTrue(unsafe.getMessage().contains("--confirm_run_unsafe_code"), unsafe.getMessage());
    assertEquals(1, task("u", TaskTestSupport.settings().confirmRunUnsafeCode(true).limit(1.0)).instances().size() / 4);
    EvalException mm = assertThrows(EvalException.class, () -> task("m", TaskTestSupport.settings()));
    assertTrue(mm.getMessage().contains("multimodal"), mm.getMessage());
  }

  @Test
  void previewRendersTheFirstDocumentsOfEachTask() {
    t.file("mc.yaml", MC + "task: mc\ntest_split: test\n").file("mc2.yaml", MC + "task: mc2\ntest_split: test\n");
    List<PromptPreview> previews = t.manager().preview(List.of("mc", "mc2"), TaskTestSupport.settings()
        .limit(0.01).build(), 2);
    assertEquals(List.of("mc", "mc", "mc2", "mc2"), previews.stream().map(PromptPreview::task).toList());
    assertEquals(1, previews.get(1).docId());
    assertEquals(1, previews.get(1).target());
    assertEquals("Q: q1\nA:", previews.get(1).requests().get(0).arguments().get(0));
  }
}
