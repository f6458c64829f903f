package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.support.YamlKwargs;

/** {@code take_first}: each request keeps its first response ({@code r[0]}); the list collapses to that value. */
public final class TakeFirstFilter implements Filter {
  static final String NAME = "take_first";

  static Filter create(Options kwargs) {
    YamlKwargs.of("filter '" + NAME + "'", kwargs);
    return new TakeFirstFilter();
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    List<Object> out = new ArrayList<>(responses.size());
    for (Object r : responses) {
      out.add(PySequences.index(r, 0, NAME));
    }
    return out;
  }
}
