package org.lmeval.platform.task;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.lmeval.platform.python.PythonFloat;
import org.lmeval.platform.python.PythonTuple;

/** The few Python string semantics prompt building needs: {@code str()}, {@code repr()}, isspace, isdigit. */
final class PyText {
  private PyText() {}

  /** Python's {@code str(x)}: strings as they are, everything else as {@link #repr}. */
  static String str(Object x) {
    return x instanceof String s ? s : repr(x);
  }

  /** Python's {@code repr(x)} for the values documents and literals hold. */
  static String repr(Object x) {
    if (x == null) {
      return "None";
    }
    if (x instanceof String s) {
      return reprString(s);
    }
    if (x instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (x instanceof Double || x instanceof Float) {
      return PythonFloat.repr(((Number) x).doubleValue());
    }
    if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte
        || x instanceof BigInteger) {
      return x.toString();
    }
    if (x instanceof PythonTuple t) {
      return t.size() == 1 ? "(" + repr(t.get(0)) + ",)" : join("(", t, ")");
    }
    if (x instanceof List<?> l) {
      return join("[", l, "]");
    }
    if (x instanceof java.util.Set<?> set) {
      return set.isEmpty() ? "set()" : join("{", set, "}");
    }
    if (x instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      return sb.append('}').toString();
    }
    return String.valueOf(x);
  }

  private static String join(String open, Collection<?> items, String close) {
    StringBuilder sb = new StringBuilder(open);
    Iterator<?> it = items.iterator();
    while (it.hasNext()) {
      sb.append(repr(it.next()));
      if (it.hasNext()) {
        sb.append(", ");
      }
    }
    return sb.append(close).toString();
  }

  /** Python's string repr: single quotes unless the text has ' and no ", escapes as CPython. */
  static String reprString(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        sb.append('\\').appendCodePoint(cp);
      } else if (cp == '\t') {
        sb.append("\\t");
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (cp < 0x20 || cp == 0x7f) {
        sb.append(String.format("\\x%02x", cp));
      } else if (cp < 0x7f) {
        sb.appendCodePoint(cp);
      } else if (isPrintable(cp)) {
        sb.appendCodePoint(cp);
      } else if (cp <= 0xff) {
        sb.append(String.format("\\x%02x", cp));
      } else if (cp <= 0xffff) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.append(String.format("\\U%08x", cp));
      }
    }
    return sb.append(quote).toString();
  }

  /** Python's {@code str.isprintable} for one non-ASCII code point (approximated with Java's categories). */
  private static boolean isPrintable(int cp) {
    int type = Character.getType(cp);
    switch (type) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
          Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
        return false;
      }
      case Character.SPACE_SEPARATOR -> {
        return cp == ' ';
      }
      default -> {
        return true;
      }
    }
  }

  /** Python truthiness: None, False, 0, "" and empty containers are false. */
  static boolean truthy(Object x) {
    if (x == null) {
      return false;
    }
    if (x instanceof Boolean b) {
      return b;
    }
    if (x instanceof String s) {
      return !s.isEmpty();
    }
    if (x instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (x instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (x instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /** Python's {@code str.isspace} for one character. */
  static boolean isSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20) || cp == 0x85 || cp == 0xa0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f
        || cp == 0x3000;
  }

  /** Python's {@code s[-1].isspace()} (false for ""). */
  static boolean endsWithSpace(String s) {
    return !s.isEmpty() && isSpace(s.codePointBefore(s.length()));
  }

  /** Python's {@code s[0].isspace()} (false for ""). */
  static boolean startsWithSpace(String s) {
    return !s.isEmpty() && isSpace(s.codePointAt(0));
  }

  /** Python's {@code str.isdigit}: non-empty and every character a digit (decimal or other digit). */
  static boolean isDigit(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean digit = type == Character.DECIMAL_DIGIT_NUMBER
          || (type == Character.OTHER_NUMBER && Character.getNumericValue(cp) >= 0
              && Character.getNumericValue(cp) <= 9);
      if (!digit) {
        return false;
      }
    }
    return true;
  }
}
