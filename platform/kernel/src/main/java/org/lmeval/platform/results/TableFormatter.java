package org.lmeval.platform.results;

import org.lmeval.api.support.PythonStrings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lmeval.platform.eval.GroupAggregator;

/**
 * lm-eval's {@code make_table} (§7.5): the Markdown table of the {@code results} or {@code groups} part of
 * a results dictionary.
 *
 * <p>Rows: root groups (no group's child) sorted by name, each followed depth-first by its children
 * sorted by name, then every other entry sorted; the display name is the alias, prefixed by
 * {@code " " * depth + "- "} below the top level. Per entry one row per {@code "metric,filter"} key, keys
 * sorted; name and version only on the entry's first row; the arrow from {@code higher_is_better}; float
 * values as {@code %.4f}; stderr {@code %.4f} or {@code "   N/A"}, or empty cells when there is no stderr
 * key. Rendered by {@link MarkdownTable} as pytablewriter does.
 */
public final class TableFormatter {
  /** The table's headers after the first ("Tasks" or "Groups"). */
  private static final List<String> HEADERS = List.of("Version", "Filter", "n-shot", "Metric", "", "Value", "",
      "Stderr");

  private TableFormatter() {}

  /**
   * {@code make_table(result_dict, column)}.
   *
   * @param results the results dictionary (at least {@code results}/{@code groups}, {@code versions},
   *     {@code n-shot}, {@code higher_is_better}, {@code group_subtasks})
   * @param column {@code "results"} or {@code "groups"}
   */
  @SuppressWarnings("unchecked")
  public static String makeTable(Map<String, Object> results, String column) {
    List<String> headers = new ArrayList<>();
    headers.add(column.equals("groups") ? "Groups" : "Tasks");
    headers.addAll(HEADERS);
    Map<String, Object> entries = (Map<String, Object>) results.getOrDefault(column, Map.of());
    Map<String, Object> groupSubtasks = (Map<String, Object>) results.getOrDefault("group_subtasks", Map.of());
    Map<String, Object> nShot = (Map<String, Object>) results.getOrDefault("n-shot", Map.of());
    Map<String, Object> versions = (Map<String, Object>) results.getOrDefault("versions", Map.of());
    Map<String, Object> higherIsBetter = (Map<String, Object>) results.getOrDefault("higher_is_better", Map.of());

    Map<String, Integer> depth = new LinkedHashMap<>();
    List<String> keys = hierarchicalKeys(groupSubtasks, entries.keySet(), depth);
    List<List<Object>> rows = new ArrayList<>();
    for (String k : keys) {
      Map<String, Object> dic = new LinkedHashMap<>((Map<String, Object>) entries.get(k));
      Object version = versions.containsKey(k) ? versions.get(k) : "    N/A";
      String n = org.lmeval.platform.python.PythonStr.str(nShot.containsKey(k) ? nShot.get(k) : " ");
      Map<String, Object> hib = (Map<String, Object>) higherIsBetter.getOrDefault(k, Map.of());
      Object alias = dic.containsKey("alias") ? dic.remove("alias") : k;
      String displayName = org.lmeval.platform.python.PythonStr.str(alias);
      dic.remove("name");
      dic.remove("sample_len");
      dic.remove("sample_count");
      int d = depth.getOrDefault(k, 0);
      if (d > 0) {
        displayName = " ".repeat(d) + "- " + displayName;
      }
      Object name = displayName;
      Map<String, Object> sorted = new TreeMap<>(PythonStrings::compare);
      sorted.putAll(dic);
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        String mf = e.getKey();
        int comma = mf.indexOf(',');
        String m = comma < 0 ? mf : mf.substring(0, comma);
        String f = comma < 0 ? "" : mf.substring(comma + 1);
        if (m.endsWith("_stderr")) {
          continue;
        }
        Object h = hib.get(m);
        String arrow = Boolean.TRUE.equals(h) ? "↑" : Boolean.FALSE.equals(h) ? "↓" : "";
        Object v = e.getValue() instanceof Double x ? format4(x) : e.getValue();
        String stderrKey = m + "_stderr," + f;
        if (dic.containsKey(stderrKey)) {
          Object se = dic.get(stderrKey);
          String seText = "N/A".equals(se) ? "   N/A" : format4(((Number) se).doubleValue());
          rows.add(new ArrayList<>(java.util.Arrays.asList(name, version, f, n, m, arrow, v, "±", seText)));
        } else {
          rows.add(new ArrayList<>(java.util.Arrays.asList(name, version, f, n, m, arrow, v, "", "")));
        }
        name = "";
        version = "";
      }
    }
    return MarkdownTable.render(headers, rows);
  }

  /** {@code _build_hierarchy_info}: the display order, filling {@code depth}. */
  static List<String> hierarchicalKeys(Map<String, Object> groupSubtasks, Set<String> available,
      Map<String, Integer> depth) {
    List<String> ordered = new ArrayList<>();
    Set<String> allChildren = new HashSet<>();
    for (Object children : groupSubtasks.values()) {
      for (Object c : (List<?>) children) {
        allChildren.add(String.valueOf(c));
      }
    }
    for (String name : sortedCopy(groupSubtasks.keySet())) {
      if (!allChildren.contains(name)) {
        visit(name, 0, groupSubtasks, available, depth, ordered, new HashSet<>());
      }
    }
    for (String key : sortedCopy(available)) {
      if (!depth.containsKey(key)) {
        ordered.add(key);
      }
    }
    return ordered;
  }

  private static void visit(String name, int d, Map<String, Object> groupSubtasks, Set<String> available,
      Map<String, Integer> depth, List<String> ordered, Set<String> path) {
    if (!path.add(name)) {
      return;
    }
    depth.put(name, d);
    if (available.contains(name)) {
      ordered.add(name);
    }
    List<String> children = new ArrayList<>();
    Object list = groupSubtasks.get(name);
    if (list instanceof List<?> l) {
      l.forEach(c -> children.add(String.valueOf(c)));
    }
    for (String child : sortedCopy(children)) {
      visit(child, d + 1, groupSubtasks, available, depth, ordered, path);
    }
    path.remove(name);
  }

  /** Python's {@code f"{x:.4f}"}: round half to even on the exact binary value; {@code nan}, {@code inf}. */
  public static String format4(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    boolean negative = x < 0 || (x == 0 && 1 / x < 0);
    String digits = new BigDecimal(Math.abs(x)).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    return negative ? "-" + digits : digits;
  }

  private static List<String> sortedCopy(java.util.Collection<String> names) {
    List<String> out = new ArrayList<>(names);
    out.sort(PythonStrings::compare);
    return out;
  }
}
