package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.filter.FilterFactory;

/** Builds filter steps through the plugin's factories, as the kernel does. */
final class Steps {
  private static final Map<String, FilterFactory> FACTORIES = new HashMap<>();

  static {
    for (FilterFactory f : new FiltersPlugin().filters()) {
      FACTORIES.put(f.name(), f);
    }
  }

  private Steps() {}

  static Filter step(String name, Map<String, ?> kwargs) {
    return FACTORIES.get(name).create(Options.of("filter kwarg", kwargs));
  }

  static Filter step(String name) {
    return step(name, Map.of());
  }

  /** Applies a step to requests given as lists of responses, without documents. */
  static List<Object> apply(Filter f, List<?> responses) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (int i = 0; i < responses.size(); i++) {
      docs.add(Map.of());
    }
    return f.apply(new ArrayList<>(responses), docs);
  }
}
