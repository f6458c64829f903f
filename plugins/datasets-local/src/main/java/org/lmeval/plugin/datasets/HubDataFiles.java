package org.lmeval.plugin.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/**
 * Which files of a dataset repo make up a config's splits, as {@code datasets.load_dataset} decides: the
 * card's {@code configs} ({@code data_files} in its three forms, {@code data_dir}, {@code default: true}),
 * else the default conventions (sharded {@code data/<split>-NNNNN-of-NNNNN} names, then split keywords in
 * folder then file names, then everything as {@code train}); then the format inferred from extensions.
 * For the parquet conversion branch: config = first folder, split = second.
 */
final class HubDataFiles {
  private HubDataFiles() {}

  static final List<String> FORMATS = List.of("parquet", "arrow", "jsonl", "json", "csv", "tsv", "txt");
  private static final Set<String> SKIPPED = Set.of("README.md", "config.json", "dataset_info.json",
      "dataset_infos.json", "dummy_data.zip", "dataset_dict.json");
  private static final Pattern SHARDED = Pattern.compile("data/(.+?)-\\d{5}-of-\\d{5}[^/]*\\.[^/]*");
  private static final Map<String, List<String>> KEYWORDS = new LinkedHashMap<>();

  static {
    KEYWORDS.put("train", List.of("train", "training"));
    KEYWORDS.put("validation", List.of("validation", "valid", "dev", "val"));
    KEYWORDS.put("test", List.of("test", "testing", "eval", "evaluation"));
  }

  /** A config's splits: split name to repo paths, in read order. */
  static Map<String, List<String>> splits(JsonNode cardData, String config, List<String> files, String what) {
    JsonNode configs = cardData == null ? null : cardData.path("configs");
    if (configs == null || !configs.isArray() || configs.isEmpty()) {
      if (config != null && !config.equals("default")) {
        throw new EvalException(ErrorCode.INVALID_TASK, what + ": the dataset has no config '" + config
            + "' (it has only 'default'; drop dataset_name or set it to null)");
      }
      return defaultConventions(files, "", what);
    }
    JsonNode chosen = choose(configs, config, what);
    String dataDir = chosen.path("data_dir").isTextual() ? trimSlashes(chosen.path("data_dir").asText()) + "/" : "";
    if (dataDir.equals("/")) {
      dataDir = "";
    }
    JsonNode df = chosen.get("data_files");
    if (df == null || df.isNull()) {
      return defaultConventions(files, dataDir, what);
    }
    Map<String, List<String>> patterns = new LinkedHashMap<>();
    if (df.isTextual()) {
      patterns.put("train", List.of(df.asText()));
    } else if (df.isArray() && df.size() > 0 && df.get(0).isObject()) {
      for (JsonNode s : df) {
        patterns.put(s.path("split").asText("train"), texts(s.get("path")));
      }
    } else if (df.isArray()) {
      patterns.put("train", texts(df));
    } else if (df.isObject()) {
      df.fields().forEachRemaining(e -> patterns.put(e.getKey(), texts(e.getValue())));
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : patterns.entrySet()) {
      List<String> matched = new ArrayList<>();
      for (String p : e.getValue()) {
        List<String> m = match(dataDir + p, files);
        if (m.isEmpty() && !hasWildcard(p)) {
          throw new EvalException(ErrorCode.INVALID_TASK, what + ": the card's data_files names '" + dataDir + p
              + "', which is not in the repo");
        }
        matched.addAll(m);
      }
      out.put(e.getKey(), matched);
    }
    return keepFormat(out, what);
  }

  /** The config names the card declares ({@code default} when none). */
  static List<String> configNames(JsonNode cardData) {
    JsonNode configs = cardData == null ? null : cardData.path("configs");
    List<String> out = new ArrayList<>();
    if (configs != null && configs.isArray()) {
      configs.forEach(c -> out.add(c.path("config_name").asText("default")));
    }
    return out.isEmpty() ? List.of("default") : out;
  }

  private static JsonNode choose(JsonNode configs, String config, String what) {
    List<String> names = new ArrayList<>();
    JsonNode byDefault = null;
    int defaults = 0;
    for (JsonNode c : configs) {
      String name = c.path("config_name").asText("default");
      names.add(name);
      if (config != null && config.equals(name)) {
        return c;
      }
      if (c.path("default").asBoolean(false) || name.equals("default")) {
        byDefault = c;
        defaults++;
      }
    }
    if (config != null) {
      throw new EvalException(ErrorCode.INVALID_TASK, what + ": the dataset has no config '" + config
          + "'; available: " + String.join(", ", names) + " (set dataset_name to one of them)");
    }
    if (configs.size() == 1) {
      return configs.get(0);
    }
    if (defaults == 1) {
      return byDefault;
    }
    throw new EvalException(ErrorCode.INVALID_TASK, what + ": config name is missing; the dataset has several: "
        + String.join(", ", names) + " (set dataset_name to one of them)");
  }

  private static Map<String, List<String>> defaultConventions(List<String> all, String dataDir, String what) {
    List<String> files = new ArrayList<>();
    for (String f : all) {
      if (f.startsWith(dataDir) && visible(f.substring(dataDir.length()), "")) {
        files.add(f);
      }
    }
    files.sort(null);
    Map<String, List<String>> out = new LinkedHashMap<>();
    TreeMap<String, List<String>> sharded = new TreeMap<>();
    for (String f : files) {
      var m = SHARDED.matcher(f.substring(dataDir.length()));
      if (m.matches()) {
        sharded.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(f);
      }
    }
    if (!sharded.isEmpty()) {
      for (String s : List.of("train", "validation", "test")) {
        if (sharded.containsKey(s)) {
          out.put(s, sharded.remove(s));
        }
      }
      out.putAll(sharded);
      return keepFormat(out, what);
    }
    for (boolean folders : new boolean[] {true, false}) {
      for (Map.Entry<String, List<String>> split : KEYWORDS.entrySet()) {
        List<String> matched = new ArrayList<>();
        for (String f : files) {
          String rel = f.substring(dataDir.length());
          for (String kw : split.getValue()) {
            if (keyword(rel, kw, folders)) {
              matched.add(f);
              break;
            }
          }
        }
        if (!matched.isEmpty()) {
          out.put(split.getKey(), matched);
        }
      }
      if (!out.isEmpty()) {
        return keepFormat(out, what);
      }
    }
    out.put("train", files);
    return keepFormat(out, what);
  }

  /** A split keyword in a folder name (stage 3) or in the file name (stage 4), delimited by {@code [-._ 0-9]}. */
  private static boolean keyword(String rel, String kw, boolean inFolder) {
    String[] parts = rel.split("/");
    String delim = "[-._ 0-9]";
    Pattern p = Pattern.compile("(.*" + delim + ")?" + Pattern.quote(kw) + "(" + delim + ".*)?");
    if (inFolder) {
      for (int i = 0; i < parts.length - 1; i++) {
        if (p.matcher(parts[i]).matches()) {
          return true;
        }
      }
      return false;
    }
    return p.matcher(parts[parts.length - 1]).matches();
  }

  /** Keeps files with a supported extension, then only those of the most frequent format (ties: FORMATS order). */
  private static Map<String, List<String>> keepFormat(Map<String, List<String>> splits, String what) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (List<String> files : splits.values()) {
      for (String f : files) {
        for (String ext : extensions(f)) {
          if (FORMATS.contains(ext)) {
            counts.merge(ext, 1, Integer::sum);
          }
        }
      }
    }
    if (counts.isEmpty()) {
      throw new EvalException(ErrorCode.INVALID_TASK, what + ": the repo has no data files this reader supports ("
          + String.join(", ", FORMATS) + ")");
    }
    String format = null;
    for (String f : FORMATS) {
      if (counts.containsKey(f) && (format == null || counts.get(f) > counts.get(format))) {
        format = f;
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : splits.entrySet()) {
      List<String> kept = new ArrayList<>();
      for (String f : e.getValue()) {
        if (extensions(f).contains(format)) {
          kept.add(f);
        }
      }
      if (!kept.isEmpty()) {
        out.put(e.getKey(), kept);
      }
    }
    return out;
  }

  static List<String> extensions(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String[] parts = name.split("\\.");
    return parts.length < 2 ? List.of() : List.of(parts).subList(1, parts.length);
  }

  /** Splits of the parquet conversion: {@code <config>/<split>/NNNN.parquet}; {@code partial-} only if allowed. */
  static Map<String, List<String>> parquetBranch(List<String> files, String config, boolean allowPartial,
      String what) {
    String cfg = config == null ? "default" : config;
    Set<String> configs = new LinkedHashSet<>();
    Map<String, List<String>> out = new TreeMap<>();
    Set<String> partial = new LinkedHashSet<>();
    List<String> sorted = new ArrayList<>(files);
    sorted.sort(null);
    for (String f : sorted) {
      String[] parts = f.split("/");
      if (parts.length != 3 || !f.endsWith(".parquet")) {
        continue;
      }
      configs.add(parts[0]);
      if (!parts[0].equals(cfg)) {
        continue;
      }
      String split = parts[1].replaceFirst("-part\\d+$", "");
      if (split.startsWith("partial-")) {
        partial.add(split.substring("partial-".length()));
        if (!allowPartial) {
          continue;
        }
        split = split.substring("partial-".length());
      }
      out.computeIfAbsent(split, k -> new ArrayList<>()).add(f);
    }
    if (!configs.contains(cfg)) {
      throw new EvalException(ErrorCode.INVALID_TASK, what + ": the dataset's parquet conversion has no config '"
          + cfg + "'; available: " + String.join(", ", configs) + " (set dataset_name to one of them)");
    }
    for (String p : partial) {
      if (!allowPartial && !out.containsKey(p)) {
        out.put(p, null); // marks "only partially converted"
      }
    }
    return out;
  }

  private static List<String> match(String pattern, List<String> files) {
    Pattern re = Pattern.compile(globToRegex(pattern));
    String base = pattern.substring(pattern.lastIndexOf('/') + 1);
    List<String> out = new ArrayList<>();
    for (String f : files) {
      if (re.matcher(f).matches() && (hidden(pattern) || visible(f, base))) {
        out.add(f);
      }
    }
    out.sort(null);
    return out;
  }

  private static boolean hidden(String pattern) {
    for (String seg : pattern.split("/")) {
      if (seg.startsWith(".") || seg.startsWith("__")) {
        return true;
      }
    }
    return false;
  }

  private static boolean visible(String f, String patternBase) {
    for (String seg : f.split("/")) {
      if (seg.startsWith(".") || seg.startsWith("__")) {
        return false;
      }
    }
    String name = f.substring(f.lastIndexOf('/') + 1);
    return !SKIPPED.contains(name) || name.equals(patternBase);
  }

  /** fsspec glob: {@code *} within a segment, {@code **} any number of segments, {@code ?}, {@code [...]}. */
  static String globToRegex(String glob) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        b.append(slashAfter ? "(?:[^/]*/)*" : ".*");
        i += slashAfter ? 2 : 1;
      } else if (c == '*') {
        b.append("[^/]*");
      } else if (c == '?') {
        b.append("[^/]");
      } else if (c == '[') {
        int end = glob.indexOf(']', i + 1);
        if (end < 0) {
          b.append("\\[");
        } else {
          String cls = glob.substring(i + 1, end);
          b.append('[').append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
          i = end;
        }
      } else {
        b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return b.toString();
  }

  private static boolean hasWildcard(String p) {
    return p.indexOf('*') >= 0 || p.indexOf('?') >= 0 || p.indexOf('[') >= 0;
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else {
      out.add(n.asText());
    }
    return out;
  }

  private static String trimSlashes(String s) {
    return s.replaceAll("^/+|/+$", "");
  }
}
