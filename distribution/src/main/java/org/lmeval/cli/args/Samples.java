package org.lmeval.cli.args;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --samples}: a JSON object mapping task names to lists of document indices, given inline or as the
 * path of a JSON file (lm-eval's {@code try_parse_json} then {@code EvaluatorConfig._process_arguments}).
 */
public final class Samples {
  private Samples() {}

  /** The flag's text: JSON if it parses, else kept as text (a file path); invalid JSON with a brace fails. */
  public static Object fromFlag(String text) {
    return JsonArgs.tryParse("--samples", text);
  }

  /**
   * The final mapping from a flag or config value: a map, a JSON string, or the path of a JSON file.
   *
   * @param baseDir what a relative file path is resolved against (the working directory)
   */
  public static Map<String, List<Integer>> resolve(Object value, Path baseDir) {
    Object parsed = value;
    if (value instanceof String text) {
      parsed = JsonArgs.parseOrNull(text);
      if (parsed == null) {
        Path file = baseDir.resolve(text);
        if (!Files.isRegularFile(file)) {
          throw new ArgumentException("argument --samples: '" + text + "' is neither a JSON object nor a file "
              + "(expected e.g. '{\"arc_easy\": [0, 1, 2]}' or the path of a file holding that)");
        }
        try {
          parsed = JsonArgs.parseOrNull(Files.readString(file));
        } catch (IOException e) {
          throw new ArgumentException("argument --samples: cannot read " + file + ": " + e.getMessage());
        }
        if (parsed == null) {
          throw new ArgumentException("argument --samples: " + file + " is not valid JSON");
        }
      }
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new ArgumentException("argument --samples: expected a JSON object mapping task names to lists of "
          + "doc indices, got " + value);
    }
    Map<String, List<Integer>> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String task = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof List<?> list)) {
        throw new ArgumentException("argument --samples: the value for task '" + task
            + "' must be a list of doc indices, got " + e.getValue());
      }
      List<Integer> indices = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof Integer i) || i < 0) {
          throw new ArgumentException("argument --samples: task '" + task
              + "' has an invalid doc index " + o + " (indices are integers >= 0)");
        }
        indices.add(i);
      }
      result.put(task, Collections.unmodifiableList(indices));
    }
    return Collections.unmodifiableMap(result);
  }
}
