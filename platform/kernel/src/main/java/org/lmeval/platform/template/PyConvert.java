package org.lmeval.platform.template;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Python's {@code int(...)} and {@code float(...)} as Jinja2's {@code int} and {@code float} filters use them. */
final class PyConvert {
  private PyConvert() {}

  /**
   * Jinja2's {@code do_int} without the default: {@code int(value, base)} for str, {@code int(value)}
   * otherwise, falling back to {@code int(float(value))}; null where the filter returns its default.
   */
  static Object toInt(Object value, long base) {
    if (value instanceof Undefined u) {
      throw u.error();
    }
    if (value instanceof String s) {
      Object parsed = parseInt(s, base);
      if (parsed != null) {
        return parsed;
      }
    } else if (Py.isInt(value)) {
      return Py.intResult(Py.bigInt(value));
    } else if (Py.isFloat(value)) {
      double d = Py.toDouble(value);
      if (Double.isInfinite(d)) {
        throw PyException.overflow("cannot convert float infinity to integer");
      }
      if (!Double.isNaN(d)) {
        return Py.intResult(new BigDecimal(d).toBigInteger());
      }
    }
    Double f = toFloat(value);
    if (f == null || Double.isNaN(f) || Double.isInfinite(f)) {
      return null;
    }
    return Py.intResult(new BigDecimal(f).toBigInteger());
  }

  /** {@code float(value)}; null where Python raises TypeError or ValueError. */
  static Double toFloat(Object value) {
    if (value instanceof Undefined u) {
      throw u.error();
    }
    if (Py.isNumber(value)) {
      return Py.toDouble(value);
    }
    if (value instanceof String s) {
      return parseFloat(s);
    }
    return null;
  }

  /** Python's {@code int(s, base)}; null on ValueError. */
  static Object parseInt(String s, long base) {
    String t = StrMethods.strip(s, null, true, true);
    boolean negative = false;
    if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
      negative = t.charAt(0) == '-';
      t = t.substring(1);
    }
    int radix = (int) base;
    if (base == 0 || base == 2 || base == 8 || base == 16) {
      String lower = t.length() >= 2 ? t.substring(0, 2).toLowerCase(java.util.Locale.ROOT) : "";
      int prefixed = switch (lower) {
        case "0x" -> 16;
        case "0o" -> 8;
        case "0b" -> 2;
        default -> 0;
      };
      if (prefixed != 0 && (base == 0 || base == prefixed)) {
        radix = prefixed;
        t = t.substring(2);
        if (t.startsWith("_")) {
          t = t.substring(1);
        }
      } else if (base == 0) {
        radix = 10;
        if (t.length() > 1 && t.chars().allMatch(c -> c == '0' || c == '_') == false && t.startsWith("0")) {
          return null;
        }
      }
    }
    if (radix < 2 || radix > 36) {
      throw PyException.valueError("int() base must be >= 2 and <= 36, or 0");
    }
    StringBuilder digits = new StringBuilder();
    boolean lastUnderscore = true;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '_') {
        if (lastUnderscore) {
          return null;
        }
        lastUnderscore = true;
        continue;
      }
      int d = Character.digit(cp, radix);
      if (d < 0 || (cp > 127 && !PyUnicode.isDecimal(cp))) {
        return null;
      }
      digits.append(Character.forDigit(d, radix));
      lastUnderscore = false;
    }
    if (digits.length() == 0 || lastUnderscore) {
      return null;
    }
    BigInteger v = new BigInteger(digits.toString(), radix);
    return Py.intResult(negative ? v.negate() : v);
  }

  /** Python's {@code float(s)}; null on ValueError. */
  static Double parseFloat(String s) {
    String t = StrMethods.strip(s, null, true, true);
    StringBuilder ascii = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      if (cp > 127) {
        if (!PyUnicode.isDecimal(cp)) {
          return null;
        }
        ascii.append((char) ('0' + Character.digit(cp, 10)));
      } else {
        ascii.append((char) cp);
      }
    }
    String a = ascii.toString();
    String body = a.startsWith("+") || a.startsWith("-") ? a.substring(1) : a;
    String lower = body.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("inf") || lower.equals("infinity")) {
      return a.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    if (!body.matches("(\\d(_?\\d)*)?(\\.(\\d(_?\\d)*)?)?([eE][+-]?\\d(_?\\d)*)?")
        || !body.matches("\\.?\\d.*")) {
      return null;
    }
    return Double.parseDouble(a.replace("_", ""));
  }
}
