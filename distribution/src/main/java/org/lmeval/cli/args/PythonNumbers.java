package org.lmeval.cli.args;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Python's {@code int(str)}, {@code float(str)} and {@code str.isnumeric()}, as lm-eval's argument
 * parsers call them.
 *
 * <p>Both conversions strip surrounding whitespace, accept Unicode decimal digits (they are mapped to
 * ASCII first, as CPython does) and single underscores between digits. {@code float} also accepts
 * {@code inf}, {@code infinity} and {@code nan} in any case, with a sign. Integers come back as the
 * narrowest of {@link Integer}, {@link Long} and {@link BigInteger}.
 */
public final class PythonNumbers {
  private static final Pattern INT = Pattern.compile("[+-]?[0-9]+(?:_[0-9]+)*");
  private static final String DIGITPART = "[0-9]+(?:_[0-9]+)*";
  private static final Pattern FLOAT = Pattern.compile("[+-]?(?:(?:(?:" + DIGITPART + ")?\\." + DIGITPART
      + "|" + DIGITPART + "\\.?)(?:[eE][+-]?" + DIGITPART + ")?)");
  private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

  private PythonNumbers() {}

  /** {@code int(text)}: the integer, or empty where Python raises {@code ValueError}. */
  public static Optional<Number> parseInt(String text) {
    String s = asciiDigits(strip(text));
    if (!INT.matcher(s).matches()) {
      return Optional.empty();
    }
    return Optional.of(narrow(new BigInteger(s.replace("_", ""))));
  }

  /** {@code float(text)}: the value, or empty where Python raises {@code ValueError}. */
  public static OptionalDouble parseFloat(String text) {
    String s = asciiDigits(strip(text));
    if (SPECIAL.matcher(s).matches()) {
      boolean negative = s.startsWith("-");
      String word = s.replaceFirst("^[+-]", "").toLowerCase(java.util.Locale.ROOT);
      if (word.equals("nan")) {
        return OptionalDouble.of(Double.NaN);
      }
      return OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (!FLOAT.matcher(s).matches()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Double.parseDouble(s.replace("_", "")));
  }

  /**
   * {@code str.isnumeric()}: non-empty and every character has a Unicode numeric type (decimal digits,
   * letter numbers such as roman numerals, other numbers such as superscripts and fractions).
   */
  public static boolean isNumeric(String text) {
    if (text.isEmpty()) {
      return false;
    }
    return text.codePoints().allMatch(cp -> {
      int type = Character.getType(cp);
      return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
          || type == Character.OTHER_NUMBER || (Character.isIdeographic(cp) && Character.getNumericValue(cp) >= 0);
    });
  }

  /** The narrowest boxed type holding {@code value}: Integer, Long or BigInteger. */
  public static Number narrow(BigInteger value) {
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    if (value.bitLength() < 64) {
      return value.longValue();
    }
    return value;
  }

  /** {@code str.strip()}: removes Python whitespace (Unicode spaces and the ASCII separators 0x1c-0x1f). */
  public static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isPythonSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isPythonSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  /** Replaces every Unicode decimal digit by its ASCII digit, as CPython does before parsing numbers. */
  private static String asciiDigits(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int width = Character.charCount(cp);
      if (cp > 127 && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
        if (b == null) {
          b = new StringBuilder(s.substring(0, i));
        }
        b.append((char) ('0' + Character.digit(cp, 10)));
      } else if (b != null) {
        b.appendCodePoint(cp);
      }
      i += width;
    }
    return b == null ? s : b.toString();
  }
}
