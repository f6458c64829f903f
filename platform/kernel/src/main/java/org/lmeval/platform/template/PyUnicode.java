package org.lmeval.platform.template;

import java.util.Locale;

/**
 * Python's character predicates and case mappings ({@code str.isspace}, {@code isdigit},
 * {@code capitalize}, {@code title}, ...), which differ from {@link Character}'s: Python's whitespace
 * includes NBSP and U+001C..U+001F, its digits include superscripts, its title case is the full
 * mapping ({@code 'ß'.capitalize() == 'Ss'}).
 */
final class PyUnicode {
  private PyUnicode() {}

  /** {@code chr(cp).isspace()}: bidi class WS, B or S, or category Zs. */
  static boolean isSpace(int cp) {
    if (cp < 128) {
      return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
    }
    return cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a)
        || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
  }

  /** A line boundary of {@code str.splitlines}. */
  static boolean isLineBreak(int cp) {
    return cp == '\n' || cp == '\r' || cp == 0x0b || cp == 0x0c || cp == 0x1c || cp == 0x1d
        || cp == 0x1e || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
  }

  /** Numeric_Type=Decimal ({@code str.isdecimal}). */
  static boolean isDecimal(int cp) {
    return Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
  }

  /** Numeric_Type=Digit or Decimal ({@code str.isdigit}): decimal digits plus superscripts etc. */
  static boolean isDigit(int cp) {
    if (isDecimal(cp)) {
      return true;
    }
    if (Character.getType(cp) != Character.OTHER_NUMBER) {
      return false;
    }
    int v = Character.getNumericValue(cp);
    return v >= 0 && v <= 9;
  }

  /** Numeric_Type=Digit, Decimal or Numeric ({@code str.isnumeric}). */
  static boolean isNumeric(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** {@code str.isalpha} for one character: categories Lu, Ll, Lt, Lm, Lo. */
  static boolean isAlpha(int cp) {
    return Character.isLetter(cp);
  }

  static boolean isLower(int cp) {
    return Character.isLowerCase(cp);
  }

  static boolean isUpper(int cp) {
    return Character.isUpperCase(cp);
  }

  static boolean isTitle(int cp) {
    return Character.isTitleCase(cp);
  }

  /** Python's "cased": lowercase, uppercase or titlecase. */
  static boolean isCased(int cp) {
    return isLower(cp) || isUpper(cp) || isTitle(cp);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  static String lower(int cp) {
    return new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
  }

  static String upper(int cp) {
    return new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
  }

  /** The full title-case mapping of one character ({@code 'ß'} → {@code "Ss"}). */
  static String title(int cp) {
    if (cp == 0x0149) {
      return "\u02bcN";
    }
    String up = upper(cp);
    if (up.codePointCount(0, up.length()) == 1) {
      return new String(Character.toChars(Character.toTitleCase(cp)));
    }
    int simple = Character.toTitleCase(cp);
    if (simple != cp && Character.getType(simple) == Character.TITLECASE_LETTER) {
      return new String(Character.toChars(simple));
    }
    int first = up.codePointAt(0);
    return new String(Character.toChars(first)) + lower(up.substring(Character.charCount(first)));
  }

  /** {@code str.capitalize()} (Python 3.8+): first character title-cased, the rest lower-cased. */
  static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    String lowerAll = lower(s);
    String lowerFirst = lower(first);
    return title(first) + lowerAll.substring(lowerFirst.length());
  }

  /** {@code str.title()}: title-case after an uncased character, lower-case after a cased one. */
  static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean previousCased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (previousCased) {
        sb.append(cp == 0x03a3 ? (finalSigma(s, i, n) ? "\u03c2" : "\u03c3") : lower(cp));
      } else {
        sb.append(title(cp));
      }
      previousCased = isCased(cp);
      i += n;
    }
    return sb.toString();
  }

  /** {@code str.swapcase()}. */
  static String swapcase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (isUpper(cp)) {
        sb.append(cp == 0x03a3 ? (finalSigma(s, i, n) ? "\u03c2" : "\u03c3") : lower(cp));
      } else if (isLower(cp)) {
        sb.append(upper(cp));
      } else {
        sb.appendCodePoint(cp);
      }
      i += n;
    }
    return sb.toString();
  }

  /** {@code str.casefold()}: full case folding, as lower-casing the upper-cased text. */
  static String casefold(String s) {
    return lower(upper(s));
  }

  /** Unicode's Final_Sigma condition for the capital sigma at {@code i}. */
  private static boolean finalSigma(String s, int i, int n) {
    int j = i;
    boolean casedBefore = false;
    while (j > 0) {
      int cp = s.codePointBefore(j);
      j -= Character.charCount(cp);
      if (!caseIgnorable(cp)) {
        casedBefore = isCased(cp);
        break;
      }
    }
    if (!casedBefore) {
      return false;
    }
    j = i + n;
    while (j < s.length()) {
      int cp = s.codePointAt(j);
      j += Character.charCount(cp);
      if (!caseIgnorable(cp)) {
        return !isCased(cp);
      }
    }
    return true;
  }

  private static boolean caseIgnorable(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT || type == Character.MODIFIER_LETTER
        || type == Character.MODIFIER_SYMBOL || cp == '\'' || cp == '.' || cp == ':'
        || cp == 0x00b7 || cp == 0x2019;
  }
}
