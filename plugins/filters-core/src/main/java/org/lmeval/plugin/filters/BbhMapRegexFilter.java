package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.support.PythonRegex;
import org.lmeval.api.support.YamlKwargs;

/**
 * bbh's {@code utils.MapRegexFilter}: the keys of {@code regex_pattern_to_value}, joined with {@code |}, are
 * searched in the normalised response ({@link Ignores}) and the {@code group_select}th match taken (first non-empty
 * group, stripped); then each key in order is searched in the normalised match and the first that matches gives
 * its value. {@code fallback} when the joined pattern or every key finds nothing.
 */
final class BbhMapRegexFilter implements Filter {
  private final PythonRegex whole;
  private final Map<PythonRegex, Object> regexToValue;
  private final int groupSelect;
  private final String fallback;
  private final Ignores ignores;

  private BbhMapRegexFilter(PythonRegex whole, Map<PythonRegex, Object> regexToValue, int groupSelect,
                            String fallback, Ignores ignores) {
    this.whole = whole;
    this.regexToValue = regexToValue;
    this.groupSelect = groupSelect;
    this.fallback = fallback;
    this.ignores = ignores;
  }

  static Filter create(String name, Options kwargs) {
    YamlKwargs k = YamlKwargs.of("filter '" + name + "'", kwargs, "regex_pattern_to_value", "group_select",
        "fallback", "ignore_case", "ignore_punctuation", "regexes_to_ignore");
    Map<PythonRegex, Object> regexToValue = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    k.mapping("regex_pattern_to_value").forEach((p, v) -> {
      String pattern = String.valueOf(p);
      keys.add(pattern);
      regexToValue.put(Patterns.compile(k, "regex_pattern_to_value", pattern), v);
    });
    PythonRegex whole = Patterns.compile(k, "regex_pattern_to_value", String.join("|", keys));
    return new BbhMapRegexFilter(whole, regexToValue, k.integer("group_select", 0),
        k.string("fallback", RegexFilter.DEFAULT_FALLBACK), Ignores.read(k));
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    List<Object> out = new ArrayList<>(responses.size());
    for (Object r : responses) {
      List<Object> filtered = new ArrayList<>();
      for (Object resp : PySequences.iterate(r, "MapRegexFilter")) {
        filtered.add(map((String) resp));
      }
      out.add(filtered);
    }
    return out;
  }

  private Object map(String resp) {
    String match = Patterns.findMatch(whole, ignores.apply(resp), groupSelect, Map.of());
    if (match.isEmpty()) {
      return fallback;
    }
    for (Map.Entry<PythonRegex, Object> e : regexToValue.entrySet()) {
      if (!Patterns.findMatch(e.getKey(), ignores.apply(match), groupSelect, Map.of()).isEmpty()) {
        return e.getValue();
      }
    }
    return fallback;
  }
}
