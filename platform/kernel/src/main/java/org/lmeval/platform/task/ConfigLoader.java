package org.lmeval.platform.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.task.TaskSource;

/**
 * Loads task YAML files of one {@link TaskSource} with their {@code include:}s resolved, as lm-eval's
 * {@code load_yaml}: includes are relative to the including file, applied in list order, then the file's
 * own keys win (a shallow merge); an included file's {@code task_list} is dropped. Includes resolve only
 * inside the same source. Parsed files and merged results are cached, so a template included by many files
 * is parsed once.
 */
final class ConfigLoader {
  private final TaskSource source;
  private final Map<String, TaskYamlParser.Parsed> parsed = new ConcurrentHashMap<>();
  private final Map<String, LoadedConfig> merged = new ConcurrentHashMap<>();

  /**
   * A file with its includes applied.
   *
   * @param values the merged top-level keys (treat as read-only; copy before changing)
   * @param origins where each top-level key was written
   * @param files the file and every file it includes, directly or not
   */
  record LoadedConfig(Map<String, Object> values, Map<String, Location> origins, Set<String> files) {}

  ConfigLoader(TaskSource source) {
    this.source = source;
  }

  TaskSource source() {
    return source;
  }

  /** The file as users see it. */
  String display(String path) {
    return source instanceof StampedTaskSource s ? s.displayPath(path) : source.id() + ":" + path;
  }

  /** Loads {@code path} with its includes resolved. */
  LoadedConfig load(String path) {
    return load(path, new ArrayDeque<>());
  }

  private LoadedConfig load(String path, Deque<String> stack) {
    LoadedConfig done = merged.get(path);
    if (done != null) {
      return done;
    }
    if (stack.contains(path)) {
      List<String> chain = new ArrayList<>();
      stack.descendingIterator().forEachRemaining(p -> chain.add(display(p)));
      chain.add(display(path));
      throw new EvalException(ErrorCode.INVALID_TASK, "include cycle: " + String.join(" -> ", chain));
    }
    TaskYamlParser.Parsed file = parse(path);
    Map<String, Location> ownOrigins = new LinkedHashMap<>();
    file.keyLines().forEach((k, line) -> ownOrigins.put(k, new Location(display(path), line)));
    Object includes = file.data().get("include");
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Location> origins = new LinkedHashMap<>();
    Set<String> files = new LinkedHashSet<>();
    files.add(path);
    if (file.data().containsKey("include")) {
      Location at = ownOrigins.get("include");
      List<?> list = includes instanceof List<?> l ? l : Collections.singletonList(includes);
      stack.push(path);
      try {
        for (Object inc : list) {
          if (!(inc instanceof String incPath)) {
            throw new EvalException(ErrorCode.INVALID_TASK, "include at " + at + " must be a file name or a list "
                + "of file names, got " + inc);
          }
          String target = resolveInclude(path, incPath, at);
          LoadedConfig included = load(target, stack);
          included.values().forEach((k, v) -> {
            if (!k.equals("task_list")) {
              values.put(k, v);
              origins.put(k, included.origins().get(k));
            }
          });
          files.addAll(included.files());
        }
      } finally {
        stack.pop();
      }
    }
    file.data().forEach((k, v) -> {
      if (!k.equals("include")) {
        values.put(k, v);
        origins.put(k, ownOrigins.get(k));
      }
    });
    LoadedConfig result = new LoadedConfig(Collections.unmodifiableMap(values),
        Collections.unmodifiableMap(origins), Collections.unmodifiableSet(files));
    merged.put(path, result);
    return result;
  }

  /** Parses one file (no includes), cached. */
  TaskYamlParser.Parsed parse(String path) {
    TaskYamlParser.Parsed p = parsed.get(path);
    if (p == null) {
      byte[] bytes;
      try (InputStream in = source.open(path)) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new EvalException(ErrorCode.INVALID_TASK, "cannot read " + display(path) + ": " + e.getMessage(), e);
      }
      p = TaskYamlParser.parse(bytes, display(path), folderSegments(path));
      parsed.put(path, p);
    }
    return p;
  }

  private List<String> folderSegments(String path) {
    List<String> segments = new ArrayList<>();
    if (source instanceof StampedTaskSource s) {
      segments.addAll(s.rootSegments());
    }
    int slash = path.lastIndexOf('/');
    if (slash > 0) {
      segments.addAll(Arrays.asList(path.substring(0, slash).split("/")));
    }
    return segments;
  }

  private String resolveInclude(String from, String inc, Location at) {
    String joined;
    if (inc.startsWith("/")) {
      if (!(source instanceof DirectoryTaskSource dir)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "include '" + inc + "' at " + at
            + " is an absolute path; includes resolve only inside " + source.id());
      }
      Path abs = Path.of(inc).normalize();
      if (!abs.startsWith(dir.root())) {
        throw new EvalException(ErrorCode.INVALID_TASK, "include '" + inc + "' at " + at + " is outside the task "
            + "folder " + dir.root() + "; includes resolve only inside the same task source");
      }
      joined = dir.root().relativize(abs).toString().replace('\\', '/');
    } else {
      int slash = from.lastIndexOf('/');
      joined = slash < 0 ? inc : from.substring(0, slash + 1) + inc;
    }
    String normal = normalize(joined);
    if (normal == null) {
      throw new EvalException(ErrorCode.INVALID_TASK, "include '" + inc + "' at " + at
          + " points outside the task source " + source.id() + "; includes resolve only inside the same source");
    }
    if (!source.files().contains(normal)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "include '" + inc + "' at " + at + " not found (looked for "
          + display(normal) + ")");
    }
    return normal;
  }

  /** Normalizes {@code a/./b/../c}; null if it climbs above the root. */
  static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }
}
