package org.lmeval.plugin.metrics.text;

import java.util.ArrayList;
import java.util.List;
import org.lmeval.api.support.PythonRegex;
import org.lmeval.api.support.PythonStrings;

/**
 * The string preparation of lm-eval's {@code exact_match} (HF evaluate's {@code exact_match}), applied to an
 * array of strings the way numpy holds it: each pattern of {@code regexes_to_ignore} removed in turn with
 * Python's {@code re.sub}, then {@code ignore_case} (Python {@code lower}, cut to the array's fixed width, as
 * {@code np.char.lower} does), {@code ignore_punctuation} (ASCII {@code string.punctuation}) and
 * {@code ignore_numbers} (ASCII digits). Trailing NULs vanish as in numpy's fixed-width strings.
 */
final class ExactMatchNormalizer {
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private final List<PythonRegex> regexesToIgnore;
  private final boolean ignoreCase;
  private final boolean ignorePunctuation;
  private final boolean ignoreNumbers;

  ExactMatchNormalizer(List<PythonRegex> regexesToIgnore, boolean ignoreCase, boolean ignorePunctuation,
                       boolean ignoreNumbers) {
    this.regexesToIgnore = List.copyOf(regexesToIgnore);
    this.ignoreCase = ignoreCase;
    this.ignorePunctuation = ignorePunctuation;
    this.ignoreNumbers = ignoreNumbers;
  }

  boolean usesRegexes() {
    return !regexesToIgnore.isEmpty();
  }

  /** The prepared strings of one numpy array (all predictions, or all references). */
  List<String> normalize(List<String> array) {
    List<String> xs = new ArrayList<>(array.size());
    for (String s : array) {
      xs.add(withoutTrailingNuls(s));
    }
    if (!regexesToIgnore.isEmpty()) {
      xs = new ArrayList<>(array);
      for (PythonRegex regex : regexesToIgnore) {
        xs.replaceAll(s -> withoutTrailingNuls(regex.sub("", s)));
      }
    }
    if (ignoreCase) {
      int width = 0;
      for (String s : xs) {
        width = Math.max(width, s.codePointCount(0, s.length()));
      }
      int w = width;
      xs.replaceAll(s -> withoutTrailingNuls(truncate(PythonStrings.lower(s), w)));
    }
    if (ignorePunctuation) {
      xs.replaceAll(s -> withoutTrailingNuls(remove(s, PUNCTUATION)));
    }
    if (ignoreNumbers) {
      xs.replaceAll(s -> withoutTrailingNuls(remove(s, "0123456789")));
    }
    return xs;
  }

  private static String truncate(String s, int codePoints) {
    if (s.codePointCount(0, s.length()) <= codePoints) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, codePoints));
  }

  private static String remove(String s, String chars) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (chars.indexOf(c) < 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String withoutTrailingNuls(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\0') {
      end--;
    }
    return s.substring(0, end);
  }
}
