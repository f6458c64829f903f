package org.lmeval.tasks.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmeval.api.model.RequestType;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.eval.GroupSpec;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.results.TrackerInfo;
import org.lmeval.platform.task.ChatTemplate;
import org.lmeval.platform.task.ClasspathTaskSources;
import org.lmeval.platform.task.TaskManager;
import org.lmeval.platform.task.TaskSelection;
import org.lmeval.plugin.datasets.LocalDatasetsPlugin;
import org.lmeval.plugin.transforms.TransformsPlugin;

/**
 * Builds every golden run's requests with the bundled YAML, the offline dataset copies and our plugins, and
 * compares them with what lm-eval 0.4.13 built for the same run (fixtures from tools/tasks/make_goldens.py):
 * task and group order, effective configs, documents, targets, contexts, continuations and generation
 * kwargs, doc by doc (so few-shot picks and their order are compared too). The golden-chat fixtures
 * (tools/tasks/make_chat_goldens.py) do the same with {@code --apply_chat_template}: the contexts are rendered with
 * the fixture's chat template through a model that serves it as a Hugging Face tokenizer_config.json would.
 */
class GoldenParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> fixtures() throws IOException {
    List<Path> all = new ArrayList<>();
    for (String dir : List.of("src/test/resources/golden", "src/test/resources/golden-chat")) {
      try (Stream<Path> s = Files.list(Path.of(dir))) {
        all.addAll(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  @SuppressWarnings("unchecked")
  void requestsMatchLmEval(Path fixture, @TempDir Path mirror) throws IOException {
    Map<String, Object> fx = JSON.readValue(fixture.toFile(), Map.class);
    buildMirror((Map<String, Map<String, String>>) fx.get("split_files"), mirror);
    Map<String, Object> req = (Map<String, Object>) fx.get("request");

    PluginRegistry registry = new PluginRegistry(List::of);
    registry.install(new LocalDatasetsPlugin(), new Origin("datasets-local", "", "test"));
    registry.install(new TransformsPlugin(), new Origin("tasks-transforms", "", "test"));
    registry.install(new org.lmeval.plugin.metrics.MetricsPlugin(), new Origin("metrics-core", "", "test"));
    // the bbh zero-shot families' !function filter steps resolve to filters-core's registered filters
    registry.install(new org.lmeval.plugin.filters.FiltersPlugin(), new Origin("filters-core", "", "test"));
    ClasspathTaskSources.find(getClass().getClassLoader()).forEach(registry::addTaskSource);
    registry.freeze();

    EvalSettings.Builder settings = EvalSettings.builder()
        .datasetDir(mirror)
        .numFewshot((Integer) req.get("num_fewshot"))
        .limit(req.get("limit") == null ? null : ((Number) req.get("limit")).doubleValue())
        .samples((Map<String, List<Integer>>) req.get("samples"))
        .genKwargs((Map<String, Object>) req.get("gen_kwargs"))
        .systemInstruction((String) req.get("system_instruction"))
        .fewshotSeed((Integer) req.get("fewshot_seed"));
    List<String> names = (List<String>) req.get("tasks");
    TaskSelection sel;
    Map<String, Object> chatFx = (Map<String, Object>) fx.get("chat");
    if (chatFx == null) {
      sel = new TaskManager(registry, List.of(), null).select(names, settings.build());
    } else {
      // --apply_chat_template [name]: a model whose tokenizer_config.json has the fixture's chat_template
      settings.applyChatTemplate((String) req.get("apply_chat_template"))
          .fewshotAsMultiturn((Boolean) req.get("fewshot_as_multiturn"));
      TokenizerConfigChatModel model = new TokenizerConfigChatModel(chatFx.get("tokenizer_config_chat_template"),
          (Map<String, String>) chatFx.get("special_tokens"));
      ChatTemplate chat = ChatTemplate.of(model, (String) req.get("apply_chat_template"), "test");
      assertEquals(chatFx.get("logged_chat_template"), chat.logged(), "the chat template logged in results");
      assertEquals(chatFx.get("logged_chat_template_sha"), TrackerInfo.of("hf", Map.of("pretrained", "m"), null,
          chat.logged(), true).chatTemplateSha(), "chat_template_sha");
      sel = new TaskManager(registry, List.of(), null).select(names, settings.build(), chat);
    }

    List<String> order = new ArrayList<>();
    sel.tasks().forEach(t -> order.add(t.name()));
    sel.groups().forEach(g -> order.add(g.name()));
    assertEquals(fx.get("result_order"), order, "task and group order");
    Map<String, Object> subtasks = new LinkedHashMap<>();
    Map<String, Object> groupVersions = new LinkedHashMap<>();
    for (GroupSpec g : sel.groups()) {
      subtasks.put(g.name(), g.children());
      groupVersions.put(g.name(), g.version() == null ? "N/A" : g.version());
    }
    assertEquals(fx.get("group_subtasks"), subtasks, "group_subtasks");
    assertEquals(fx.get("group_versions"), groupVersions, "group versions");

    Map<String, Object> tasks = (Map<String, Object>) fx.get("tasks");
    for (EvalTask task : sel.tasks()) {
      compareTask(task, (Map<String, Object>) tasks.get(task.name()));
    }
  }

  @SuppressWarnings("unchecked")
  private static void compareTask(EvalTask task, Map<String, Object> expected) {
    String t = task.name();
    assertEquals(expected.get("version"), task.version(), t + " version");
    assertEquals(expected.get("n_shot"), task.numFewshot(), t + " n-shot");
    Map<String, Object> nSamples = (Map<String, Object>) expected.get("n_samples");
    assertEquals(nSamples.get("original"), task.originalDocCount(), t + " documents in the evaluation split");

    Map<String, Object> config = task.configForResults();
    ((Map<String, Object>) expected.get("config")).forEach((k, v) -> {
      if (!isPythonFunction(v)) {
        assertEquals(registeredNames(v), config.get(k), t + " config " + k);
      }
    });
    Map<String, Object> fewshot = (Map<String, Object>) config.get("fewshot_config");
    ((Map<String, Object>) expected.get("fewshot_config")).forEach((k, v) -> {
      if (!isPythonFunction(v)) {
        assertEquals(v, fewshot.get(k), t + " fewshot_config." + k);
      }
    });

    Map<Integer, List<Instance>> byDoc = new LinkedHashMap<>();
    for (Instance i : task.instances()) {
      byDoc.computeIfAbsent(i.docId(), k -> new ArrayList<>()).add(i);
    }
    List<Map<String, Object>> docs = (List<Map<String, Object>>) expected.get("docs");
    assertEquals(docs.stream().map(d -> d.get("doc_id")).toList(), new ArrayList<>(byDoc.keySet()), t + " doc ids");
    assertEquals(nSamples.get("effective"), byDoc.size(), t + " documents evaluated");
    for (Map<String, Object> d : docs) {
      int id = (Integer) d.get("doc_id");
      List<Instance> got = byDoc.get(id);
      String where = t + " doc " + id;
      assertEquals(d.get("doc"), got.get(0).doc(), where + ": document");
      assertEquals(d.get("target"), task.docToTarget(got.get(0).doc()), where + ": target");
      List<String> contexts = (List<String>) d.get("contexts");
      List<List<Object>> requests = (List<List<Object>>) d.get("requests");
      assertEquals(requests.size(), got.size(), where + ": number of requests");
      for (int i = 0; i < got.size(); i++) {
        Instance inst = got.get(i);
        List<Object> want = new ArrayList<>();
        int ctx = (Integer) requests.get(i).get(0);
        if (inst.type() != RequestType.LOGLIKELIHOOD_ROLLING || !contexts.isEmpty()) {
          want.add(contexts.get(ctx));
        }
        want.addAll(requests.get(i).subList(1, requests.get(i).size()));
        assertEquals(i, inst.idx(), where + ": request index");
        if (!want.equals(inst.arguments())) {
          fail(where + " request " + i + " differs:\n" + firstDifference(want, inst.arguments()));
        }
      }
    }
  }

  /**
   * A Python class nested in a config value (a filter step's {@code function: !function utils.Class}) is written
   * by lm-eval as {@code <python lm_eval.tasks.<folder>.utils.Class>}; ours is the dotted name it resolved to.
   */
  private static Object registeredNames(Object v) {
    if (v instanceof String s && s.startsWith("<python lm_eval.tasks.") && s.endsWith(">")) {
      return s.substring("<python lm_eval.tasks.".length(), s.length() - 1);
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, registeredNames(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(GoldenParityTest::registeredNames).toList();
    }
    return v;
  }

  private static boolean isPythonFunction(Object v) {
    return v instanceof String s && s.startsWith("<python ");
  }

  private static String firstDifference(List<Object> want, List<Object> got) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
      Object w = i < want.size() ? want.get(i) : null;
      Object g = i < got.size() ? got.get(i) : null;
      if (w instanceof String ws && g instanceof String gs && !ws.equals(gs)) {
        int at = 0;
        while (at < ws.length() && at < gs.length() && ws.charAt(at) == gs.charAt(at)) {
          at++;
        }
        int from = Math.max(0, at - 80);
        sb.append("argument ").append(i).append(" first differs at char ").append(at).append("\n  lm-eval: ")
            .append(esc(ws.substring(from, Math.min(ws.length(), at + 80)))).append("\n  ours:    ")
            .append(esc(gs.substring(from, Math.min(gs.length(), at + 80))));
        return sb.toString();
      }
      if (w == null ? g != null : !w.equals(g)) {
        return "argument " + i + "\n  lm-eval: " + w + "\n  ours:    " + g;
      }
    }
    return "(no difference found)";
  }

  private static String esc(String s) {
    return s.replace("\n", "\\n");
  }

  /** Lays out the fixture's split files as an offline mirror (path/config/split.jsonl links). */
  static void buildMirror(Map<String, Map<String, String>> splitFiles, Path mirror) throws IOException {
    Path shared = SharedData.datasets();
    for (Map<String, String> files : splitFiles.values()) {
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path source = shared.resolve(e.getValue());
        Path link = mirror.resolve(e.getValue()).resolveSibling(e.getKey() + ".jsonl");
        Files.createDirectories(link.getParent());
        if (!Files.exists(link)) {
          Files.createSymbolicLink(link, source);
        }
      }
    }
  }
}
