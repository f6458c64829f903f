package org.lmeval.plugin.filters;

import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.support.PythonRegex;

/**
 * bbh's {@code utils.MultiChoiceRegexFilter}: like {@code multi_choice_regex}, but the choices are read from the
 * document's {@code input}: each {@code (X)} followed by its text up to a newline, {@code ^} or {@code (}
 * ({@code \([A-Z]\)([^\n^(]*)}), the k-th becoming {@code (A)}, {@code (B)}, ... in order of appearance. Steps:
 * {@code regex_pattern} in the raw response; else the normalised choice texts ({@link Ignores}, longest first)
 * in the normalised response; else {@code :} and a bare letter in the raw response; else {@code fallback}.
 */
final class BbhMultiChoiceRegexFilter {
  private static final PythonRegex CHOICES = PythonRegex.compile("\\([A-Z]\\)([^\\n^(]*)");

  private BbhMultiChoiceRegexFilter() {}

  static Filter create(String name, Options kwargs) {
    return MultiChoiceRegexFilter.create(name, kwargs, doc -> choices(name, doc));
  }

  private static List<String> choices(String name, Map<String, Object> doc) {
    if (doc == null || !(doc.get("input") instanceof String input)) {
      throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + name + "' needs each document's 'input' "
          + "(a string with the (A) (B) ... choices), got " + PySequences.describe(doc == null ? null
          : doc.get("input")));
    }
    return CHOICES.findallStrings(input);
  }
}
