package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.support.YamlKwargs;

/**
 * {@code map}: replaces each response by {@code mapping_dict.get(response, default_value)} (keys compared with
 * Python equality, so {@code 1}, {@code 1.0} and {@code true} are the same key).
 */
public final class MapFilter implements Filter {
  static final String NAME = "map";
  private final Map<?, ?> mapping;
  private final Object defaultValue;

  private MapFilter(Map<?, ?> mapping, Object defaultValue) {
    this.mapping = mapping;
    this.defaultValue = defaultValue;
  }

  static Filter create(Options kwargs) {
    YamlKwargs k = YamlKwargs.of("filter '" + NAME + "'", kwargs, "mapping_dict", "default_value");
    return new MapFilter(k.mapping("mapping_dict"), k.any("default_value"));
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    List<Object> out = new ArrayList<>(responses.size());
    for (Object r : responses) {
      List<Object> mapped = new ArrayList<>();
      for (Object x : PySequences.iterate(r, NAME)) {
        mapped.add(lookup(x));
      }
      out.add(mapped);
    }
    return out;
  }

  private Object lookup(Object key) {
    if (key != null && mapping.containsKey(key)) {
      return mapping.get(key);
    }
    for (Map.Entry<?, ?> e : mapping.entrySet()) {
      if (pythonEquals(e.getKey(), key)) {
        return e.getValue();
      }
    }
    return defaultValue;
  }

  private static boolean pythonEquals(Object a, Object b) {
    Double x = numeric(a);
    Double y = numeric(b);
    if (x != null && y != null) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }

  private static Double numeric(Object o) {
    if (o instanceof Boolean bool) {
      return bool ? 1.0 : 0.0;
    }
    return o instanceof Number n ? n.doubleValue() : null;
  }
}
