package org.lmeval.plugin.datasets;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Hugging Face's {@code data_files}: a file or list of files (the {@code train} split) or a mapping from
 * split to a file or list of files; glob patterns are expanded (sorted); relative paths resolve against
 * {@code data_dir} when given, else the working directory.
 */
final class DataFiles {
  private DataFiles() {}

  static Map<String, List<String>> splits(Object dataFiles, String what) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (dataFiles instanceof String s) {
      out.put("train", List.of(s));
    } else if (dataFiles instanceof List<?> l) {
      out.put("train", strings(l, what));
    } else if (dataFiles instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof List<?> l ? strings(l, what)
          : List.of(String.valueOf(v))));
    } else {
      throw new EvalException(ErrorCode.INVALID_TASK, what + ": dataset_kwargs.data_files must name the data files "
          + "(a path, a list of paths, or a mapping from split to paths), got " + dataFiles);
    }
    return out;
  }

  private static List<String> strings(List<?> l, String what) {
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  /** The files a list of paths or patterns names, in order. */
  static List<Path> resolve(List<String> patterns, String dataDir, String what) {
    List<Path> out = new ArrayList<>();
    Path base = dataDir == null ? Path.of("") : Path.of(dataDir);
    for (String p : patterns) {
      Path path = base.resolve(p).toAbsolutePath().normalize();
      if (p.indexOf('*') < 0 && p.indexOf('?') < 0 && p.indexOf('[') < 0) {
        if (!Files.isRegularFile(path)) {
          throw new EvalException(ErrorCode.INVALID_TASK, what + ": data file " + path + " does not exist");
        }
        out.add(path);
        continue;
      }
      Path root = path.getRoot();
      for (Path part : path) {
        String s = part.toString();
        if (s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0) {
          break;
        }
        root = root.resolve(part);
      }
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + path);
      List<Path> found = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile).filter(m::matches).sorted().forEach(found::add);
      } catch (IOException e) {
        // reported below as no match
      }
      if (found.isEmpty()) {
        throw new EvalException(ErrorCode.INVALID_TASK, what + ": no data file matches " + path);
      }
      out.addAll(found);
    }
    return out;
  }
}
