package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.support.PythonRegex;
import org.lmeval.api.support.YamlKwargs;

/**
 * {@code regex_pos}: each response, a printed list of {@code ('token', 'TAG')} tuples, becomes the list of its
 * tags, or {@code fallback} ({@code ["invalid"]}) when it has none. A response that is already a list of
 * (token, tag) pairs gives its tags. As in lm-eval, {@code regex_pattern} must compile but is not used.
 */
public final class RegexPosFilter implements Filter {
  static final String NAME = "regex_pos";
  private static final PythonRegex TAGGED = PythonRegex.compile("\\('([^']*)', '([^']*)'\\)");

  private final Object fallback;

  private RegexPosFilter(Object fallback) {
    this.fallback = fallback;
  }

  static Filter create(Options kwargs) {
    YamlKwargs k = YamlKwargs.of("filter '" + NAME + "'", kwargs, "regex_pattern", "group_select", "fallback");
    Patterns.compile(k, "regex_pattern", k.string("regex_pattern", "\\['(.*?)'\\]"));
    k.any("group_select");
    Object fallback = k.any("fallback");
    return new RegexPosFilter(fallback == null ? List.of("invalid") : fallback);
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    List<Object> out = new ArrayList<>(responses.size());
    for (Object r : responses) {
      List<Object> tagged = new ArrayList<>();
      for (Object resp : PySequences.iterate(r, NAME)) {
        tagged.add(tags(resp));
      }
      out.add(tagged);
    }
    return out;
  }

  private Object tags(Object resp) {
    List<Object> tags = new ArrayList<>();
    if (resp instanceof String s) {
      for (Object pair : TAGGED.findall(s)) {
        tags.add(((List<?>) pair).get(1));
      }
    } else if (resp instanceof List<?> pairs) {
      for (Object pair : pairs) {
        if (!(pair instanceof List<?> p) || p.size() != 2) {
          throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + NAME
              + "' expects (token, tag) pairs, got " + PySequences.describe(pair));
        }
        tags.add(p.get(1));
      }
    } else {
      throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + NAME + "' expects tagged text, got "
          + PySequences.describe(resp));
    }
    return tags.isEmpty() ? fallback : tags;
  }
}
