package org.lmeval.plugin.filters;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.support.PythonRegex;
import org.lmeval.api.support.PythonStrings;
import org.lmeval.api.support.YamlKwargs;

/**
 * lm-eval's {@code filter_ignores} (of {@code multi_choice_regex} and of the bbh utils filters): every
 * {@code regexes_to_ignore} match removed ({@code re.sub(p, "", s)}, in order), then {@code ignore_case}
 * lower-cases, then {@code ignore_punctuation} drops every code point of Unicode category P*.
 *
 * @param regexesToIgnore the patterns removed first
 * @param ignoreCase whether to lower-case
 * @param ignorePunctuation whether to drop punctuation
 */
record Ignores(List<PythonRegex> regexesToIgnore, boolean ignoreCase, boolean ignorePunctuation) {
  Ignores {
    regexesToIgnore = List.copyOf(regexesToIgnore);
  }

  /** Reads {@code ignore_case}, {@code ignore_punctuation} (default false) and {@code regexes_to_ignore}. */
  static Ignores read(YamlKwargs k) {
    boolean ignoreCase = k.bool("ignore_case", false);
    boolean ignorePunctuation = k.bool("ignore_punctuation", false);
    List<PythonRegex> ignore = new ArrayList<>();
    List<String> patterns = k.stringListOrNull("regexes_to_ignore");
    if (patterns != null) {
      for (String p : patterns) {
        ignore.add(Patterns.compile(k, "regexes_to_ignore", p));
      }
    }
    return new Ignores(ignore, ignoreCase, ignorePunctuation);
  }

  String apply(String s) {
    for (PythonRegex r : regexesToIgnore) {
      s = r.sub("", s);
    }
    if (ignoreCase) {
      s = PythonStrings.lower(s);
    }
    if (ignorePunctuation) {
      StringBuilder sb = new StringBuilder(s.length());
      s.codePoints().filter(cp -> !isPunctuation(cp)).forEach(sb::appendCodePoint);
      s = sb.toString();
    }
    return s;
  }

  /** Unicode general category P* (Pc, Pd, Ps, Pe, Pi, Pf, Po). */
  private static boolean isPunctuation(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }
}
