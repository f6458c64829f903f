package org.lmeval.plugin.datasets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives loaded rows the shape an Arrow table gives them in Hugging Face {@code datasets}: every row has
 * every column (in first-appearance order; missing values are null), and a column that mixes integers
 * and floats holds floats.
 */
final class Records {
  private Records() {}

  static List<Map<String, Object>> asTable(List<Map<String, Object>> rows) {
    Set<String> columns = new LinkedHashSet<>();
    for (Map<String, Object> r : rows) {
      columns.addAll(r.keySet());
    }
    Set<String> floatColumns = new LinkedHashSet<>();
    for (String c : columns) {
      boolean hasInt = false;
      boolean hasFloat = false;
      for (Map<String, Object> r : rows) {
        Object v = r.get(c);
        hasInt |= v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger;
        hasFloat |= v instanceof Double;
      }
      if (hasInt && hasFloat) {
        floatColumns.add(c);
      }
    }
    boolean uniform = floatColumns.isEmpty();
    for (Map<String, Object> r : rows) {
      if (r.size() != columns.size() || !r.keySet().equals(columns)) {
        uniform = false;
        break;
      }
    }
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      Map<String, Object> row;
      if (uniform && sameOrder(r.keySet(), columns)) {
        row = r;
      } else {
        row = new LinkedHashMap<>();
        for (String c : columns) {
          Object v = r.get(c);
          if (v instanceof Number n && floatColumns.contains(c)) {
            v = n.doubleValue();
          }
          row.put(c, v);
        }
      }
      out.add(Collections.unmodifiableMap(row));
    }
    return out;
  }

  private static boolean sameOrder(Set<String> a, Set<String> b) {
    var ia = a.iterator();
    var ib = b.iterator();
    while (ia.hasNext() && ib.hasNext()) {
      if (!ia.next().equals(ib.next())) {
        return false;
      }
    }
    return !ia.hasNext() && !ib.hasNext();
  }
}
