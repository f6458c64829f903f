package org.lmeval.platform.python;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code str()} and {@code repr()} of the Java values that stand for Python values: {@code null}
 * → {@code None}, {@link Boolean} → {@code True}/{@code False}, integers ({@link Integer}, {@link Long},
 * {@link Short}, {@link Byte}, {@link BigInteger}), {@link Double} and {@link Float} (as a Python float,
 * via {@link PythonFloat#repr}), {@link String}, {@link PythonTuple}, {@link List}, {@link Map} (dict, in
 * iteration order) and {@link Set} (in iteration order: Python's own set order is its hash order).
 * Anything else prints as its {@code toString()}.
 *
 * <p>A string's repr follows CPython's {@code unicode_repr}: single quotes unless the text holds a
 * {@code '} and no {@code "}; {@code \\ \t \n \r} and the quote escaped; other control characters and
 * every non-printable code point as {@code \xhh}, {@code &#92;uhhhh} or {@code \Uhhhhhhhh}. Printable means
 * not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (the ASCII space excepted), judged with Java's
 * Unicode tables (Java 17: Unicode 13; CPython 3.11: Unicode 14, so code points new in 14 differ).
 */
public final class PythonStr {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonStr() {}

  /** {@code str(value)}. */
  public static String str(Object value) {
    if (value instanceof String) {
      return (String) value;
    }
    StringBuilder b = new StringBuilder();
    appendRepr(b, value);
    return b.toString();
  }

  /** {@code repr(value)}. */
  public static String repr(Object value) {
    StringBuilder b = new StringBuilder();
    appendRepr(b, value);
    return b.toString();
  }

  /** Appends {@code repr(value)}. */
  public static void appendRepr(StringBuilder b, Object value) {
    if (value == null) {
      b.append("None");
    } else if (value instanceof String) {
      appendStringRepr(b, (String) value);
    } else if (value instanceof Boolean) {
      b.append((Boolean) value ? "True" : "False");
    } else if (value instanceof Double || value instanceof Float) {
      b.append(PythonFloat.repr(((Number) value).doubleValue()));
    } else if (isInt(value)) {
      b.append(value.toString());
    } else if (value instanceof PythonTuple) {
      PythonTuple t = (PythonTuple) value;
      b.append('(');
      appendItems(b, t);
      if (t.size() == 1) {
        b.append(',');
      }
      b.append(')');
    } else if (value instanceof List) {
      b.append('[');
      appendItems(b, (List<?>) value);
      b.append(']');
    } else if (value instanceof Map) {
      b.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        appendRepr(b, e.getKey());
        b.append(": ");
        appendRepr(b, e.getValue());
        if (it.hasNext()) {
          b.append(", ");
        }
      }
      b.append('}');
    } else if (value instanceof Set) {
      Set<?> s = (Set<?>) value;
      if (s.isEmpty()) {
        b.append("set()");
      } else {
        b.append('{');
        appendItems(b, s);
        b.append('}');
      }
    } else {
      b.append(value);
    }
  }

  static boolean isInt(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger
        || value instanceof Short || value instanceof Byte;
  }

  private static void appendItems(StringBuilder b, Collection<?> items) {
    Iterator<?> it = items.iterator();
    while (it.hasNext()) {
      appendRepr(b, it.next());
      if (it.hasNext()) {
        b.append(", ");
      }
    }
  }

  /** Appends the repr of a string: quotes chosen and characters escaped as CPython does. */
  public static void appendStringRepr(StringBuilder b, String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    b.append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        b.append('\\').append((char) cp);
      } else if (cp == '\t') {
        b.append("\\t");
      } else if (cp == '\n') {
        b.append("\\n");
      } else if (cp == '\r') {
        b.append("\\r");
      } else if (cp < ' ' || cp == 0x7f) {
        hex(b, 'x', cp, 2);
      } else if (cp < 0x7f) {
        b.append((char) cp);
      } else if (isPrintable(cp)) {
        b.appendCodePoint(cp);
      } else if (cp <= 0xff) {
        hex(b, 'x', cp, 2);
      } else if (cp <= 0xffff) {
        hex(b, 'u', cp, 4);
      } else {
        hex(b, 'U', cp, 8);
      }
    }
    b.append(quote);
  }

  private static void hex(StringBuilder b, char kind, int cp, int digits) {
    b.append('\\').append(kind);
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      b.append(HEX[(cp >> shift) & 0xf]);
    }
  }

  /** Python's {@code str.isprintable} for one code point. */
  public static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }
}
