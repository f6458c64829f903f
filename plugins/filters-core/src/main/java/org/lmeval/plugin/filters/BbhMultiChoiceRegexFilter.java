package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * bbh's {@code utils.MultiChoiceRegexFilter}: like {@code multi_choice_regex}, but the choices are read from the
 * document's {@code input}: each {@code (X)} followed by its text up to a newline, {@code ^} or {@code (}
 * ({@code \([A-Z]\)([^\n^(]*)}), the k-th becoming {@code (A)}, {@code (B)}, ... in order of appearance. Steps:
 * {@code regex_pattern} in the raw response; else the normalised choice texts ({@link Ignores}, longest first)
 * in the normalised response; else {@code :} and a bare letter in the raw response; else {@code fallback}.
 */
final class BbhMultiChoiceRegexFilter implements Filter {
  private static final PythonRegex CHOICES = PythonRegex.compile("\\([A-Z]\\)([^\\n^(]*)");

  private final String name;
  private final PythonRegex regex;
  private final int groupSelect;
  private final String fallback;
  private final Ignores ignores;

  private BbhMultiChoiceRegexFilter(String name, PythonRegex regex, int groupSelect, String fallback,
                                    Ignores ignores) {
    this.name = name;
    this.regex = regex;
    this.groupSelect = groupSelect;
    this.fallback = fallback;
    this.ignores = ignores;
  }

  static Filter create(String name, Options kwargs) {
    YamlKwargs k = YamlKwargs.of("filter '" + name + "'", kwargs, "regex_pattern", "group_select", "fallback",
        "ignore_case", "ignore_punctuation", "regexes_to_ignore");
    PythonRegex regex = Patterns.compile(k, "regex_pattern", k.string("regex_pattern", RegexFilter.DEFAULT_PATTERN));
    return new BbhMultiChoiceRegexFilter(name, regex, k.integer("group_select", 0),
        k.string("fallback", RegexFilter.DEFAULT_FALLBACK), Ignores.read(k));
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    if (responses.size() != docs.size()) {
      throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + name + "' got " + responses.size()
          + " requests but " + docs.size() + " documents");
    }
    List<Object> out = new ArrayList<>(responses.size());
    for (int d = 0; d < responses.size(); d++) {
      Map<String, Object> doc = docs.get(d);
      if (doc == null || !(doc.get("input") instanceof String input)) {
        throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + name + "' needs each document's 'input' "
            + "(a string with the (A) (B) ... choices), got " + PySequences.describe(doc == null ? null
            : doc.get("input")));
      }
      List<String> alternatives = new ArrayList<>();
      Map<String, String> choiceToLetter = new HashMap<>();
      List<String> letters = new ArrayList<>();
      Map<String, String> letterToAnswer = new HashMap<>();
      int letter = 'A';
      for (String c : CHOICES.findallStrings(input)) {
        String m = ignores.apply(PythonStrings.strip(c));
        alternatives.add(PythonRegex.escape(m));
        String l = new String(Character.toChars(letter));
        choiceToLetter.put(m, "(" + l + ")");
        letters.add(l);
        letterToAnswer.put(l, "(" + l + ")");
        letter++;
      }
      // longest first (stable sort, as Python's), so that a choice that is a prefix of another cannot shadow it
      alternatives.sort(Comparator.comparingInt((String a) -> a.codePointCount(0, a.length())).reversed());
      PythonRegex choiceRegex = PythonRegex.compile(String.join("|", alternatives));
      PythonRegex letterRegex = PythonRegex.compile(":[\\s]*(" + String.join("|", letters) + ")");

      List<Object> filtered = new ArrayList<>();
      for (Object resp : PySequences.iterate(responses.get(d), name)) {
        String text = (String) resp;
        String match = Patterns.findMatch(regex, text, groupSelect, Map.of());
        if (match.isEmpty()) {
          match = Patterns.findMatch(choiceRegex, ignores.apply(text), groupSelect, choiceToLetter);
          if (match.isEmpty()) {
            match = Patterns.findMatch(letterRegex, text, groupSelect, letterToAnswer);
          }
        }
        filtered.add(match.isEmpty() ? fallback : match);
      }
      out.add(filtered);
    }
    return out;
  }
}
