package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.support.PythonRegex;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.api.support.YamlKwargs;

/**
 * bbh's {@code utils.WordSortFilter} (no kwargs): the words after {@code List:} in the document's {@code input}
 * (whitespace-split) become the pattern {@code \bw1\b|\bw2\b|...} (words not escaped, as in lm-eval); each response
 * becomes its matches, each word kept at its last occurrence, joined by single spaces ({@code ""} when none).
 */
final class BbhWordSortFilter implements Filter {
  private final String name;

  private BbhWordSortFilter(String name) {
    this.name = name;
  }

  static Filter create(String name, Options kwargs) {
    YamlKwargs.of("filter '" + name + "'", kwargs);
    return new BbhWordSortFilter(name);
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    if (responses.size() != docs.size()) {
      throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + name + "' got " + responses.size()
          + " requests but " + docs.size() + " documents");
    }
    List<Object> out = new ArrayList<>(responses.size());
    for (int d = 0; d < responses.size(); d++) {
      PythonRegex words = wordsOf(docs.get(d));
      List<Object> filtered = new ArrayList<>();
      for (Object resp : PySequences.iterate(responses.get(d), name)) {
        List<String> matches = words.findallStrings((String) resp);
        // reverse, keep first occurrences, reverse again: each word at its last occurrence
        LinkedHashSet<String> lastFirst = new LinkedHashSet<>();
        for (int i = matches.size() - 1; i >= 0; i--) {
          lastFirst.add(matches.get(i));
        }
        List<String> ordered = new ArrayList<>(lastFirst);
        java.util.Collections.reverse(ordered);
        filtered.add(String.join(" ", ordered));
      }
      out.add(filtered);
    }
    return out;
  }

  private PythonRegex wordsOf(Map<String, Object> doc) {
    Object input = doc == null ? null : doc.get("input");
    List<String> parts = input instanceof String s ? PythonStrings.split(s, "List:") : List.of();
    if (parts.size() < 2) {
      throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + name + "' needs each document's 'input' to "
          + "contain 'List:' followed by the words to sort, got " + PySequences.describe(input));
    }
    List<String> alternatives = new ArrayList<>();
    for (String w : PythonStrings.split(PythonStrings.strip(parts.get(1)))) {
      alternatives.add("\\b" + w + "\\b");
    }
    String pattern = String.join("|", alternatives);
    try {
      return PythonRegex.compile(pattern);
    } catch (IllegalArgumentException e) {
      throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + name + "': the words of the document's 'input' "
          + "do not form a valid Python regular expression " + pattern + ": " + e.getMessage(), e);
    }
  }
}
