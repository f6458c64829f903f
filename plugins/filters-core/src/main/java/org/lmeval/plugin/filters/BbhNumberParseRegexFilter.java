package org.lmeval.plugin.filters;

import java.util.ArrayList;
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
 * bbh's {@code utils.NumberParseRegexFilter}: {@code regex_pattern} in the raw response as in {@code regex}; when
 * that finds nothing, a run of English number words in the lower-cased response ({@code group_select} applies
 * too), converted to digits by {@link WordToNumber}; else {@code fallback}. The {@code ignore_*} kwargs are
 * accepted and unused, as in lm-eval.
 */
final class BbhNumberParseRegexFilter implements Filter {
  /**
   * lm-eval's pattern for numbers written out in English. lm-eval compiles it with the {@code regex} module, where
   * {@code (?|teen|ty)} is a branch-reset group; it holds no capture group, so it is the plain {@code (?:teen|ty)}
   * here (note: no empty alternative, so a lone {@code eight} ends no run, as in lm-eval).
   */
  static final String ENGLISH_NUMBER = "((?:(?:zero|one|two|three|four|five|(?:twen|thir|for|fif|six|seven|nine)"
      + "(?:teen|ty)|eight(?:|een|y)|ten|eleven|twelve|fourteen|hundred|thousand|(?:m|b|tr)illion)"
      + "(?:zero|one|two|three|four|five|(?:twen|thir|for|fif|six|seven|nine)(?:|teen|ty)|eight(?:een|y)|ten|eleven"
      + "|twelve|fourteen|hundred|thousand|(?:m|b|tr)illion|[^\\S\r\n]|,|and|&)+)?"
      + "(?:zero|one|two|three|four|five|(?:twen|thir|for|fif|six|seven|nine)(?:teen|ty)|eight(?:een|y)|ten|eleven"
      + "|twelve|fourteen|hundred|thousand|(?:m|b|tr)illion))";
  private static final PythonRegex ENGLISH_NUMBER_REGEX = PythonRegex.compile(ENGLISH_NUMBER);

  private final String name;
  private final PythonRegex regex;
  private final int groupSelect;
  private final String fallback;

  private BbhNumberParseRegexFilter(String name, PythonRegex regex, int groupSelect, String fallback) {
    this.name = name;
    this.regex = regex;
    this.groupSelect = groupSelect;
    this.fallback = fallback;
  }

  static Filter create(String name, Options kwargs) {
    YamlKwargs k = YamlKwargs.of("filter '" + name + "'", kwargs, "regex_pattern", "group_select", "fallback",
        "ignore_case", "ignore_punctuation", "regexes_to_ignore");
    PythonRegex regex = Patterns.compile(k, "regex_pattern", k.string("regex_pattern", RegexFilter.DEFAULT_PATTERN));
    // stored by lm-eval's constructor, never applied by this filter
    k.bool("ignore_case", false);
    k.bool("ignore_punctuation", false);
    k.stringListOrNull("regexes_to_ignore");
    return new BbhNumberParseRegexFilter(name, regex, k.integer("group_select", 0),
        k.string("fallback", RegexFilter.DEFAULT_FALLBACK));
  }

  @Override
  public List<Object> apply(List<Object> responses, List<Map<String, Object>> docs) {
    List<Object> out = new ArrayList<>(responses.size());
    for (Object r : responses) {
      List<Object> filtered = new ArrayList<>();
      for (Object resp : PySequences.iterate(r, name)) {
        filtered.add(parse((String) resp));
      }
      out.add(filtered);
    }
    return out;
  }

  private String parse(String resp) {
    String match = Patterns.findMatch(regex, resp, groupSelect, Map.of());
    if (match.isEmpty()) {
      String words = Patterns.findMatch(ENGLISH_NUMBER_REGEX, PythonStrings.lower(resp), groupSelect, Map.of());
      if (!words.isEmpty()) {
        try {
          match = WordToNumber.wordToNum(words);
        } catch (IllegalArgumentException e) {
          throw new EvalException(ErrorCode.INVALID_TASK, "filter '" + name + "': cannot read the number words '"
              + words + "' of a response (word2number fails too, and lm-eval stops): " + e.getMessage(), e);
        }
      }
    }
    return match.isEmpty() ? fallback : match;
  }
}
