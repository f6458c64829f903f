package org.lmeval.platform.template;

import org.lmeval.api.support.PythonStrings;

/**
 * The few {@code str} behaviours {@link PythonStrings} does not cover ({@code splitlines} line
 * boundaries, {@code swapcase}, {@code casefold}), on top of its character classes and case mappings.
 */
final class PyUnicode {
  private PyUnicode() {}

  /** A line boundary of {@code str.splitlines}. */
  static boolean isLineBreak(int cp) {
    return cp == '\n' || cp == '\r' || cp == 0x0b || cp == 0x0c || cp == 0x1c || cp == 0x1d
        || cp == 0x1e || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
  }

  /** {@code str.swapcase()}: upper-case characters lowered (final sigma included), lower-case ones raised. */
  static String swapcase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (Character.isUpperCase(cp)) {
        // lower-case it in place so that a capital sigma sees its neighbours (Final_Sigma)
        String lowered = PythonStrings.lower(s.substring(0, i + n));
        String before = PythonStrings.lower(s.substring(0, i));
        sb.append(lowered.substring(before.length()));
      } else if (Character.isLowerCase(cp)) {
        sb.append(PythonStrings.upper(s.substring(i, i + n)));
      } else {
        sb.appendCodePoint(cp);
      }
      i += n;
    }
    return sb.toString();
  }

  /** {@code str.casefold()}: full case folding, as lower-casing the upper-cased text. */
  static String casefold(String s) {
    return PythonStrings.lower(PythonStrings.upper(s));
  }
}
