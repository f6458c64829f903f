package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Options;
import org.lmeval.api.filter.Filter;
import org.lmeval.api.support.PythonRegex;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.api.support.YamlKwargs;

/**
 * {@code multi_choice_regex}: extracts a letter answer {@code (A)}, {@code (B)}, ... from a response, using the
 * document's {@code choices}, in three steps (lm-eval 0.4.13):
 * <ol>
 *   <li>{@code regex_pattern} as in {@code regex} (a tuple of empty groups counts as no match);</li>
 *   <li>else the choice texts themselves, searched in the response after the same normalisation as the choices
 *   ({@code regexes_to_ignore}, {@code ignore_case}, {@code ignore_punctuation} = drop Unicode punctuation),
 *   longest alternatives first; the matched choice becomes its letter;</li>
 *   <li>else {@code :} followed by a bare letter {@code A}, {@code B}, ... in the raw response;</li>
 * </ol>
 * and {@code fallback} otherwise. {@code group_select} applies to every step.
 */
public final class MultiChoiceRegexFilter implements Filter {
  static final String NAME = "multi_choice_regex";

  private final String name;
  private final Function<Map<String, Object>, List<String>> choicesOf;
  private final PythonRegex regex;
  private final int groupSelect;
  private final String fallback;
  private final Ignores ignores;

  private MultiChoiceRegexFilter(String name, Function<Map<String, Object>, List<String>> choicesOf, PythonRegex regex,
      int groupSelect, String fallback, Ignores ignores) {
    this.name = name;
    this.choicesOf = choicesOf;
    this.regex = regex;
    this.groupSelect = groupSelect;
    this.fallback = fallback;
    this.ignores = ignores;
  }

  static Filter create(Options kwargs) {
    return create(NAME, kwargs, MultiChoiceRegexFilter::choices);
  }

  /** The same steps under another filter name, with each document's choice texts read by {@code choicesOf}. */
  static Filter create(String name, Options kwargs, Function<Map<String, Object>, List<String>> choicesOf) {
    YamlKwargs k = YamlKwargs.of("filter '" + name + "'", kwargs, "regex_pattern", "group_select", "fallback",
        "ignore_case", "ignore_punctuation", "regexes_to_ignore");
    PythonRegex regex = Patterns.compile(k, "regex_pattern", k.string("regex_pattern", RegexFilter.DEFAULT_PATTERN));
    int groupSelect = k.integer("group_select", 0);
    String fallback = k.string("fallback", RegexFilter.DEFAULT_FALLBACK);
    return new MultiChoiceRegexFilter(name, choicesOf, regex, groupSelect, fallback, Ignores.read(k));
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    if (responses.size() != docs.size()) {
      throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + name + "' got " + responses.size()
          + " requests but " + docs.size() + " documents");
    }
    List<Object> out = new ArrayList<>(responses.size());
    for (int d = 0; d < responses.size(); d++) {
      List<String> choices = choicesOf.apply(docs.get(d));
      List<String> alternatives = new ArrayList<>();
      Map<String, String> choiceToLetter = new HashMap<>();
      List<String> letters = new ArrayList<>();
      Map<String, String> letterToAnswer = new HashMap<>();
      int letter = 'A';
      for (String c : choices) {
        String m = ignores.apply(PythonStrings.strip(c));
        alternatives.add(PythonRegex.escape(m));
        String l = new String(Character.toChars(letter));
        choiceToLetter.put(m, "(" + l + ")");
        letters.add(l);
        letterToAnswer.put(l, "(" + l + ")");
        letter++;
      }
      // longest first (stable), so that a choice that is a prefix of another cannot shadow it
      alternatives.sort(Comparator.comparingInt((String a) -> a.codePointCount(0, a.length())).reversed());
      PythonRegex choiceRegex = PythonRegex.compile(String.join("|", alternatives));
      PythonRegex letterRegex = PythonRegex.compile(":[\\s]*(" + String.join("|", letters) + ")");

      List<Object> extracted = new ArrayList<>();
      for (Object resp : PySequences.iterate(responses.get(d), name)) {
        String text = resp instanceof String s ? s : "";
        String match = Patterns.findMatch(regex, text, groupSelect, Map.of());
        if (match.isEmpty()) {
          match = Patterns.findMatch(choiceRegex, ignores.apply(text), groupSelect, choiceToLetter);
          if (match.isEmpty()) {
            match = Patterns.findMatch(letterRegex, text, groupSelect, letterToAnswer);
          }
        }
        extracted.add(match.isEmpty() ? fallback : match);
      }
      out.add(extracted);
    }
    return out;
  }

  private static List<String> choices(Map<String, Object> doc) {
    if (doc != null && doc.get("choices") instanceof List<?> list
        && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + NAME
        + "' needs each document's 'choices' field (a list of strings), got "
        + (doc == null || !doc.containsKey("choices") ? "no 'choices'" : PySequences.describe(doc.get("choices"))));
  }
}
