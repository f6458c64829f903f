package org.lmeval.plugin.filters;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmeval.api.support.PythonRegex;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.api.support.YamlKwargs;

/** Python regular expressions as lm-eval's extraction filters use them. */
final class Patterns {
  private Patterns() {}

  /** {@code re.compile(pattern)}; an invalid pattern is an error naming the filter and kwarg. */
  static PythonRegex compile(YamlKwargs kwargs, String key, String pattern) {
    try {
      return PythonRegex.compile(pattern);
    } catch (IllegalArgumentException e) {
      throw kwargs.invalid(key, "is not a valid Python regular expression " + pattern + ": " + e.getMessage());
    }
  }

  /**
   * {@code regex.findall(text)[group_select]} with Python's negative indexing, reduced to a string: for a
   * pattern with several groups, the first non-empty group, or {@code null} when all are empty. Empty when
   * nothing matched. A {@code group_select} beyond the matches also gives empty (lm-eval raises IndexError).
   */
  static Optional<Selected> select(PythonRegex regex, String text, int groupSelect) {
    List<Object> matches = regex.findall(text);
    if (matches.isEmpty()) {
      return Optional.empty();
    }
    int i = groupSelect < 0 ? groupSelect + matches.size() : groupSelect;
    if (i < 0 || i >= matches.size()) {
      return Optional.empty();
    }
    Object m = matches.get(i);
    if (regex.groups() > 1) {
      for (Object g : (List<?>) m) {
        String s = (String) g;
        if (!s.isEmpty()) {
          return Optional.of(new Selected(s));
        }
      }
      return Optional.of(new Selected(null));
    }
    return Optional.of(new Selected((String) m));
  }

  /**
   * lm-eval's {@code find_match} (of {@code multi_choice_regex} and the bbh utils filters): the selected match,
   * stripped, then looked up in {@code convert} when non-empty; {@code ""} when nothing (usable) matched (a
   * tuple of empty groups, or a {@code group_select} beyond the matches, where lm-eval raises IndexError).
   */
  static String findMatch(PythonRegex regex, String text, int groupSelect, Map<String, ?> convert) {
    Optional<Selected> m = select(regex, text, groupSelect);
    if (m.isEmpty() || m.get().text() == null) {
      return "";
    }
    String s = PythonStrings.strip(m.get().text());
    return !s.isEmpty() && convert.containsKey(s) ? String.valueOf(convert.get(s)) : s;
  }

  /**
   * The selected match.
   *
   * @param text the matched text, or {@code null} for a tuple of empty groups
   */
  record Selected(String text) {}
}
