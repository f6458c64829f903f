package org.lmeval.platform.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep copies of YAML values (lm-eval deep-copies configs before building tasks). */
final class Values {
  private Values() {}

  static Object deepCopy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      m.forEach((k, x) -> copy.put(k, deepCopy(x)));
      return copy;
    }
    if (v instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(x -> copy.add(deepCopy(x)));
      return copy;
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopyMap(Map<String, ?> m) {
    return (Map<String, Object>) deepCopy(m);
  }
}
