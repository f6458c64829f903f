package org.lmeval.platform.task;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.task.TaskSource;
import org.lmeval.platform.eval.EvalSettings;
import org.lmeval.platform.eval.EvalTask;
import org.lmeval.platform.eval.GroupSpec;
import org.lmeval.platform.eval.Instance;
import org.lmeval.platform.plugin.PluginRegistry;
import org.lmeval.platform.progress.Progress;
import org.lmeval.platform.template.JinjaRenderer;
import org.lmeval.platform.util.Suggestions;

/**
 * The task engine's facade (lm-eval's {@code TaskManager}): the index over the registry's task sources
 * (task bundles) and the {@code --include_path} folders, listing, selection of tasks and groups by name,
 * pattern, YAML path or folder ({@code --tasks}), and prompt previews.
 *
 * <pre>{@code
 * TaskManager tm = new TaskManager(kernel.registry(), settings.includePaths(), cacheDir);
 * TaskSelection sel = tm.select(settings.tasks(), settings);
 * for (EvalTask t : sel.tasks()) { t.instances() ... }
 * }</pre>
 */
public final class TaskManager {
  private final PluginRegistry registry;
  private final TaskIndex index;
  private final JinjaRenderer renderer = new JinjaRenderer();
  private final Progress progress;

  /**
   * @param registry the plugin registry (task sources, doc transforms, metrics, dataset providers)
   * @param includePaths {@code --include_path} folders, indexed after the registry's sources (later wins)
   * @param indexCacheDir where to keep the compiled index, or null for no cache
   */
  public TaskManager(PluginRegistry registry, List<Path> includePaths, Path indexCacheDir) {
    this(registry, includePaths, indexCacheDir, Progress.none());
  }

  /**
   * As {@link #TaskManager(PluginRegistry, List, Path)}, with {@code progress} for the bars of dataset files
   * downloaded from the Hugging Face Hub.
   */
  public TaskManager(PluginRegistry registry, List<Path> includePaths, Path indexCacheDir, Progress progress) {
    this.registry = registry;
    this.progress = progress;
    List<TaskSource> roots = new ArrayList<>(registry.taskSources());
    for (Path p : includePaths == null ? List.<Path>of() : includePaths) {
      roots.add(new DirectoryTaskSource(p));
    }
    this.index = TaskIndex.build(roots, indexCacheDir == null ? null : new TaskIndexCache(indexCacheDir));
  }

  public TaskIndex index() {
    return index;
  }

  /** The names of one kind (sorted) with their YAML path and output type, as {@code lm-eval ls}. */
  public List<TaskListing> list(EntryKind kind) {
    List<TaskListing> out = new ArrayList<>();
    for (String name : index.names(kind)) {
      IndexEntry e = index.get(name).orElseThrow();
      out.add(new TaskListing(name, kind, e.displayPath() == null ? "---" : e.displayPath(),
          kind == EntryKind.TASK || kind == EntryKind.PYTHON_TASK ? e.outputType() : ""));
    }
    return out;
  }

  /** Selects tasks with a run's settings applied (num_fewshot, seeds, limit, gen_kwargs, ...). */
  public TaskSelection select(List<String> names, EvalSettings settings) {
    return select(names, RunOptions.of(settings), datasetSettings(settings));
  }

  /**
   * Selects tasks with a run's settings applied, prompts rendered with {@code chat} when the settings ask for
   * {@code --apply_chat_template}.
   *
   * @param chat the opened model's chat template ({@link ChatTemplate#of}), or null without a chat template
   */
  public TaskSelection select(List<String> names, EvalSettings settings, ChatTemplate chat) {
    return select(names, RunOptions.of(settings, chat), datasetSettings(settings));
  }

  /**
   * The dataset settings the kernel passes to dataset providers: {@code dataset_dir}, then the
   * {@code datasetOptions} ({@code offline}, {@code token}, {@code endpoint}, {@code cache_dir}).
   */
  public static Options datasetSettings(EvalSettings settings) {
    Map<String, Object> m = new LinkedHashMap<>(settings.datasetOptions());
    if (settings.datasetDir() != null) {
      m.put("dataset_dir", settings.datasetDir().toString());
    }
    return Options.of("dataset setting", m);
  }

  /**
   * Selects tasks: lm-eval's {@code --tasks} handling then {@code TaskManager.load}.
   *
   * @param names task, group and tag names, fnmatch patterns, {@code .yaml} paths (globs allowed) or one folder
   * @throws EvalException UNKNOWN_COMPONENT for names that match nothing (with suggestions)
   */
  public TaskSelection select(List<String> names, RunOptions run, Options datasetSettings) {
    DatasetAccess datasets = new DatasetAccess(registry.datasetProviders(), datasetSettings, progress);
    TaskFactory factory = new TaskFactory(index, registry, datasets, run, renderer);
    List<List<TaskNode>> built = new ArrayList<>();
    for (Object spec : resolve(names)) {
      if (spec instanceof String name) {
        built.add(factory.buildEntry(index.get(name).orElseThrow(), null));
      } else {
        built.add(List.of(factory.buildInline((TaskFactory.Spec) spec)));
      }
    }
    List<TaskNode> top = new ArrayList<>();
    built.forEach(top::addAll);
    checkDuplicates(top);
    Map<String, EvalTask> tasks = new LinkedHashMap<>();
    Map<String, TaskNode.Group> groups = new LinkedHashMap<>();
    for (TaskNode node : top) {
      collect(node, tasks, groups);
    }
    return new TaskSelection(new ArrayList<>(tasks.values()), bottomUp(groups));
  }

  /**
   * The first {@code n} documents of every selected task, rendered (for {@code lm-eval validate} and
   * {@code --write_out}). Few-shot draws are those of a run over the same documents.
   */
  public List<PromptPreview> preview(List<String> names, EvalSettings settings, int n) {
    RunOptions run = RunOptions.of(settings.toBuilder().limit(null).samples(null).build()).withLimit(n);
    TaskSelection sel = select(names, run, datasetSettings(settings));
    List<PromptPreview> out = new ArrayList<>();
    for (EvalTask t : sel.tasks()) {
      Map<Integer, List<Instance>> byDoc = new LinkedHashMap<>();
      for (Instance i : t.instances()) {
        byDoc.computeIfAbsent(i.docId(), k -> new ArrayList<>()).add(i);
      }
      byDoc.forEach((id, reqs) -> out.add(new PromptPreview(t.name(), id, reqs.get(0).doc(),
          t.docToTarget(reqs.get(0).doc()), reqs)));
    }
    return out;
  }

  // ------------------------------------------------------------------------------------ --tasks

  /** lm-eval's {@code process_tasks}: names (in order, deduplicated) or inline specs from YAML files. */
  private List<Object> resolve(List<String> names) {
    List<String> entries = new ArrayList<>();
    for (String n : names) {
      for (String part : n.split(",", -1)) {
        entries.add(part.strip());
      }
    }
    if (entries.isEmpty()) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "no tasks given; name tasks with --tasks (see lm-eval ls "
          + "tasks)");
    }
    if (entries.size() == 1 && !entries.get(0).isEmpty() && Files.isDirectory(Path.of(entries.get(0)))
        && match(entries.get(0)).isEmpty()) {
      List<Object> out = new ArrayList<>();
      Path dir = Path.of(entries.get(0));
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.yaml")) {
        List<Path> files = new ArrayList<>();
        ds.forEach(files::add);
        files.sort(null);
        for (Path f : files) {
          out.add(inlineSpec(f));
        }
      } catch (IOException e) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "cannot list task folder " + dir + ": " + e.getMessage());
      }
      if (out.isEmpty()) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "task folder " + dir + " has no .yaml files");
      }
      return out;
    }
    List<Object> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Set<String> seenNames = new HashSet<>();
    Set<Path> seenFiles = new HashSet<>();
    for (String entry : new LinkedHashMap<String, Boolean>(toKeys(entries)).keySet()) {
      List<Object> matches = new ArrayList<>();
      if (entry.endsWith(".yaml")) {
        for (Path f : globFiles(entry)) {
          if (seenFiles.add(f)) {
            matches.add(inlineSpec(f));
          } else {
            matches.add(Boolean.TRUE);
          }
        }
      } else {
        for (String m : match(entry)) {
          matches.add(m);
        }
      }
      if (matches.isEmpty()) {
        missing.add(entry);
      }
      for (Object m : matches) {
        if (m instanceof String s) {
          if (seenNames.add(s)) {
            out.add(s);
          }
        } else if (!(m instanceof Boolean)) {
          out.add(m);
        }
      }
    }
    if (!missing.isEmpty()) {
      StringBuilder msg = new StringBuilder("Tasks not found: " + String.join(", ", missing));
      for (String m : missing) {
        String hint = Suggestions.didYouMean(m, index.entries().keySet());
        if (hint.startsWith("; did you mean")) {
          msg.append(" ('").append(m).append("'").append(hint).append(")");
        }
      }
      msg.append(". Try lm-eval ls tasks, or --include_path for your own YAML folders");
      throw new EvalException(ErrorCode.UNKNOWN_COMPONENT, msg.toString());
    }
    return out;
  }

  private static Map<String, Boolean> toKeys(List<String> entries) {
    Map<String, Boolean> m = new LinkedHashMap<>();
    for (String e : entries) {
      m.put(e.endsWith(".yaml") ? Path.of(e).toAbsolutePath().normalize().toString() : e, true);
    }
    return m;
  }

  /** Names in the index matching an fnmatch pattern, sorted (lm-eval's {@code pattern_match}). */
  public List<String> match(String pattern) {
    Pattern p = Fnmatch.compile(pattern);
    return index.entries().keySet().stream().filter(n -> p.matcher(n).matches()).sorted().toList();
  }

  private static List<Path> globFiles(String pattern) {
    Path abs = Path.of(pattern).toAbsolutePath().normalize();
    if (!Fnmatch.hasWildcards(abs.toString())) {
      return Files.isRegularFile(abs) ? List.of(abs) : List.of();
    }
    Path base = abs.getRoot();
    for (Path part : abs) {
      if (Fnmatch.hasWildcards(part.toString())) {
        break;
      }
      base = base.resolve(part);
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + abs);
    List<Path> out = new ArrayList<>();
    try (var walk = Files.walk(base)) {
      walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().forEach(out::add);
    } catch (IOException e) {
      return List.of();
    }
    return out;
  }

  private TaskFactory.Spec inlineSpec(Path file) {
    DirectoryTaskSource source = new DirectoryTaskSource(file.toAbsolutePath().getParent());
    ConfigLoader loader = new ConfigLoader(source);
    ConfigLoader.LoadedConfig cfg = loader.load(file.getFileName().toString());
    Map<String, Object> v = cfg.values();
    EntryKind kind = v.containsKey("class") ? EntryKind.PYTHON_TASK : v.containsKey("group") ? EntryKind.GROUP
        : v.containsKey("task") ? EntryKind.TASK : null;
    if (kind == null) {
      throw new EvalException(ErrorCode.INVALID_TASK, file + " is neither a task nor a group (it has no 'task' or "
          + "'group' key)");
    }
    Object name = kind == EntryKind.GROUP ? v.get("group") : v.get("task");
    if (!(name instanceof String n)) {
      throw new EvalException(ErrorCode.INVALID_TASK, file + ": the " + (kind == EntryKind.GROUP ? "group" : "task")
          + " name must be a string, got " + PyText.repr(name));
    }
    return new TaskFactory.Spec(n, kind, v, cfg.origins(), loader.display(file.getFileName().toString()), "inline");
  }

  // ------------------------------------------------------------------------------------ results

  private static void collect(TaskNode node, Map<String, EvalTask> tasks, Map<String, TaskNode.Group> groups) {
    if (node instanceof TaskNode.Leaf leaf) {
      tasks.put(leaf.name(), leaf.task());
      return;
    }
    TaskNode.Group g = (TaskNode.Group) node;
    groups.put(g.name(), g);
    List<TaskNode.Leaf> leaves = new ArrayList<>();
    addLeaves(g, leaves);
    List<TaskNode.Group> subgroups = new ArrayList<>();
    collectGroups(g, subgroups);
    for (TaskNode.Leaf l : leaves) {
      tasks.put(l.name(), l.task());
    }
    for (TaskNode.Group sg : subgroups) {
      groups.put(sg.name(), sg);
    }
  }

  /** lm-eval's {@code get_all_tasks}: leaf tasks depth first, in child order. */
  private static void addLeaves(TaskNode.Group g, List<TaskNode.Leaf> leaves) {
    for (TaskNode c : g.children()) {
      if (c instanceof TaskNode.Leaf l) {
        leaves.add(l);
      } else {
        addLeaves((TaskNode.Group) c, leaves);
      }
    }
  }

  /** lm-eval's {@code get_all_groups}: each subgroup, then its own subgroups. */
  private static void collectGroups(TaskNode.Group g, List<TaskNode.Group> out) {
    for (TaskNode c : g.children()) {
      if (c instanceof TaskNode.Group sg) {
        out.add(sg);
        collectGroups(sg, out);
      }
    }
  }

  private static void checkDuplicates(List<TaskNode> top) {
    Map<String, String> seen = new HashMap<>();
    for (TaskNode item : top) {
      String source = item.name();
      List<TaskNode.Leaf> leaves = new ArrayList<>();
      if (item instanceof TaskNode.Group g) {
        addLeaves(g, leaves);
      } else {
        leaves.add((TaskNode.Leaf) item);
      }
      for (TaskNode.Leaf l : leaves) {
        String prev = seen.get(l.name());
        if (prev != null && !prev.equals(source)) {
          throw new EvalException(ErrorCode.INVALID_ARGUMENT, "Duplicate task '" + l.name() + "': found in both '"
              + prev + "' and '" + source + "'; run overlapping groups in separate evaluations");
        }
        seen.put(l.name(), source);
      }
    }
  }

  /** Children before parents, starting from the groups nobody contains (lm-eval's aggregation order). */
  private static List<GroupSpec> bottomUp(Map<String, TaskNode.Group> groups) {
    Set<String> children = new TreeSet<>();
    for (TaskNode.Group g : groups.values()) {
      for (TaskNode c : g.children()) {
        if (c instanceof TaskNode.Group sg) {
          children.add(sg.name());
        }
      }
    }
    List<GroupSpec> out = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    for (TaskNode.Group g : groups.values()) {
      if (!children.contains(g.name())) {
        visit(g, visited, out);
      }
    }
    return out;
  }

  private static void visit(TaskNode.Group g, Set<String> visited, List<GroupSpec> out) {
    if (visited.contains(g.name())) {
      return;
    }
    for (TaskNode c : g.children()) {
      if (c instanceof TaskNode.Group sg) {
        visit(sg, visited, out);
      }
    }
    visited.add(g.name());
    out.add(g.spec());
  }
}
