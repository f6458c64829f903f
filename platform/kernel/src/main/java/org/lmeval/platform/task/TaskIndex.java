package org.lmeval.platform.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lmeval.api.task.TaskSource;

/**
 * Every task, group and tag name over a list of task sources (lm-eval's {@code TaskIndex}). Each source is
 * a root: its {@code .yaml} files (any depth, not under {@code __pycache__} or {@code .ipynb_checkpoints})
 * are visited in sorted path order, parsed with includes and classified: {@code class} → Python task,
 * {@code group} → group, {@code task} → task, anything else is skipped. Within a root the first file to
 * register a name wins; a later root overrides an earlier one.
 */
public final class TaskIndex {
  private static final System.Logger LOG = System.getLogger(TaskIndex.class.getName());

  private final Map<String, IndexEntry> entries;
  private final Map<TaskSource, ConfigLoader> loaders;
  private final List<String> skipped;

  private TaskIndex(Map<String, IndexEntry> entries, Map<TaskSource, ConfigLoader> loaders, List<String> skipped) {
    this.entries = entries;
    this.loaders = loaders;
    this.skipped = skipped;
  }

  /**
   * Builds the index.
   *
   * @param roots the task sources, earliest first (later ones override earlier names)
   * @param cache the on-disk cache of classification results, or null for none
   */
  public static TaskIndex build(List<? extends TaskSource> roots, TaskIndexCache cache) {
    Map<String, IndexEntry> index = new LinkedHashMap<>();
    Map<TaskSource, ConfigLoader> loaders = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    for (TaskSource root : roots) {
      ConfigLoader loader = new ConfigLoader(root);
      loaders.put(root, loader);
      Map<String, TaskIndexCache.FileRecord> previous = cache == null ? Map.of() : cache.read(root);
      Map<String, TaskIndexCache.FileRecord> records = new LinkedHashMap<>();
      Map<String, MutableEntry> rootIndex = new LinkedHashMap<>();
      Map<String, String> stampMemo = new java.util.HashMap<>();
      java.util.function.Function<String, String> stamps = p -> stampMemo.computeIfAbsent(p,
          f -> root instanceof StampedTaskSource s ? s.stamp(f).orElse(null) : null);
      for (String path : yamlFiles(root)) {
        TaskIndexCache.FileRecord record = previous.get(path);
        if (record == null || !record.isCurrent(stamps)) {
          record = classify(loader, path);
        }
        records.put(path, record);
        if (record.skipReason() != null) {
          skipped.add(loader.display(path) + ": " + record.skipReason());
          continue;
        }
        register(record, root, path, loader.display(path), rootIndex);
      }
      if (cache != null && !records.equals(previous)) {
        cache.write(root, records);
      }
      for (MutableEntry e : rootIndex.values()) {
        IndexEntry entry = e.freeze();
        IndexEntry old = index.put(entry.name(), entry);
        if (old != null) {
          LOG.log(System.Logger.Level.WARNING, "Task ''{0}'' from {1} overrides existing task from {2}",
              entry.name(), entry.displayPath(), old.displayPath());
        }
      }
    }
    return new TaskIndex(index, loaders, skipped);
  }

  /** The {@code .yaml} files of a source in lm-eval's visiting order. */
  static List<String> yamlFiles(TaskSource source) {
    List<String> out = new ArrayList<>();
    for (String f : new TreeSet<>(source.files())) {
      if (!f.endsWith(".yaml")) {
        continue;
      }
      boolean ignored = false;
      for (String part : f.split("/")) {
        if (part.equals("__pycache__") || part.equals(".ipynb_checkpoints")) {
          ignored = true;
          break;
        }
      }
      if (!ignored) {
        out.add(f);
      }
    }
    return out;
  }

  /** Parses one file with includes and classifies it. */
  static TaskIndexCache.FileRecord classify(ConfigLoader loader, String path) {
    ConfigLoader.LoadedConfig cfg;
    try {
      cfg = loader.load(path);
    } catch (RuntimeException e) {
      // not cacheable: the failing file may be an include whose stamp is unknown here
      return TaskIndexCache.FileRecord.skipped(Map.of(), String.valueOf(e.getMessage()));
    }
    Map<String, Object> v = cfg.values();
    Map<String, String> deps = stamps(loader.source(), cfg.files());
    String outputType = v.get("output_type") == null ? "" : String.valueOf(v.get("output_type"));
    if (v.containsKey("class")) {
      return named(deps, EntryKind.PYTHON_TASK, v.get("task"), v.get("tag"), outputType);
    }
    if (v.containsKey("group")) {
      return named(deps, EntryKind.GROUP, v.get("group"), v.get("tag"), outputType);
    }
    if (v.containsKey("task")) {
      return named(deps, EntryKind.TASK, v.get("task"), v.get("tag"), outputType);
    }
    return TaskIndexCache.FileRecord.skipped(deps, "no 'task', 'group' or 'class' key (keys: " + v.keySet() + ")");
  }

  private static TaskIndexCache.FileRecord named(Map<String, String> deps, EntryKind kind, Object name, Object tag,
      String outputType) {
    if (!(name instanceof String n)) {
      return TaskIndexCache.FileRecord.skipped(deps, "the " + (kind == EntryKind.GROUP ? "group" : "task")
          + " name is not a string: " + name);
    }
    List<String> tags = new ArrayList<>();
    if (tag instanceof String t && !t.isEmpty()) {
      tags.add(t);
    } else if (tag instanceof List<?> list) {
      for (Object o : list) {
        tags.add(String.valueOf(o));
      }
    }
    return new TaskIndexCache.FileRecord(deps, kind, n, tags, outputType, null);
  }

  private static Map<String, String> stamps(TaskSource source, Set<String> files) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : files) {
      out.put(f, source instanceof StampedTaskSource s ? s.stamp(f).orElse("") : "");
    }
    return out;
  }

  private static void register(TaskIndexCache.FileRecord r, TaskSource root, String path, String display,
      Map<String, MutableEntry> index) {
    if (index.containsKey(r.name())) {
      LOG.log(System.Logger.Level.DEBUG, "Duplicate name ''{0}'' from {1}; already registered from {2}", r.name(),
          display, index.get(r.name()).displayPath);
      return;
    }
    index.put(r.name(), new MutableEntry(r.name(), r.kind(), root, path, display, r.outputType(),
        new TreeSet<>(r.tags())));
    if (r.kind() == EntryKind.GROUP) {
      return;
    }
    for (String tag : r.tags()) {
      MutableEntry e = index.computeIfAbsent(tag,
          t -> new MutableEntry(t, EntryKind.TAG, null, null, null, "", new TreeSet<>()));
      if (e.kind == EntryKind.TAG) {
        e.tags.add(r.name());
      }
    }
  }

  /** The entry for a name, if any. */
  public Optional<IndexEntry> get(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** Every entry, by name (sorted). */
  public Map<String, IndexEntry> entries() {
    return Collections.unmodifiableMap(new TreeMap<>(entries));
  }

  /** The names of one kind, sorted. */
  public List<String> names(EntryKind kind) {
    return entries.values().stream().filter(e -> e.kind() == kind).map(IndexEntry::name).sorted().toList();
  }

  /** Files that were not indexed and why (lm-eval skips them silently). */
  public List<String> skipped() {
    return Collections.unmodifiableList(skipped);
  }

  /** The loader (with its parse cache) of a source of this index. */
  ConfigLoader loader(TaskSource source) {
    return loaders.computeIfAbsent(source, ConfigLoader::new);
  }

  private static final class MutableEntry {
    final String name;
    final EntryKind kind;
    final TaskSource source;
    final String path;
    final String displayPath;
    final String outputType;
    final TreeSet<String> tags;

    MutableEntry(String name, EntryKind kind, TaskSource source, String path, String displayPath, String outputType,
        TreeSet<String> tags) {
      this.name = name;
      this.kind = kind;
      this.source = source;
      this.path = path;
      this.displayPath = displayPath;
      this.outputType = outputType;
      this.tags = tags;
    }

    IndexEntry freeze() {
      return new IndexEntry(name, kind, source, path, displayPath, outputType, tags);
    }
  }
}
