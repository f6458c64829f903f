package org.lmeval.platform.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.task.DocFunction;
import org.lmeval.api.task.DocTransform;
import org.lmeval.platform.eval.GroupSpec;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.plugin.Registry;
import org.lmeval.platform.template.JinjaRenderer;
import org.lmeval.platform.util.Suggestions;

/**
 * Builds tasks and groups from index entries or inline configs, as lm-eval's {@code TaskFactory}: a task's
 * YAML (with includes) plus the caller's overrides, metadata merged with the run metadata and
 * {@code config_source}; a group's non-group keys become overrides for every child (caller overrides win);
 * {@code task:} list items may be names (task, group or tag), {@code {task: name, ...overrides}}, inline task
 * configs (named {@code group::name}) or {@code {group: name, ...}} (registered or inline).
 */
final class TaskFactory {
  /** lm-eval's GroupConfig fields. */
  static final List<String> GROUP_FIELDS = List.of("group", "group_alias", "task", "aggregate_metric_list",
      "metadata");
  /** The keys whose {@code !function} names a registered {@link DocFunction} (also under fewshot_config). */
  private static final List<String> DOC_FUNCTION_KEYS = List.of("doc_to_text", "doc_to_target", "doc_to_choice");
  private static final List<String> AGG_FIELDS = List.of("metric", "filter_list", "aggregation", "weight_by_size");

  private final TaskIndex index;
  private final PluginRegistry registry;
  private final DatasetAccess datasets;
  private final RunOptions run;
  private final JinjaRenderer renderer;

  /**
   * A config to build that is not (necessarily) in the index: an entry, or a YAML file given by path.
   *
   * @param name the task or group name
   * @param kind task or group
   * @param values the config (includes resolved); for index entries, loaded on build
   * @param origins where each key was written
   * @param display the file for messages, or "inline"
   * @param configSource {@code metadata.config_source}: the YAML path or "inline"
   */
  record Spec(String name, EntryKind kind, Map<String, Object> values, Map<String, Location> origins, String display,
      String configSource) {}

  TaskFactory(TaskIndex index, PluginRegistry registry, DatasetAccess datasets, RunOptions run,
      JinjaRenderer renderer) {
    this.index = index;
    this.registry = registry;
    this.datasets = datasets;
    this.run = run;
    this.renderer = renderer;
  }

  /** The spec of an index entry (its YAML loaded with includes). */
  Spec spec(IndexEntry e) {
    ConfigLoader.LoadedConfig cfg = index.loader(e.source()).load(e.path());
    return new Spec(e.name(), e.kind(), cfg.values(), cfg.origins(), e.displayPath(), e.displayPath());
  }

  /**
   * Builds a name from the index: a task, a group (with children), or a tag (its tasks, sorted).
   *
   * @return the built nodes: one for a task or group, the member tasks for a tag
   */
  List<TaskNode> buildEntry(IndexEntry e, Map<String, Object> overrides) {
    return switch (e.kind()) {
      case TAG -> {
        List<TaskNode> out = new ArrayList<>();
        for (String member : e.tags()) {
          Optional<IndexEntry> m = index.get(member);
          if (m.isEmpty()) {
            continue;
          }
          out.add(buildTask(spec(m.get()), overrides));
        }
        yield out;
      }
      case GROUP -> {
        Spec s = spec(e);
        yield List.of(buildGroup(e.name(), fullConfig(s, null), s, overrides));
      }
      case TASK -> List.of(buildTask(spec(e), overrides));
      case PYTHON_TASK -> throw new EvalException(ErrorCode.INVALID_TASK, "task '" + e.name() + "' (" + e.displayPath()
          + ") is a Python class task ('class:' key); only YAML tasks can run here");
    };
  }

  /** Builds a config given directly (a YAML file named in --tasks): lm-eval treats it as an inline config. */
  TaskNode buildInline(Spec s) {
    if (s.kind() == EntryKind.GROUP) {
      return buildGroup(s.name(), fullConfig(s, null), s, null);
    }
    if (s.kind() == EntryKind.PYTHON_TASK) {
      throw new EvalException(ErrorCode.INVALID_TASK, s.display() + " defines a Python class task ('class:' key); "
          + "only YAML tasks can run here");
    }
    return buildTask(s, s.values());
  }

  /** lm-eval's {@code _load_full_config}: config + overrides, metadata merged, config_source set. */
  private Map<String, Object> fullConfig(Spec s, Map<String, Object> overrides) {
    Map<String, Object> cfg = Values.deepCopyMap(s.values());
    if (overrides != null && !overrides.isEmpty()) {
      cfg.putAll(Values.deepCopyMap(overrides));
    }
    cfg.put("metadata", mergedMetadata(cfg));
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) cfg.get("metadata");
    meta.put("config_source", s.configSource());
    return cfg;
  }

  private Map<String, Object> mergedMetadata(Map<String, Object> cfg) {
    Map<String, Object> meta = new LinkedHashMap<>();
    Object m = cfg.containsKey("metadata") ? cfg.get("metadata") : Map.of();
    if (m instanceof Map<?, ?> mm) {
      mm.forEach((k, v) -> meta.put(String.valueOf(k), v));
    } else {
      meta.put("_metadata", m);
    }
    meta.putAll(Values.deepCopyMap(run.metadata()));
    return meta;
  }

  private TaskNode.Leaf buildTask(Spec s, Map<String, Object> overrides) {
    Map<String, Object> cfg = fullConfig(s, overrides);
    cfg.remove("tag");
    cfg.remove("group");
    cfg.remove("task_list");
    return new TaskNode.Leaf(newTask(cfg, s.origins(), s.display()));
  }

  private YamlTask newTask(Map<String, Object> cfg, Map<String, Location> origins, String display) {
    TaskConfig config = TaskConfig.of(cfg, origins, display);
    return new YamlTask(config, resolveFunctions(config), datasets, run, renderer);
  }

  private TaskNode.Group buildGroup(String name, Map<String, Object> raw, Spec s, Map<String, Object> overrides) {
    Object aliasRaw = raw.get("group_alias");
    Object meta = raw.get("metadata");
    List<GroupSpec.AggregateMetric> aggregates = aggregates(name, raw.get("aggregate_metric_list"), s);
    String version = meta instanceof Map<?, ?> m && !m.isEmpty() ? (m.containsKey("version")
        ? PyText.str(m.get("version")) : "N/A") : "N/A";
    Map<String, Object> merged = new LinkedHashMap<>();
    raw.forEach((k, v) -> {
      if (!GROUP_FIELDS.contains(k)) {
        merged.put(k, v);
      }
    });
    if (overrides != null) {
      merged.putAll(overrides);
    }
    Map<String, TaskNode> children = new LinkedHashMap<>();
    if (raw.get("task") instanceof List<?> members) {
      for (TaskNode child : members(members, name, merged, s)) {
        children.put(child.name(), child);
      }
    }
    return new TaskNode.Group(name, aliasRaw == null ? null : PyText.str(aliasRaw), new ArrayList<>(children.values()),
        aggregates, "N/A".equals(version) ? null : version);
  }

  private List<GroupSpec.AggregateMetric> aggregates(String group, Object raw, Spec s) {
    if (raw == null) {
      return List.of();
    }
    List<?> items = raw instanceof List<?> l ? l : List.of(raw);
    String where = TaskConfig.where(s.origins(), "aggregate_metric_list", s.display());
    List<GroupSpec.AggregateMetric> out = new ArrayList<>();
    for (Object o : items) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "group '" + group + "': aggregate_metric_list (" + where
            + ") entries must be mappings, got " + PyText.repr(o));
      }
      for (Object k : m.keySet()) {
        if (!AGG_FIELDS.contains(String.valueOf(k))) {
          throw new EvalException(ErrorCode.INVALID_TASK, "group '" + group + "': unknown aggregate_metric_list key '"
              + k + "' (" + where + ")" + TaskConfig.closeMatch(String.valueOf(k), AGG_FIELDS) + " (valid keys: "
              + String.join(", ", AGG_FIELDS) + ")");
        }
      }
      if (!(m.get("metric") instanceof String metric)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "group '" + group + "': aggregate_metric_list (" + where
            + ") entry needs a 'metric' name");
      }
      Object agg = m.containsKey("aggregation") ? m.get("aggregation") : "mean";
      if (!"mean".equals(agg)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "group '" + group + "': aggregation " + PyText.repr(agg)
            + " (" + where + ") is not supported; 'mean' is the only pre-defined group aggregation");
      }
      Object fl = m.get("filter_list");
      List<String> filters = fl == null ? null : fl instanceof List<?> fls ? fls.stream().map(PyText::str).toList()
          : List.of(PyText.str(fl));
      boolean weight = !m.containsKey("weight_by_size") || PyText.truthy(m.get("weight_by_size"));
      out.add(new GroupSpec.AggregateMetric(metric, filters, "mean", weight));
    }
    return out;
  }

  private List<TaskNode> members(List<?> list, String group, Map<String, Object> overrides, Spec groupSpec) {
    List<TaskNode> children = new ArrayList<>();
    for (Object item : list) {
      String base;
      Map<String, Object> itemOverrides;
      if (item instanceof String s) {
        base = s;
        itemOverrides = overrides;
      } else if (item instanceof Map<?, ?> m) {
        Map<String, Object> itemMap = new LinkedHashMap<>();
        m.forEach((k, v) -> itemMap.put(String.valueOf(k), v));
        if (itemMap.containsKey("group")) {
          String name = PyText.str(itemMap.get("group"));
          Optional<IndexEntry> e = index.get(name);
          if (e.isPresent()) {
            Map<String, Object> merged = new LinkedHashMap<>(overrides);
            itemMap.forEach((k, v) -> {
              if (!k.equals("group")) {
                merged.put(k, v);
              }
            });
            children.addAll(buildEntry(e.get(), merged));
          } else {
            String inline = group + "::" + name;
            Spec s = new Spec(inline, EntryKind.GROUP, itemMap, groupSpec.origins(), groupSpec.display(), "inline");
            children.add(buildGroup(inline, itemMap, s, overrides));
          }
          continue;
        }
        if (!itemMap.containsKey("task")) {
          throw new EvalException(ErrorCode.INVALID_TASK, "group '" + group + "' (" + groupSpec.display()
              + "): a task: list entry that is a mapping needs a 'task' or 'group' key, got keys " + itemMap.keySet());
        }
        base = PyText.str(itemMap.get("task"));
        itemOverrides = new LinkedHashMap<>(overrides);
        itemOverrides.putAll(itemMap);
      } else {
        throw new EvalException(ErrorCode.INVALID_TASK, "group '" + group + "' (" + groupSpec.display()
            + "): unsupported task: list entry " + PyText.repr(item));
      }
      Optional<IndexEntry> entry = index.get(base);
      if (entry.isEmpty()) {
        if (item instanceof String) {
          throw new EvalException(ErrorCode.UNKNOWN_COMPONENT, "group '" + group + "' (" + groupSpec.display()
              + ") lists '" + base + "', which is not a registered task, group or tag"
              + Suggestions.didYouMean(base, index.entries().keySet()));
        }
        String inline = group + "::" + base;
        Map<String, Object> cfg = Values.deepCopyMap(itemOverrides);
        cfg.put("task", inline);
        cfg.put("metadata", mergedMetadata(cfg));
        children.add(new TaskNode.Leaf(newTask(cfg, groupSpec.origins(), groupSpec.display() + " (inline task '"
            + inline + "')")));
        continue;
      }
      IndexEntry e = entry.get();
      switch (e.kind()) {
        case GROUP -> children.addAll(buildEntry(e, itemOverrides));
        case TAG -> {
          for (String member : e.tags()) {
            Optional<IndexEntry> m = index.get(member);
            if (m.isPresent()) {
              Map<String, Object> o = new LinkedHashMap<>();
              o.put("task", member);
              o.putAll(itemOverrides);
              children.addAll(buildEntry(m.get(), o));
            }
          }
        }
        default -> {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("task", base);
          o.putAll(itemOverrides);
          children.addAll(buildEntry(e, o));
        }
      }
    }
    return children;
  }

  /**
   * Resolves the {@code !function}s of a config: {@code process_docs} (task and few-shot) to registered
   * {@link DocTransform}s, {@code doc_to_text}, {@code doc_to_target} and {@code doc_to_choice} (task and
   * few-shot) to registered {@link DocFunction}s, {@code process_results} to a registered metric, a {@code filter_list}
   * step's {@code function} to a registered filter; any other use
   * is an error naming the file, line and key.
   */
  private YamlTask.ResolvedFunctions resolveFunctions(TaskConfig cfg) {
    Map<FunctionRef, String> names = new LinkedHashMap<>();
    Map<FunctionRef, DocFunction> docFunctions = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : cfg.values().entrySet()) {
      String key = e.getKey();
      if (key.equals("process_docs") || key.equals("process_results") || key.equals("fewshot_config")) {
        continue;
      }
      if (DOC_FUNCTION_KEYS.contains(key) && e.getValue() instanceof FunctionRef f) {
        docFunctions.put(f, docFunction(cfg, key, f, names));
        continue;
      }
      if (key.equals("filter_list")) {
        resolveFilterFunctions(cfg, e.getValue(), names);
        continue;
      }
      rejectFunctions(cfg, key, e.getValue());
    }
    if (cfg.get("fewshot_config") instanceof Map<?, ?> fs) {
      fs.forEach((k, v) -> {
        if (DOC_FUNCTION_KEYS.contains(k) && v instanceof FunctionRef f) {
          docFunctions.put(f, docFunction(cfg, "fewshot_config." + k, f, names));
        } else if (!"process_docs".equals(k)) {
          rejectFunctions(cfg, "fewshot_config." + k, v);
        }
      });
    }
    DocTransform docs = transform(cfg, "process_docs", cfg.get("process_docs"), names);
    Object fsDocs = cfg.fewshot().get("process_docs");
    DocTransform fewshotDocs = fsDocs == cfg.get("process_docs") ? docs
        : transform(cfg, "fewshot_config.process_docs", fsDocs, names);
    String processResults = null;
    Object pr = cfg.get("process_results");
    if (pr instanceof FunctionRef f) {
      processResults = lookupProcessResults(f, cfg);
      names.put(f, processResults);
    } else if (pr != null) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': process_results (" + cfg.where(
          "process_results") + ") must be '!function module.name' naming a registered metric, got " + PyText.repr(pr));
    }
    return new YamlTask.ResolvedFunctions(docs, fewshotDocs, processResults, names, docFunctions);
  }

  /**
   * A filter step's {@code function: !function module.Class} names a registered filter (same naming rule as the
   * other {@code !function} kinds); a {@code !function} anywhere else in {@code filter_list} is an error.
   */
  private void resolveFilterFunctions(TaskConfig cfg, Object filterList, Map<FunctionRef, String> names) {
    if (!(filterList instanceof List<?> entries)) {
      rejectFunctions(cfg, "filter_list", filterList);
      return;
    }
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> set) || !(set.get("filter") instanceof List<?> steps)) {
        rejectFunctions(cfg, "filter_list", entry);
        continue;
      }
      set.forEach((k, v) -> {
        if (!"filter".equals(k)) {
          rejectFunctions(cfg, "filter_list." + k, v);
        }
      });
      for (Object step : steps) {
        if (!(step instanceof Map<?, ?> m)) {
          rejectFunctions(cfg, "filter_list.filter", step);
          continue;
        }
        m.forEach((k, v) -> {
          if ("function".equals(k) && v instanceof FunctionRef f) {
            names.put(f, lookup(registry.filters(), f, cfg, "filter_list.filter.function", "filter"));
          } else {
            rejectFunctions(cfg, "filter_list.filter." + k, v);
          }
        });
      }
    }
  }

  private DocFunction docFunction(TaskConfig cfg, String key, FunctionRef f, Map<FunctionRef, String> names) {
    String name = lookup(registry.docFunctions(), f, cfg, key, "doc function");
    names.put(f, name);
    return registry.docFunctions().get(name);
  }

  private DocTransform transform(TaskConfig cfg, String key, Object value, Map<FunctionRef, String> names) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof FunctionRef f)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': " + key + " (" + cfg.where(
          key.startsWith("fewshot_config") ? "fewshot_config" : key) + ") must be '!function module.name' naming a "
          + "registered doc transform, got " + PyText.repr(value));
    }
    String name = lookup(registry.docTransforms(), f, cfg, key, "doc transform");
    names.put(f, name);
    return registry.docTransforms().get(name);
  }

  /**
   * A {@code process_results} function is implemented as one registered metric per metric key it returns,
   * named {@code <function>.<key>} (e.g. {@code truthfulqa.utils.process_results_mc2.acc}); returns the
   * function's registered prefix.
   */
  private String lookupProcessResults(FunctionRef f, TaskConfig cfg) {
    for (String candidate : f.candidates()) {
      if (registry.metrics().names().stream().anyMatch(n -> n.startsWith(candidate + "."))) {
        return candidate;
      }
    }
    String expected = f.candidates().get(0);
    throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': process_results: " + f + " at "
        + f.where() + " needs metrics registered as '" + expected + ".<metric>' (one per metric the function "
        + "returns), and none is" + Suggestions.didYouMean(expected, registry.metrics().names()));
  }

  private static <T> String lookup(Registry<T> reg, FunctionRef f, TaskConfig cfg, String key, String kind) {
    for (String candidate : f.candidates()) {
      if (reg.find(candidate).isPresent()) {
        return candidate;
      }
    }
    String expected = f.candidates().get(0);
    throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': " + key + ": " + f + " at "
        + f.where() + " needs a " + kind + " registered as '" + expected + "'"
        + (f.candidates().size() > 1 ? " (or " + String.join(", ", f.candidates().subList(1, f.candidates().size()))
            + ")" : "") + ", and none is" + Suggestions.didYouMean(expected, reg.names()));
  }

  private static void rejectFunctions(TaskConfig cfg, String key, Object v) {
    if (v instanceof FunctionRef f) {
      throw new EvalException(ErrorCode.INVALID_TASK, "task '" + cfg.task() + "': " + key + ": " + f + " at "
          + f.where() + " is not supported; !function may name a doc transform for process_docs, a doc "
          + "function for doc_to_text, doc_to_target or doc_to_choice, a metric for process_results, or a filter for a filter_list step's function (write " + key + " as a Jinja template instead)");
    }
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, x) -> rejectFunctions(cfg, key + "." + k, x));
    } else if (v instanceof List<?> l) {
      for (Object x : l) {
        rejectFunctions(cfg, key, x);
      }
    }
  }
}
