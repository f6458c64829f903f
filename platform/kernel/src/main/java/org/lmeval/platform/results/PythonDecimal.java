package org.lmeval.platform.results;

import java.math.BigDecimal;
import java.util.Locale;
import org.lmeval.api.support.PythonStrings;

/**
 * The string syntax of Python's {@code decimal.Decimal(str)}: surrounding whitespace, a sign, Unicode
 * decimal digits with single underscores between them, a fraction, an exponent, and the specials
 * {@code Infinity}/{@code Inf}/{@code NaN}/{@code sNaN} in any case.
 */
final class PythonDecimal {
  private PythonDecimal() {}

  /** The finite value of {@code s}, or null when {@code Decimal(s)} fails or is not finite. */
  static BigDecimal parse(String s) {
    String t = PythonStrings.strip(s);
    StringBuilder ascii = new StringBuilder(t.length());
    int i = 0;
    if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      ascii.append(t.charAt(i));
      i++;
    }
    int digits = 0;
    boolean dot = false;
    boolean exponent = false;
    int expDigits = 0;
    int prev = -1;
    while (i < t.length()) {
      int cp = t.codePointAt(i);
      int n = Character.charCount(cp);
      int d = PythonStrings.isdecimal(cp) ? Character.digit(cp, 10) : -1;
      if (d >= 0) {
        ascii.append((char) ('0' + d));
        if (exponent) {
          expDigits++;
        } else {
          digits++;
        }
      } else if (cp == '_') {
        boolean nextIsDigit = i + n < t.length()
            && PythonStrings.isdecimal(t.codePointAt(i + n));
        if (!isDigit(prev) || !nextIsDigit) {
          return null;
        }
      } else if (cp == '.' && !dot && !exponent) {
        dot = true;
        ascii.append('.');
      } else if ((cp == 'e' || cp == 'E') && !exponent && digits > 0) {
        exponent = true;
        ascii.append('E');
        if (i + 1 < t.length() && (t.charAt(i + 1) == '+' || t.charAt(i + 1) == '-')) {
          ascii.append(t.charAt(i + 1));
          i++;
        }
      } else {
        return null;
      }
      prev = cp;
      i += n;
    }
    if (digits == 0 || (exponent && expDigits == 0)) {
      return null;
    }
    try {
      return new BigDecimal(ascii.toString());
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static boolean isDigit(int cp) {
    return cp >= 0 && PythonStrings.isdecimal(cp);
  }

  /** {@code Decimal(s).is_infinite()} (false when {@code Decimal(s)} fails). */
  static boolean isInfinite(String s) {
    String t = unsigned(s);
    return t.equals("inf") || t.equals("infinity");
  }

  /** {@code Decimal(s).is_nan()} for quiet NaN strings, as {@code math.isnan} accepts them. */
  static boolean isNaN(String s) {
    String t = unsigned(s);
    if (!t.startsWith("nan")) {
      return false;
    }
    String payload = t.substring(3);
    return payload.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static String unsigned(String s) {
    String t = PythonStrings.strip(s).toLowerCase(Locale.ROOT);
    if (t.startsWith("+") || t.startsWith("-")) {
      t = t.substring(1);
    }
    return t;
  }
}
