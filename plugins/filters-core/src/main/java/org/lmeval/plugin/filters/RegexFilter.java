package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.support.PythonRegex;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.api.support.YamlKwargs;

/**
 * {@code regex}: each response becomes {@code re.findall(regex_pattern, response)[group_select]}, stripped; with
 * several groups the first non-empty one; {@code fallback} when nothing matches (or every group is empty, in
 * which case the fallback is stripped too). A non-string response is searched as {@code ""}. Defaults:
 * {@code regex_pattern} {@code #### (\-?[0-9\.\,]+)}, {@code group_select} 0, {@code fallback} {@code [invalid]}.
 * A {@code group_select} beyond the matches gives the fallback (lm-eval 0.4.13 raises IndexError).
 */
public final class RegexFilter implements Filter {
  static final String NAME = "regex";
  static final String DEFAULT_PATTERN = "#### (\\-?[0-9\\.\\,]+)";
  static final String DEFAULT_FALLBACK = "[invalid]";

  private final PythonRegex regex;
  private final int groupSelect;
  private final String fallback;

  private RegexFilter(PythonRegex regex, int groupSelect, String fallback) {
    this.regex = regex;
    this.groupSelect = groupSelect;
    this.fallback = fallback;
  }

  static Filter create(Options kwargs) {
    YamlKwargs k = YamlKwargs.of("filter '" + NAME + "'", kwargs, "regex_pattern", "group_select", "fallback");
    PythonRegex regex = Patterns.compile(k, "regex_pattern", k.string("regex_pattern", DEFAULT_PATTERN));
    return new RegexFilter(regex, k.integer("group_select", 0), k.string("fallback", DEFAULT_FALLBACK));
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    List<Object> out = new ArrayList<>(responses.size());
    for (Object r : responses) {
      List<Object> extracted = new ArrayList<>();
      for (Object resp : PySequences.iterate(r, NAME)) {
        extracted.add(extract(resp instanceof String s ? s : ""));
      }
      out.add(extracted);
    }
    return out;
  }

  private String extract(String text) {
    Optional<Patterns.Selected> m = Patterns.select(regex, text, groupSelect);
    if (m.isEmpty()) {
      return fallback;
    }
    String s = m.get().text();
    return PythonStrings.strip(s == null ? fallback : s);
  }
}
